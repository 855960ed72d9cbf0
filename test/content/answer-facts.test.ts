import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldForFacts } from '../../src/cli/eval/score-reply.js';
import { buildSnapshot } from '../../src/faq/content/build-snapshot.js';
import { loadContent } from '../../src/faq/content/load-content.js';
import type { FactRow } from './fact-row.js';
import { FACTS_TABLE_A } from './facts-table-a.js';
import { FACTS_TABLE_B } from './facts-table-b.js';
import { FACTS_TABLE_C } from './facts-table-c.js';
import { FACTS_TABLE_D } from './facts-table-d.js';
import { FACTS_TABLE_E } from './facts-table-e.js';

/**
 * The content states the fact sheet's figures and offices, on the day it is asked: each row of the
 * tables (written from shared/policy-facts.md, not from the YAML) is checked against the answer text
 * and its details valid that day. A wrong, stale or unhedged figure fails here.
 */
const content = loadContent(path.resolve('content'));
const snapshot = buildSnapshot(content, { now: () => Date.now() });
const TABLE: FactRow[] = [
  ...FACTS_TABLE_A,
  ...FACTS_TABLE_B,
  ...FACTS_TABLE_C,
  ...FACTS_TABLE_D,
  ...FACTS_TABLE_E,
];
const noon = (day: string): number => Date.parse(`${day}T12:00:00+07:00`);

describe('what every answer states, checked against the fact sheet', () => {
  it.each(TABLE.map((row) => [row.node, row.on, row] as const))('%s on %s', (_id, _on, row) => {
    const node = snapshot.node(row.node);
    expect(node, `no node ${row.node}`).toBeDefined();
    const version = snapshot.answerAt(node!, noon(row.on));
    expect(version, `${row.node} has no answer on ${row.on}`).toBeDefined();
    const text = foldForFacts(`${version!.text}\n${version!.details ?? ''}`);
    const missing = row.must.filter((group) => !group.some((alt) => text.includes(foldForFacts(alt))));
    expect(missing, `${row.node} on ${row.on} lacks`).toEqual([]);
    const forbidden = (row.mustNot ?? []).filter((phrase) => text.includes(foldForFacts(phrase)));
    expect(forbidden, `${row.node} on ${row.on} states`).toEqual([]);
    const shown = foldForFacts(version!.text);
    const notShown = (row.inAnswer ?? []).filter((group) => !group.some((alt) => shown.includes(foldForFacts(alt))));
    expect(notShown, `${row.node} on ${row.on} answer lacks`).toEqual([]);
  });

  it('every answer of the tables’ topic files has a row', () => {
    const covered = new Set(TABLE.map((r) => r.node));
    const files = new Set(TABLE.map((r) => snapshot.node(r.node)?.source.file).filter(Boolean));
    const answers = content.nodes
      .map((l) => l.node)
      .filter((n) => n.kind === 'answer' && files.has(n.source.file));
    expect(answers.filter((n) => !covered.has(n.id)).map((n) => n.id)).toEqual([]);
  });
});
