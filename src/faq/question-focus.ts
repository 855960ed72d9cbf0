import type { Syllable } from './normalize-vietnamese.js';

/** Folded interrogatives that make a clause a question wherever they stand ("ở đâu", "thế nào", "gì"). */
const INTERROGATIVES = new Set(['gi', 'nao', 'sao']);
/** … and the two-syllable ones ("bao nhiêu", never "nhiều" alone). */
const INTERROGATIVE_PAIRS = new Set(['bao nhieu', 'bao lau', 'bao gio']);
/** "mấy" typed with marks (mây1), or "may" typed without: not "máy", "may" (sewing) typed with marks. */
const isMay = (s: Syllable): boolean => s.folded === 'may' && (!s.marked || s.accented === 'mây1');
/** "đâu" typed with marks, or "dau" after "ở"/"đi" typed without: not "đau" (mẹ đau yếu). */
const isDau = (s: Syllable, before: Syllable | undefined): boolean =>
  s.folded === 'dau' && (s.marked ? s.accented === 'đâu0' : before?.folded === 'o' || before?.folded === 'di');
/** Folded question particles that make a clause a question when they close it ("có … không", "… chưa"). */
const CLOSING_QUESTION = new Set(['khong', 'chua']);
/** Folded particles that may follow the question word at the end of a clause ("không ạ", "bao nhiêu vậy ad"). */
const TRAILING = new Set(['a', 'ah', 'ak', 'ad', 'oi', 'nhi', 'nhe', 'vay', 'ta', 'chi', 'anh', 'em', 'ban', 'ha']);

/** For each syllable, the index of its clause: a pause (punctuation, line break) starts a new one. */
export function clauseIndexes(syllables: readonly Pick<Syllable, 'pause'>[]): number[] {
  let clause = 0;
  return syllables.map((s, i) => (i > 0 && s.pause ? ++clause : clause));
}

/**
 * For each clause (see `clauseIndexes`), whether it asks something: it holds an interrogative
 * ("bao nhiêu", "gì", "ở đâu", "nào", "sao", "mấy", "bao lâu") or ends, before closing particles,
 * with a question particle ("… không", "… chưa"). "làm thuê cũng không đủ ăn" is a statement.
 */
export function interrogativeClauses(syllables: readonly Syllable[]): boolean[] {
  const clauses: Syllable[][] = [];
  clauseIndexes(syllables).forEach((c, i) => (clauses[c] ??= []).push(syllables[i]!));
  return clauses.map((clause) => {
    const asks = (s: Syllable, i: number): boolean =>
      (INTERROGATIVES.has(s.folded) && s.accented !== 'nao4') ||
      isMay(s) ||
      isDau(s, clause[i - 1]) ||
      INTERROGATIVE_PAIRS.has(`${s.folded} ${clause[i + 1]?.folded}`);
    if (clause.some(asks)) return true;
    let last = clause.length - 1;
    while (last > 0 && TRAILING.has(clause[last]!.folded)) last -= 1;
    return CLOSING_QUESTION.has(clause[last]?.folded ?? '');
  });
}

/** What `focusWeights` needs of a term. */
export interface FocusTerm {
  bigram: boolean;
  clause: number;
  weight?: number;
  place?: unknown;
}

/** Knobs of the question focus (see matcher-knobs.ts). */
export interface FocusKnobs {
  focusMinMessage: number;
  focusMinTerms: number;
  storyWeight: number;
}

/**
 * The question in a long message: the last clause that asks something, widened backwards clause by
 * clause until it holds `focusMinTerms` content words (so "Xin hỏi sửa nhà thì được bao nhiêu?"
 * takes "nhà tạm dột nát" from the clause before). Every other term — the resident's story ("góa
 * chồng", "mẹ bệnh nặng", "con nhỏ") — is multiplied by `storyWeight`: it still counts, but it
 * no longer decides which answer explains the message best. Messages under `focusMinMessage`
 * content words, without a questioning clause, or whose focus would be the whole message are
 * returned unchanged.
 */
export function focusWeights<T extends FocusTerm>(
  terms: T[],
  interrogative: readonly boolean[],
  knobs: FocusKnobs,
): T[] {
  const words = terms.filter((t) => !t.bigram && (t.weight ?? 1) === 1 && t.place === undefined);
  const lastQuestion = interrogative.lastIndexOf(true);
  if (words.length < knobs.focusMinMessage || lastQuestion < 0) return terms;
  let first = lastQuestion;
  const count = (from: number): number => words.filter((t) => t.clause >= from && t.clause <= lastQuestion).length;
  while (first > 0 && count(first) < knobs.focusMinTerms) first -= 1;
  const inFocus = (t: T): boolean => t.clause >= first && t.clause <= lastQuestion;
  if (terms.every(inFocus)) return terms;
  return terms.map((t) => (inFocus(t) ? t : { ...t, weight: (t.weight ?? 1) * knobs.storyWeight }));
}
