import { normalizeVietnamese, type Syllable } from './normalize-vietnamese.js';
import { interrogativeClauses } from './question-focus.js';

/** A message is read as at most this many questions (the last ones: residents ask at the end). */
export const MAX_QUESTIONS = 3;

/** Words that join two questions typed without punctuation ("… được không và vay được bao nhiêu"). */
const CONNECTORS = new Set(['va', 'voi', 'con', 'them', 'ngoai']);

/**
 * The questions of a message, each with the story told before it: "nhà em 4 người, hộ nghèo
 * được bhyt không, vay vốn được bao nhiêu" → ["nhà em 4 người hộ nghèo được bhyt không",
 * "vay vốn được bao nhiêu"]. A message that asks one thing (or nothing) gives one item: the
 * whole message. Clauses are split at punctuation and at a connector that follows a question.
 */
export function splitQuestions(text: string): string[] {
  const { syllables } = normalizeVietnamese(text);
  const clauses: Syllable[][] = [];
  let current: Syllable[] = [];
  const flush = (): void => {
    if (current.length > 0) clauses.push(current);
    current = [];
  };
  for (const s of syllables) {
    if (s.pause) flush();
    else if (CONNECTORS.has(s.folded) && current.length >= 3 && asks(current)) flush();
    current.push({ ...s, pause: false });
  }
  flush();
  const groups: string[] = [];
  let story: Syllable[] = [];
  for (const clause of clauses) {
    story = [...story, ...clause];
    if (asks(clause)) {
      groups.push(story.map((s) => s.raw).join(' '));
      story = [];
    }
  }
  if (groups.length < 2) return [text];
  if (story.length > 0) groups[groups.length - 1] += ` ${story.map((s) => s.raw).join(' ')}`;
  return groups.slice(-MAX_QUESTIONS);
}

function asks(clause: Syllable[]): boolean {
  return interrogativeClauses(clause.map((s) => ({ ...s, pause: false })))[0] ?? false;
}
