import type { Candidate, MatchResult } from '../faq-types.js';
import type { Classification, Ranked } from './create-classifier.js';
import type { DecisionKnobs } from './decision-knobs.js';

const SAFETY = new Set(['emergency', 'scam', 'privacy']);
const MAX_OFFERED = 3;

/**
 * Turns the model's probabilities into a verdict, precision first: a direct answer only when the
 * best answer is likely and clearly ahead of the runner-up; two close candidates are offered as a
 * choice ("Có phải bạn muốn hỏi"), never guessed; out of scope declines; a fallback with some
 * evidence carries the best candidates.
 */
export function decide(c: Classification, knobs: DecisionKnobs): MatchResult {
  const answers = c.ranked.filter((r) => r.node.kind === 'answer');
  const best = c.ranked[0];
  const offered = (list: Ranked[]): Candidate[] =>
    list
      .filter((r) => r.p >= knobs.offerAbove)
      .slice(0, MAX_OFFERED)
      .map((r) => ({ id: r.node.id, score: round(r.p) }));
  // nothing to go on (no words, or none that any content uses): an honest "I don't know", not "out of scope"
  if (!best || c.words.length === 0 || !c.anyKnown) return { kind: 'fallback', score: 0, candidates: [] };
  const top = answers[0];
  const runnerUp = answers[1];
  const outOfScope = c.ranked.find((r) => r.node.intent === 'out_of_scope');
  if (best.node.kind === 'smalltalk') {
    const intent = best.node.intent!;
    const bar =
      intent === 'out_of_scope' ? knobs.declineAbove : SAFETY.has(intent) ? knobs.safetyAbove : knobs.smalltalkAbove;
    if (best.p >= bar) return { kind: 'smalltalk', id: best.node.id, intent, score: round(best.p) };
  }
  if (!top) return { kind: 'fallback', score: round(best.p), candidates: [] };
  // many unknown words, or the name of another service ("khai sinh"), and the answer not near-certain
  const unsure =
    (c.unknownShare >= knobs.unknownDecline && top.p < 0.85) ||
    (c.outOfScopePairs > 0 && top.p < knobs.answerAbove + knobs.answerLead);
  if (unsure && outOfScope && outOfScope.p >= Math.max(knobs.offerAbove, top.p)) {
    return { kind: 'smalltalk', id: outOfScope.node.id, intent: 'out_of_scope', score: round(outOfScope.p) };
  }
  // unsure, but an answer leads the out-of-scope class: the best candidates to choose from, never a guess
  if (unsure && outOfScope && outOfScope.p >= knobs.offerAbove) {
    const kind = top.p >= knobs.suggestAbove ? 'suggestions' : 'fallback';
    return { kind, score: round(top.p), candidates: offered(answers) };
  }
  // siblings stating the same facts need no choosing between them: the lead is over the best other one
  const rival = answers.slice(1).find((r) => !sharesFacts(r.node, top.node));
  const lead = top.p - (rival?.p ?? 0);
  if (best === top && top.p >= knobs.answerAbove && lead >= knobs.answerLead) {
    const alternatives =
      runnerUp && runnerUp.p >= knobs.suggestAbove ? [{ id: runnerUp.node.id, score: round(runnerUp.p) }] : [];
    return {
      kind: 'answer',
      id: top.node.id,
      score: round(top.p),
      candidates: offered(answers),
      ...(alternatives.length > 0 && { alternatives }),
    };
  }
  if (top.p >= knobs.suggestAbove) return { kind: 'suggestions', score: round(top.p), candidates: offered(answers) };
  return { kind: 'fallback', score: round(top.p), candidates: offered(answers) };
}

const sharesFacts = (a: { facts: string[] }, b: { facts: string[] }): boolean =>
  a.facts.some((f) => b.facts.includes(f));

const round = (p: number): number => Math.round(p * 1000) / 1000;
