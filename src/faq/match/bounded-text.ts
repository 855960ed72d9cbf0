/** A resident's message is matched on at most this many characters (UTF-16 units) … */
export const MAX_MATCH_CHARS = 1_000;
/** … and no word of it longer than this (Vietnamese syllables have at most 7 letters). */
export const MAX_MATCH_WORD_CHARS = 40;

const LONG_WORD = new RegExp(`\\S{${MAX_MATCH_WORD_CHARS + 1},}`, 'gu');
const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** The first `n` UTF-16 units of `s`, without splitting a surrogate pair. */
function head(s: string, n: number): string {
  if (s.length <= n) return s;
  return s.slice(0, isHighSurrogate(s.charCodeAt(n - 1)) ? n - 1 : n);
}

/** The last `n` UTF-16 units of `s`, without splitting a surrogate pair. */
function tail(s: string, n: number): string {
  if (s.length <= n) return s;
  const start = s.length - n;
  return s.slice(isLowSurrogate(s.charCodeAt(start)) ? start + 1 : start);
}

/**
 * The part of a resident's message that commands and matching read: trimmed, every word cut to
 * `MAX_MATCH_WORD_CHARS`, then the LAST `MAX_MATCH_CHARS` characters (residents tell their story
 * first and ask last), starting on a whole word. Matching cost grows faster than the length (a
 * 60,000-letter word once took 14 s); bounded, any message is matched in milliseconds. The full
 * text is still what officials see and what is stored. `cut` says whether anything was removed
 * (a cut message is always a question, never a command).
 * @example boundQuestionText('a'.repeat(60_000)) → { text: 'a'.repeat(40), cut: true }
 */
export function boundQuestionText(text: string): { text: string; cut: boolean } {
  const trimmed = text.trim();
  // linear: one regex pass; the words after a giant one are kept
  const words = trimmed.length > MAX_MATCH_WORD_CHARS ? trimmed.replace(LONG_WORD, (w) => head(w, MAX_MATCH_WORD_CHARS)) : trimmed;
  let kept = words;
  if (words.length > MAX_MATCH_CHARS) {
    // one character more than kept, to see whether the first kept word is whole
    const end = tail(words, MAX_MATCH_CHARS + 1);
    const space = end.search(/\s/u);
    kept = space > 0 ? end.slice(space).trimStart() : tail(words, MAX_MATCH_CHARS);
    if (kept.length > MAX_MATCH_CHARS) kept = tail(kept, MAX_MATCH_CHARS);
  }
  return { text: kept, cut: kept !== trimmed };
}
