import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const TSX = path.resolve('node_modules/.bin/tsx');
const ASK = path.resolve('src/cli/ask.ts');
const CONTENT = path.resolve('content');

/** Runs `npm run ask` the way the contract describes it, without npm's banner. */
function ask(args: string[], lines: string[]) {
  const run = spawnSync(TSX, [ASK, ...args], { input: `${lines.join('\n')}\n`, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The first answer node with a legal basis in the real content, and its first question. */
function knownQuestion(): { id: string; question: string } {
  const dir = path.join(CONTENT, 'faq');
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const topic = parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { nodes?: Record<string, unknown>[] };
    for (const node of topic.nodes ?? []) {
      const cited = node.legal_basis !== undefined || Array.isArray(node.versions);
      if ((node.kind ?? 'answer') === 'answer' && cited && Array.isArray(node.questions)) {
        return { id: node.id as string, question: node.questions[0] as string };
      }
    }
  }
  throw new Error('no cited answer in content/faq');
}

describe('npm run ask', () => {
  it('when questions are piped with --json, then one contract-shaped JSON object per line, with the right kinds and a cited answer', () => {
    const known = knownQuestion();
    const lines = [known.question, 'menu', '1', 'xyzzy plugh qwerty', 'gặp cán bộ'];
    const run = ask(['--json', '--date', '2026-11-29'], lines);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(lines.length);
    for (const [i, o] of out.entries()) {
      expect(Object.keys(o).sort()).toEqual(['id', 'kind', 'question', 'score', 'text']);
      expect(o.question).toBe(lines[i]);
      expect(['answer', 'suggestions', 'smalltalk', 'fallback']).toContain(o.kind);
      expect(typeof o.text).toBe('string');
      expect((o.text as string).length).toBeGreaterThan(0);
    }
    const [answer, menu, first, unknown, handoff] = out;
    expect(answer).toMatchObject({ kind: 'answer', id: known.id });
    expect(typeof answer!.score).toBe('number');
    expect(answer!.text).toMatch(/\nCăn cứ: .+/);
    expect(answer!.text).toMatch(/ · Cập nhật: \d{2}\/\d{2}\/\d{4}/);
    expect(menu).toMatchObject({ kind: 'suggestions', id: null, score: null });
    expect(menu!.text).toMatch(/\n1\. .+\n2\. /);
    // "1" after the main menu opens the first topic, as it would in chat
    expect(first).toMatchObject({ kind: 'suggestions' });
    expect(typeof first!.id).toBe('string');
    expect(unknown).toMatchObject({ kind: 'fallback', id: null });
    expect(unknown!.text).toContain('gặp cán bộ');
    expect(handoff).toMatchObject({ kind: 'smalltalk' });
  });

  it('when run without --json, then a readable transcript with the kind of each reply', () => {
    const run = ask(['--date', '2026-11-29'], ['menu']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^› menu\n\[suggestions\]\n.+\n1\. /);
  });

  it('when the date is not a date, then a clear error and exit code 2', () => {
    const run = ask(['--json', '--date', '29/11/2026'], ['menu']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('29/11/2026');
  });

  it('when the content folder is missing, then a clear error and exit code 1', () => {
    const run = ask(['--json', '--dir', path.resolve('test/fixtures/does-not-exist')], ['menu']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('content:check');
  });
});
