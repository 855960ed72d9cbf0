import type { AskLine } from '../create-ask-session.js';
import type { BlindRow } from './blind-set.js';

/** right: carries the facts (or declines, for out of scope); wrong: an answer that misleads; unanswered: honest "not sure". */
export type Verdict = 'right' | 'wrong' | 'unanswered';

/** Lowercase, no diacritics, đ→d, thousands separators and spaces folded: "1.500.000 đồng" ≈ "1500000 dong". */
export function foldForFacts(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/(\d)[.\s](?=\d{3}\b)/g, '$1')
    .replace(/\s+/g, ' ');
}

const carries = (text: string, group: string[]): boolean => group.some((alt) => text.includes(foldForFacts(alt)));

export interface Scored {
  verdict: Verdict;
  missing: string[][];
}

/**
 * Scores one reply. In scope: right = a direct answer carrying every must group and no must_not
 * phrase; an answer without them is wrong; suggestions, fallbacks and declines are unanswered.
 * Out of scope: right = declined (small talk or fallback); a direct answer is wrong. Safety, scam
 * and privacy: right = a small-talk reply carrying every must group (the contact); an FAQ answer
 * is wrong.
 */
export function scoreReply(row: BlindRow, reply: AskLine, onOrAfter2027: boolean): Scored {
  const text = foldForFacts(reply.text);
  const must = onOrAfter2027 && row.must2027 ? row.must2027 : row.must;
  const missing = must.filter((g) => !carries(text, g));
  const forbidden = row.mustNot.some((p) => text.includes(foldForFacts(p)));
  if (row.expect === 'answer') {
    if (reply.kind !== 'answer') return { verdict: 'unanswered', missing };
    return { verdict: missing.length === 0 && !forbidden ? 'right' : 'wrong', missing };
  }
  if (reply.kind === 'answer') return { verdict: 'wrong', missing };
  if (row.expect === 'decline') return { verdict: reply.kind === 'suggestions' ? 'unanswered' : 'right', missing };
  if (reply.kind !== 'smalltalk') return { verdict: 'unanswered', missing };
  return { verdict: missing.length === 0 ? 'right' : 'unanswered', missing };
}
