import fs from 'node:fs';
import { parse } from 'yaml';
import { EVAL_SPLITS, type EvalRow, type EvalSplit } from './evaluate-matcher.js';
import type { FaqSnapshot } from './faq-types.js';
import { INTENTS } from './read-node.js';

/**
 * Reads an evaluation set: a YAML list of `{q, expect, split?}`. Throws with the row number when a
 * row is malformed or its label names no node of `snapshot` (labels drift when content ids change).
 */
export function loadEvalSet(file: string, snapshot: FaqSnapshot): EvalRow[] {
  const data: unknown = parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${file}: expected a list of {q, expect, split}`);
  return data.map((raw: unknown, i): EvalRow => {
    const row = raw as Partial<EvalRow> | null;
    const where = `${file}: row ${i + 1}`;
    if (typeof row?.q !== 'string' || typeof row.expect !== 'string') throw new Error(`${where}: needs q and expect`);
    if (row.split !== undefined && !EVAL_SPLITS.includes(row.split as EvalSplit)) {
      throw new Error(`${where}: split is one of ${EVAL_SPLITS.join(', ')}`);
    }
    const intent = row.expect.startsWith('smalltalk:') ? row.expect.slice('smalltalk:'.length) : undefined;
    const known =
      row.expect === 'out_of_scope' ||
      (intent !== undefined
        ? (INTENTS as readonly string[]).includes(intent)
        : snapshot.node(row.expect) !== undefined);
    if (!known) throw new Error(`${where}: unknown label "${row.expect}"`);
    return { q: row.q, expect: row.expect, ...(row.split ? { split: row.split } : {}) };
  });
}
