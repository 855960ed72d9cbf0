import fs from 'node:fs';
import { parse } from 'yaml';

/** What a reply to the question should be. */
export const EXPECTS = ['answer', 'decline', 'safety', 'scam', 'privacy'] as const;
export type Expect = (typeof EXPECTS)[number];

/**
 * One row of a blind evaluation set (test/eval/blind/): the question (written by one helper from
 * the fact sheet and resident-style.md only) joined with the facts a right reply must carry
 * (written apart, by another helper, also blind to content/).
 */
export interface BlindRow {
  id: string;
  q: string;
  expect: Expect;
  style: string[];
  /** every group must appear in the reply; any alternative of a group will do */
  must: string[][];
  /** … on 2027-01-15 and later, when the right reply differs from today's */
  must2027?: string[][];
  /** phrases a right reply must not carry (a stale figure, a wrong office) */
  mustNot: string[];
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const groupsOf = (v: unknown, where: string): string[][] => {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new Error(`${where}: must is a list of groups`);
  return v.map((g) => {
    const group = typeof g === 'string' ? [g] : g;
    if (!isStrings(group) || group.length === 0) throw new Error(`${where}: each must group is a list of strings`);
    return group;
  });
};

/** Reads `<name>-questions.yaml` and `<name>-facts.yaml` and joins them by id; throws naming the row on a malformed one. */
export function loadBlindSet(questionsFile: string, factsFile: string): BlindRow[] {
  const questions = parse(fs.readFileSync(questionsFile, 'utf8')) as unknown;
  const facts = parse(fs.readFileSync(factsFile, 'utf8')) as unknown;
  if (!Array.isArray(questions) || !Array.isArray(facts)) throw new Error('both files must be YAML lists');
  const factsById = new Map<string, Record<string, unknown>>();
  for (const f of facts as Record<string, unknown>[]) factsById.set(String(f.id), f);
  return (questions as Record<string, unknown>[]).map((row, i) => {
    const where = `${questionsFile} row ${i + 1} (${String(row.id)})`;
    if (typeof row.q !== 'string' || !row.q.trim()) throw new Error(`${where}: no q`);
    if (!(EXPECTS as readonly string[]).includes(String(row.expect))) throw new Error(`${where}: bad expect`);
    const f = factsById.get(String(row.id));
    if (!f) throw new Error(`${where}: no facts row in ${factsFile}`);
    const expect = (f.expect as Expect | undefined) ?? (row.expect as Expect);
    const must = groupsOf(f.must, where);
    const must2027 = f.must_2027 === undefined ? undefined : groupsOf(f.must_2027, where);
    return {
      id: String(row.id),
      q: row.q,
      expect,
      style: isStrings(row.style) ? row.style : [],
      must,
      ...(must2027 ? { must2027 } : {}),
      mustNot: isStrings(f.must_not) ? f.must_not : [],
    };
  });
}
