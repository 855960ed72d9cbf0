import type { Candidate, FaqNode, MatchResult } from './faq-types.js';
import type { MatcherKnobs } from './matcher-knobs.js';

/** A retrieved node with its confidence (see coverage.ts). */
export interface ScoredNode {
  node: FaqNode;
  conf: number;
  covQ: number;
  covD: number;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
const toCandidate = (s: ScoredNode): Candidate => ({ id: s.node.id, score: round(s.conf) });

/**
 * The decision rule over candidates ranked by confidence (best first), ignoring candidates that
 * explain less than `minCovQSuggest` of the question:
 * - fallback when there is none or the best is below `fallbackBelow`;
 * - a confident best (`answerAbove`, `minCovQ`) that is an answer node is answered directly, even
 *   when a runner-up is close: the FAQ runner-ups within `alsoAskWithin` of it ride along as
 *   `alternatives` (the dialog offers them as numbered options after the answer) — unless a
 *   small-talk node (out of scope, privacy …) is within `margin` of it, which puts the scope in doubt;
 * - a confident topic or small-talk node needs a lead of `margin` over the runner-up too; it then
 *   yields its topic's children as suggestions (with `topicId`) or small talk;
 * - suggestions otherwise: FAQ candidates within `suggestWithin` of the best.
 * Small-talk nodes are never suggested nor offered as alternatives.
 */
export function decideMatch(
  ranked: ScoredNode[],
  knobs: MatcherKnobs,
  childrenOf: (topicId: string) => FaqNode[],
): MatchResult {
  const plausible = ranked.filter((s) => s.covQ >= knobs.minCovQSuggest);
  const faq = plausible.filter((s) => s.node.kind !== 'smalltalk');
  const top = plausible[0];
  if (!top || top.conf < knobs.fallbackBelow) {
    return { kind: 'fallback', score: round(ranked[0]?.conf ?? 0), candidates: faq.slice(0, knobs.maxSuggestions).map(toCandidate) };
  }
  const runner = plausible[1];
  const strong = top.conf >= knobs.answerAbove && top.covQ >= knobs.minCovQ;
  const confident = strong && (!runner || top.conf - runner.conf >= knobs.margin);
  /** a small-talk reading (out of scope, privacy …) close behind puts the scope itself in doubt */
  const scopeInDoubt = plausible.some((s) => s !== top && s.node.kind === 'smalltalk' && top.conf - s.conf < knobs.margin);
  if (confident && top.node.kind === 'smalltalk' && top.node.intent) {
    return { kind: 'smalltalk', id: top.node.id, intent: top.node.intent, score: round(top.conf) };
  }
  if (confident && top.node.kind === 'topic') {
    const children = childrenOf(top.node.id);
    if (children.length > 0) {
      return {
        kind: 'suggestions',
        score: round(top.conf),
        topicId: top.node.id,
        candidates: children.map((c) => ({ id: c.id, score: round(top.conf) })),
      };
    }
  }
  if (strong && !scopeInDoubt && top.node.kind === 'answer') {
    const alternatives = faq
      .filter((s) => s !== top && s.conf >= top.conf - knobs.alsoAskWithin)
      .slice(0, knobs.maxSuggestions - 1)
      .map(toCandidate);
    return {
      kind: 'answer',
      id: top.node.id,
      score: round(top.conf),
      candidates: faq.slice(0, knobs.maxSuggestions).map(toCandidate),
      alternatives,
    };
  }
  const floor = Math.max(knobs.fallbackBelow, top.conf - knobs.suggestWithin);
  const suggestions = faq.filter((s) => s.conf >= floor).slice(0, knobs.maxSuggestions);
  if (suggestions.length === 0) {
    return { kind: 'fallback', score: round(top.conf), candidates: faq.slice(0, knobs.maxSuggestions).map(toCandidate) };
  }
  return { kind: 'suggestions', score: round(top.conf), candidates: suggestions.map(toCandidate) };
}
