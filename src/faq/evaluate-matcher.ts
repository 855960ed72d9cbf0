import type { FaqSnapshot, MatchResult } from './faq-types.js';
import { normalizeVietnamese, stripMarks } from './normalize-vietnamese.js';

/** The day the eval and its floor test answer on (noon in Vietnam), fixed so runs compare. */
export const EVAL_DAY = '2026-12-01';

export const EVAL_SPLITS = ['dev', 'test', 'holdout'] as const;
export type EvalSplit = (typeof EVAL_SPLITS)[number];

/** One labelled question of test/eval/questions.yaml (or of another set file). */
export interface EvalRow {
  q: string;
  /** a node id, `out_of_scope`, or `smalltalk:<intent>` */
  expect: string;
  /** dev: tune on it; test: report only; holdout: a separate file, measured once per change */
  split?: EvalSplit;
}

export interface EvalMetrics {
  /** in-scope rows (expect = a node id) */
  inScope: number;
  /** share of in-scope rows whose first ranked id is the expected node */
  top1: number;
  /** … whose first three ranked ids contain it */
  top3: number;
  /** share of in-scope rows answered directly and correctly */
  answeredCorrect: number;
  /** share of in-scope rows answered directly (right or wrong) */
  answerRate: number;
  /** share of direct answers (in scope or not) that were right */
  answerPrecision: number;
  outOfScope: number;
  /** share of out-of-scope rows declined (fallback or small talk) */
  oosDeclined: number;
  /** out-of-scope rows answered directly / given suggestions (counts) */
  oosAnswered: number;
  oosSuggested: number;
  smalltalk: number;
  /** share of small-talk rows recognised with the right intent */
  smalltalkCorrect: number;
}

export interface EvalOutcome {
  row: EvalRow;
  marked: boolean;
  result: MatchResult;
  ranked: string[];
  correct: boolean;
}

export interface EvalReport {
  all: EvalMetrics;
  marked: EvalMetrics;
  unmarked: EvalMetrics;
  /** in-scope misses, "expected → got", most frequent first */
  confusion: { expected: string; got: string; count: number }[];
  outcomes: EvalOutcome[];
}

/** The ids a verdict puts forward, best first (a topic before its suggested children). */
function rankedIds(result: MatchResult): string[] {
  if (result.kind === 'smalltalk') return [result.id];
  const ids = result.candidates.map((c) => c.id);
  if (result.kind === 'answer') return [result.id, ...ids.filter((id) => id !== result.id)];
  if (result.kind === 'suggestions' && result.topicId) return [result.topicId, ...ids];
  return result.kind === 'fallback' ? [] : ids;
}

/**
 * The rows plus, for each question typed with diacritics, the same question without them (residents
 * type both ways), so marked and unmarked metrics compare on the same questions.
 */
export function withUnmarkedTwins(rows: readonly EvalRow[]): EvalRow[] {
  const twins = rows.filter((r) => stripMarks(r.q) !== r.q).map((r) => ({ ...r, q: stripMarks(r.q) }));
  return [...rows, ...twins];
}

const isInScope = (expect: string): boolean => expect !== 'out_of_scope' && !expect.startsWith('smalltalk:');

function isCorrect(expect: string, result: MatchResult, ranked: string[]): boolean {
  if (expect === 'out_of_scope') return result.kind === 'fallback' || result.kind === 'smalltalk';
  if (expect.startsWith('smalltalk:')) return result.kind === 'smalltalk' && `smalltalk:${result.intent}` === expect;
  return ranked[0] === expect;
}

const share = (n: number, d: number): number => (d === 0 ? 1 : Math.round((n / d) * 1000) / 1000);

function metricsOf(outcomes: EvalOutcome[]): EvalMetrics {
  const inScope = outcomes.filter((o) => isInScope(o.row.expect));
  const oos = outcomes.filter((o) => o.row.expect === 'out_of_scope');
  const small = outcomes.filter((o) => o.row.expect.startsWith('smalltalk:'));
  const answers = outcomes.filter((o) => o.result.kind === 'answer');
  return {
    inScope: inScope.length,
    top1: share(inScope.filter((o) => o.ranked[0] === o.row.expect).length, inScope.length),
    top3: share(inScope.filter((o) => o.ranked.slice(0, 3).includes(o.row.expect)).length, inScope.length),
    answeredCorrect: share(inScope.filter((o) => o.result.kind === 'answer' && o.correct).length, inScope.length),
    answerRate: share(inScope.filter((o) => o.result.kind === 'answer').length, inScope.length),
    answerPrecision: share(answers.filter((o) => o.correct).length, answers.length),
    outOfScope: oos.length,
    oosDeclined: share(oos.filter((o) => o.correct).length, oos.length),
    oosAnswered: oos.filter((o) => o.result.kind === 'answer').length,
    oosSuggested: oos.filter((o) => o.result.kind === 'suggestions').length,
    smalltalk: small.length,
    smalltalkCorrect: share(small.filter((o) => o.correct).length, small.length),
  };
}

/**
 * Runs every row through `snapshot.match` on `at` and scores it: ranking metrics for in-scope
 * rows, decline rate for out-of-scope rows, intent accuracy for small talk, each also split by
 * whether the question was typed with diacritics.
 */
export function evaluateMatcher(snapshot: FaqSnapshot, rows: readonly EvalRow[], at: number): EvalReport {
  const outcomes = rows.map((row): EvalOutcome => {
    const result = snapshot.match(row.q, at);
    const ranked = rankedIds(result);
    return {
      row,
      marked: normalizeVietnamese(row.q).typedWithDiacritics,
      result,
      ranked,
      correct: isCorrect(row.expect, result, ranked),
    };
  });
  const confusion = new Map<string, number>();
  for (const o of outcomes) {
    if (!isInScope(o.row.expect) || o.ranked[0] === o.row.expect) continue;
    const key = `${o.row.expect}\t${o.ranked[0] ?? o.result.kind}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
  }
  return {
    all: metricsOf(outcomes),
    marked: metricsOf(outcomes.filter((o) => o.marked)),
    unmarked: metricsOf(outcomes.filter((o) => !o.marked)),
    confusion: [...confusion.entries()]
      .map(([key, count]) => {
        const [expected, got] = key.split('\t') as [string, string];
        return { expected, got, count };
      })
      .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected)),
    outcomes,
  };
}
