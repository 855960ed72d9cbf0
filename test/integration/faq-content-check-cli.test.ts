import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.resolve('src/cli/content-check.ts'), ...args], {
    encoding: 'utf8',
  });

describe('npm run content:check', () => {
  it('when the content has errors, then it prints file:line diagnostics, a summary and exits 1', () => {
    const out = run('--dir', 'test/fixtures/content/broken', '--date', '2026-11-29');
    expect(out.status).toBe(1);
    expect(out.stdout).toContain(
      'test/fixtures/content/broken/faq/01-loi.yaml:41: error DANGLING_PARENT Mục "mo-coi" có parent "khong-co" nhưng không có mục nào mang id này.',
    );
    expect(out.stdout.trim().split('\n').at(-1)).toMatch(/^6 tệp, 29 mục: 20 lỗi, 3 cảnh báo\./);
  });

  it('when the content has only warnings, then it exits 0', () => {
    const out = run('--dir', 'test/fixtures/content/warnings', '--date', '2026-11-29');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('warning REVIEW_STALE');
  });

  it('when --json is given, then it prints one JSON object with the diagnostics and counts', () => {
    const out = run('--dir', 'test/fixtures/content/valid', '--json', '--date', '2026-11-29');
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ diagnostics: [], errors: 0, warnings: 0, files: 4, nodes: 13 });
  });
});
