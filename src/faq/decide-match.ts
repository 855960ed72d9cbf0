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
 * explain less than `minCovQSuggest` of the question: fallback when the best is below `fallbackBelow`; a direct verdict when the best is confident
 * (`answerAbove`, `minCovQ`) and leads the runner-up by `margin`; suggestions otherwise.
 * A confident topic yields suggestions of its available children (with `topicId`); a confident
 * small-talk node yields small talk. Small-talk nodes are never suggested.
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
  const confident =
    top.conf >= knobs.answerAbove && top.covQ >= knobs.minCovQ && (!runner || top.conf - runner.conf >= knobs.margin);
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
  if (confident && top.node.kind === 'answer') {
    return { kind: 'answer', id: top.node.id, score: round(top.conf), candidates: faq.slice(0, knobs.maxSuggestions).map(toCandidate) };
  }
  const floor = Math.max(knobs.fallbackBelow, top.conf - knobs.suggestWithin);
  const suggestions = faq.filter((s) => s.conf >= floor).slice(0, knobs.maxSuggestions);
  if (suggestions.length === 0) {
    return { kind: 'fallback', score: round(top.conf), candidates: faq.slice(0, knobs.maxSuggestions).map(toCandidate) };
  }
  return { kind: 'suggestions', score: round(top.conf), candidates: suggestions.map(toCandidate) };
}
