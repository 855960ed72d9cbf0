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
 * - a long message (`queryTerms ≥ longMessageTerms`, a resident's story) whose best node is an
 *   answer it covers almost whole, with a clear lead, is answered even below those bars (see
 *   `longMessageTerms` in matcher-knobs.ts): the story words dilute covQ, not the evidence. The
 *   lead is taken over the best node outside the answer's own menu: a sibling close behind is
 *   another reading of the same subject, so it rides along as an alternative instead;
 * - suggestions otherwise: FAQ candidates within `suggestWithin` of the best.
 * Small-talk nodes are never suggested nor offered as alternatives.
 */
export function decideMatch(
  ranked: ScoredNode[],
  knobs: MatcherKnobs,
  childrenOf: (topicId: string) => FaqNode[],
  queryTerms = 0,
): MatchResult {
  const story = storyAnswer(ranked, knobs, queryTerms);
  if (story) {
    const faqRanked = ranked.filter((s) => s.node.kind !== 'smalltalk');
    return {
      kind: 'answer',
      id: story.node.id,
      score: round(story.conf),
      candidates: faqRanked.slice(0, knobs.maxSuggestions).map(toCandidate),
      alternatives: faqRanked
        .filter((s) => s !== story && s.conf >= story.conf - knobs.alsoAskWithin)
        .slice(0, knobs.maxSuggestions - 1)
        .map(toCandidate),
    };
  }
  const plausible = ranked.filter((s) => s.covQ >= knobs.minCovQSuggest);
  const faq = plausible.filter((s) => s.node.kind !== 'smalltalk');
  const top = plausible[0];
  if (!top || top.conf < knobs.fallbackBelow) {
    return {
      kind: 'fallback',
      score: round(ranked[0]?.conf ?? 0),
      candidates: faq.slice(0, knobs.maxSuggestions).map(toCandidate),
    };
  }
  const runner = plausible[1];
  const strong = top.conf >= knobs.answerAbove && top.covQ >= knobs.minCovQ;
  const confident = strong && (!runner || top.conf - runner.conf >= knobs.margin);
  /** a small-talk reading (out of scope, privacy …) close behind puts the scope itself in doubt */
  const scopeInDoubt = plausible.some(
    (s) => s !== top && s.node.kind === 'smalltalk' && top.conf - s.conf < knobs.margin,
  );
  /**
   * The out-of-scope examples read the question best, or as well as a confident answer: declining
   * (with the pointer to the menu) beats offering near-misses for a subject the bot does not cover.
   */
  const outOfScope = strong
    ? plausible.find((s) => s.node.intent === 'out_of_scope' && top.conf - s.conf < knobs.margin)
    : undefined;
  if (outOfScope?.node.intent && (outOfScope === top || top.node.kind === 'answer')) {
    return { kind: 'smalltalk', id: outOfScope.node.id, intent: outOfScope.node.intent, score: round(outOfScope.conf) };
  }
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
    return {
      kind: 'fallback',
      score: round(top.conf),
      candidates: faq.slice(0, knobs.maxSuggestions).map(toCandidate),
    };
  }
  return { kind: 'suggestions', score: round(top.conf), candidates: suggestions.map(toCandidate) };
}

/**
 * The best node of a long message when it clearly wins on evidence although the message's other
 * words keep its confidence under the usual bars; undefined when the usual rule would answer anyway
 * or the message is short. The lead is measured against the best node that is not a sibling of it
 * (same parent menu): small talk and other subjects count, other readings of the same subject don't.
 */
function storyAnswer(ranked: ScoredNode[], knobs: MatcherKnobs, queryTerms: number): ScoredNode | undefined {
  const top = ranked[0];
  if (!top || queryTerms < knobs.longMessageTerms || top.node.kind !== 'answer') return undefined;
  if (top.conf >= knobs.answerAbove && top.covQ >= knobs.minCovQ) return undefined;
  const runner = ranked.find((s) => s !== top && (s.node.kind === 'smalltalk' || s.node.parent !== top.node.parent));
  const leads = !runner || top.conf - runner.conf >= knobs.longLead;
  return top.covD >= knobs.longMinCovD && top.conf >= knobs.longAnswerAbove && leads ? top : undefined;
}
