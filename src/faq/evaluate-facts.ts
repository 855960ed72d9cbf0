import fs from 'node:fs';
import { parse } from 'yaml';
import { normalizeVietnamese } from './normalize-vietnamese.js';

export const FACTS_HALVES = ['A', 'B'] as const;
export type FactsHalf = (typeof FACTS_HALVES)[number];

/** One row of `test/eval/facts-set.yaml`: an in-scope question with the snippets its reply must carry, or an out-of-scope one. */
export type FactsRow =
  | { q: string; half: FactsHalf; outOfScope: false; facts: string[]; mustContain: string[] }
  | { q: string; half: FactsHalf; outOfScope: true };

/** What the evaluation needs from a reply (the `npm run ask -- --json` line). */
export interface FactsReply {
  kind: string;
  id: string | null;
  text: string;
}

export interface FactsOutcome {
  row: FactsRow;
  reply: FactsReply;
  /** typed with diacritics (same rule as the matcher) */
  marked: boolean;
  correct: boolean;
  /** in-scope rows: the snippets the reply lacks (empty when only the kind was wrong) */
  missing: string[];
}

export interface FactsMetrics {
  inScope: number;
  /** in-scope rows answered (kind "answer") with every snippet present */
  inScopeCorrect: number;
  /** in-scope rows whose reply is a direct answer, right or wrong */
  inScopeAnswered: number;
  outOfScope: number;
  /** out-of-scope rows declined: small talk or fallback, and no cited ("Căn cứ:") text */
  oosDeclined: number;
  /** out-of-scope rows answered directly */
  oosAnswered: number;
}

export interface FactsReport {
  all: FactsMetrics;
  marked: FactsMetrics;
  unmarked: FactsMetrics;
  halves: Record<FactsHalf, FactsMetrics>;
  outcomes: FactsOutcome[];
}

const CITATION = 'Căn cứ:';
const DECLINING_KINDS = new Set(['smalltalk', 'fallback']);

/**
 * Reads the facts set: a YAML list of `{q, half, facts, must_contain}` or `{q, half, out_of_scope: true}`.
 * Throws with the row number when a row is malformed (no `q`, a half other than A/B, an in-scope row
 * without 1–3 snippets or without fact ids).
 */
export function loadFactsSet(file: string): FactsRow[] {
  const data: unknown = parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(data))
    throw new Error(`${file}: expected a list of {q, half, facts, must_contain | out_of_scope}`);
  return data.map((raw: unknown, i): FactsRow => {
    const row = (raw ?? {}) as Record<string, unknown>;
    const where = `${file}: row ${i + 1}`;
    if (typeof row.q !== 'string' || row.q.trim() === '') throw new Error(`${where}: needs q`);
    if (!(FACTS_HALVES as readonly unknown[]).includes(row.half)) throw new Error(`${where}: half is A or B`);
    const half = row.half as FactsHalf;
    if (row.out_of_scope === true) return { q: row.q, half, outOfScope: true };
    const strings = (v: unknown): v is string[] =>
      Array.isArray(v) && v.every((s) => typeof s === 'string' && s !== '');
    if (!strings(row.facts) || row.facts.length === 0)
      throw new Error(`${where}: needs facts (ids) or out_of_scope: true`);
    if (!strings(row.must_contain) || row.must_contain.length < 1 || row.must_contain.length > 3) {
      throw new Error(`${where}: must_contain lists 1–3 snippets`);
    }
    return { q: row.q, half, outOfScope: false, facts: row.facts, mustContain: row.must_contain };
  });
}

/**
 * Text as compared with snippets: NFC, whitespace runs as one space, thousands separators removed
 * ("1.500.000", "1,500,000" and "1500000" agree) and a remaining decimal separator between digits
 * written as a comma ("6.6" = "6,6"). Case and diacritics are kept.
 */
export function normalizeForSnippets(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/(\d)[.,](?=\d{3}(?!\d))/g, '$1')
    .replace(/(\d)\.(?=\d)/g, '$1,');
}

/**
 * Scores one reply. In scope: right when the reply is a direct answer and carries every snippet.
 * Out of scope: right when it is declined (small talk or fallback) and cites nothing.
 */
export function scoreFactsReply(row: FactsRow, reply: FactsReply): { correct: boolean; missing: string[] } {
  if (row.outOfScope) {
    return { correct: DECLINING_KINDS.has(reply.kind) && !reply.text.includes(CITATION), missing: [] };
  }
  const text = normalizeForSnippets(reply.text);
  const missing = row.mustContain.filter((s) => !text.includes(normalizeForSnippets(s)));
  return { correct: reply.kind === 'answer' && missing.length === 0, missing };
}

function metricsOf(outcomes: readonly FactsOutcome[]): FactsMetrics {
  const inScope = outcomes.filter((o) => !o.row.outOfScope);
  const oos = outcomes.filter((o) => o.row.outOfScope);
  return {
    inScope: inScope.length,
    inScopeCorrect: inScope.filter((o) => o.correct).length,
    inScopeAnswered: inScope.filter((o) => o.reply.kind === 'answer').length,
    outOfScope: oos.length,
    oosDeclined: oos.filter((o) => o.correct).length,
    oosAnswered: oos.filter((o) => o.reply.kind === 'answer').length,
  };
}

/**
 * Asks every row through `ask` (each row as its own fresh resident: the user id is the row number)
 * and scores the replies; metrics for all rows, those typed with / without diacritics, and each half.
 * Rows are asked one after another, in order.
 */
export async function evaluateFacts(
  rows: readonly FactsRow[],
  ask: (userId: string, question: string) => Promise<FactsReply>,
): Promise<FactsReport> {
  const outcomes: FactsOutcome[] = [];
  for (const [i, row] of rows.entries()) {
    const reply = await ask(`facts-eval-${i + 1}`, row.q);
    outcomes.push({
      row,
      reply,
      marked: normalizeVietnamese(row.q).typedWithDiacritics,
      ...scoreFactsReply(row, reply),
    });
  }
  return {
    all: metricsOf(outcomes),
    marked: metricsOf(outcomes.filter((o) => o.marked)),
    unmarked: metricsOf(outcomes.filter((o) => !o.marked)),
    halves: {
      A: metricsOf(outcomes.filter((o) => o.row.half === 'A')),
      B: metricsOf(outcomes.filter((o) => o.row.half === 'B')),
    },
    outcomes,
  };
}

/** correct ÷ total, 1 for an empty group (nothing to get wrong). */
export function rate(correct: number, total: number): number {
  return total === 0 ? 1 : correct / total;
}
