/** A resident's question is matched on at most this many characters (UTF-16 units) … */
export const MAX_MATCH_CHARS = 1000;
/** … and no word of it longer than this (Vietnamese syllables have at most 7 letters). */
export const MAX_MATCH_WORD_CHARS = 50;

const LONG_WORD = new RegExp(`\\S{${MAX_MATCH_WORD_CHARS + 1},}`, 'gu');

/** Cuts `s` to at most `n` UTF-16 units without splitting a surrogate pair. */
function cutAt(s: string, n: number): string {
  if (s.length <= n) return s;
  const code = s.charCodeAt(n - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

/**
 * The part of a resident's message the dialog works on synchronously (command parsing, FAQ
 * matching, the question's grouping key): trimmed, at most `MAX_MATCH_CHARS` characters, cut at a
 * word boundary where there is one, and every word cut to `MAX_MATCH_WORD_CHARS`. Matching cost
 * grows much faster than the length (a 60,000-letter word took 14 s, 60 KB of words 5 s); bounded,
 * any message is matched in milliseconds. The full text is still what officials see and what is stored.
 * `cut` says whether anything was removed (a cut message is always a question, never a command).
 * @example boundQuestionText('a'.repeat(60_000)) → { text: 'a'.repeat(50), cut: true }
 */
export function boundQuestionText(text: string): { text: string; cut: boolean } {
  const trimmed = text.trim();
  // linear: one regex pass; the words after a giant one are kept
  const words = trimmed.replace(LONG_WORD, (word) => cutAt(word, MAX_MATCH_WORD_CHARS));
  // one character more than kept, to see whether the last kept word goes on
  let head = cutAt(words, MAX_MATCH_CHARS + 1);
  if (head.length > MAX_MATCH_CHARS) {
    let lastSpace = head.length - 1;
    while (lastSpace > 0 && !/\s/u.test(head[lastSpace]!)) lastSpace--;
    head = lastSpace > 0 ? head.slice(0, lastSpace).trimEnd() : cutAt(head, MAX_MATCH_CHARS);
  }
  return { text: head, cut: head !== trimmed };
}
