import type { Syllable } from './normalize-vietnamese.js';

/**
 * Folded interrogatives that make a clause a question wherever they stand ("ở đâu", "thế nào", "gì"),
 * with their chat spellings (shared/resident-style.md): j (gì), bn/bnhieu (bao nhiêu), ntn (như thế nào).
 */
const INTERROGATIVES = new Set(['gi', 'nao', 'sao', 'j', 'bn', 'bnhieu', 'bnhiu', 'bnh', 'ntn']);
/** … and the two-syllable ones ("bao nhiêu", never "nhiều" alone). */
const INTERROGATIVE_PAIRS = new Set(['bao nhieu', 'bao lau', 'bao gio']);
/** "mấy" typed with marks (mây1), or "may" typed without: not "máy", "may" (sewing) typed with marks. */
const isMay = (s: Syllable): boolean => s.folded === 'may' && (!s.marked || s.accented === 'mây1');
/** "đâu" typed with marks, or "dau" after "ở"/"đi" typed without: not "đau" (mẹ đau yếu). */
const isDau = (s: Syllable, before: Syllable | undefined): boolean =>
  s.folded === 'dau' && (s.marked ? s.accented === 'đâu0' : before?.folded === 'o' || before?.folded === 'di');
/**
 * Folded question particles that make a clause a question when they close it ("có … không", "… chưa"),
 * with their chat spellings: ko, k, kh, hok, hong (không). A "k" after a number is a thousand ("500 k").
 */
const CLOSING_QUESTION = new Set(['khong', 'chua', 'ko', 'k', 'kh', 'khg', 'hok', 'hong', 'hem']);
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
    const closing = clause[last];
    if (closing?.folded === 'k' && clause[last - 1]?.isNumber) return false;
    return CLOSING_QUESTION.has(closing?.folded ?? '');
  });
}
