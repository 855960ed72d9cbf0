/**
 * Vietnamese text normalisation for matching (see /work/shared/vietnamese-matching.md §1).
 *
 * Every syllable gets two keys:
 * - `folded`: no marks at all, đ→d, chat spellings folded (i/y in open syllables, f→ph, w→qu, j→gi);
 * - `accented`: vowel-quality marks kept (ă â ê ô ơ ư đ), the tone moved to a trailing digit
 *   (0 none, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng), so both tone placements give one key: hoà/hòa → hoa2.
 */

export interface Syllable {
  /** lowercase NFC form as typed */
  raw: string;
  folded: string;
  accented: string;
  /** carries any diacritic (a vowel mark, a tone or đ) */
  marked: boolean;
  /** a digit run, or a short letter run glued to digits ("1tr4", "35m2"): facts, not topic */
  isNumber: boolean;
  /** punctuation that ends a clause (. , ; : ! ? … or a line break) comes right before it */
  pause: boolean;
  /** typed with a capital first letter ("Hoa" of "chị Hoa": a name, or the start of a sentence) */
  capital: boolean;
}

export interface NormalizedText {
  syllables: Syllable[];
  /** the resident typed with diacritics: at least MARKED_SHARE of the letter syllables carry marks */
  typedWithDiacritics: boolean;
}

/** Share of marked letter syllables from which a message counts as typed with diacritics. */
export const MARKED_SHARE = 0.4;

const TONE_DIGITS: Record<string, string> = {
  '\u0301': '1', // sắc
  '\u0300': '2', // huyền
  '\u0309': '3', // hỏi
  '\u0303': '4', // ngã
  '\u0323': '5', // nặng
};
const VOWEL_MARKS = new Set(['\u0302', '\u0306', '\u031B']); // circumflex, breve, horn
const SEPARATOR = /([^\p{L}\p{M}\p{N}]+)/u;
const PAUSE = /[.,;:!?…\n]/u;
const RUNS = /\p{N}+|[\p{L}\p{M}]+/gu;
const DIGITS = /^\p{N}+$/u;
const OPEN_Y = /^(ph|th|tr|ch|kh|nh|gh|qu|[bcdhklmnrstvx])y$/;

/** The accented key of one lowercase syllable: vowel marks kept, tone as a trailing digit. */
export function accentKey(syllable: string): string {
  let tone = '0';
  let base = '';
  for (const ch of syllable.normalize('NFD')) {
    const digit = TONE_DIGITS[ch];
    if (digit !== undefined) tone = digit;
    else if (!/\p{M}/u.test(ch) || VOWEL_MARKS.has(ch)) base += ch;
  }
  return base.normalize('NFC') + tone;
}

/** Removes every mark and maps đ to d; works on NFC and NFD input. */
export function stripMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** The folded key of one lowercase syllable: no marks, đ→d, and chat/variant spellings folded. */
export function foldKey(syllable: string): string {
  let s = stripMarks(syllable);
  if (s.length > 1 && s.startsWith('f')) s = 'ph' + s.slice(1);
  else if (s.length > 1 && s.startsWith('w')) s = 'qu' + s.slice(1);
  else if (s.startsWith('j')) s = 'gi' + s.slice(1);
  const openY = OPEN_Y.exec(s);
  if (openY) s = `${openY[1]}i`;
  return s;
}

/** The keys of one letter run (a small vocabulary: cached, bounded). */
interface RunKeys {
  folded: string;
  accented: string;
  marked: boolean;
}
const runCache = new Map<string, RunKeys>();
const RUN_CACHE_MAX = 50_000;

function keysOf(raw: string): RunKeys {
  let keys = runCache.get(raw);
  if (!keys) {
    keys = { folded: foldKey(raw), accented: accentKey(raw), marked: stripMarks(raw) !== raw };
    if (runCache.size >= RUN_CACHE_MAX) runCache.clear();
    if (raw.length <= 40) runCache.set(raw, keys);
  }
  return keys;
}

/**
 * The folded keys of every letter run of a text, in order (numbers and punctuation dropped): a
 * cheap word list for vocabularies, without the syllable details of `normalizeVietnamese`.
 */
export function foldedWords(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{M}]+/gu) ?? []
  ).map((w) => keysOf(w).folded);
}

/** The syllables of one typed word (between separators), without `pause`: cached, bounded. */
const wordCache = new Map<string, Omit<Syllable, 'pause'>[]>();
function syllablesOfWord(typed: string): Omit<Syllable, 'pause'>[] {
  let found = wordCache.get(typed);
  if (found) return found;
  found = [];
  const part = typed.toLowerCase();
  const runs = part.match(RUNS) ?? [];
  const typedRuns = part.length === typed.length ? (typed.match(RUNS) ?? []) : [];
  const hasDigits = runs.some((r) => DIGITS.test(r));
  for (const [r, run] of runs.entries()) {
    const isDigits = DIGITS.test(run);
    const raw = run.normalize('NFC');
    const keys = isDigits ? { folded: raw, accented: raw, marked: false } : keysOf(raw);
    found.push({
      raw,
      folded: keys.folded,
      accented: keys.accented,
      marked: keys.marked,
      isNumber: isDigits || (hasDigits && run.length <= 3),
      capital: /^\p{Lu}/u.test(typedRuns[r] ?? ''),
    });
  }
  if (wordCache.size >= RUN_CACHE_MAX) wordCache.clear();
  if (typed.length <= 40) wordCache.set(typed, found);
  return found;
}

/**
 * Splits free text into syllables with their keys. NFC first (NFD input is common from some
 * keyboards and copy-paste), then lowercase; punctuation and emoji are separators; letter/digit
 * runs are split ("1tr4" → 1, tr, 4). Empty or symbol-only text gives no syllables.
 */
export function normalizeVietnamese(text: string): NormalizedText {
  const syllables: Syllable[] = [];
  let pause = false;
  // split with a capture group: words at even indexes, the separators between them at odd ones
  for (const [i, typed] of text.normalize('NFC').split(SEPARATOR).entries()) {
    if (i % 2 === 1) {
      pause ||= PAUSE.test(typed);
      continue;
    }
    if (!typed) continue;
    for (const [r, syllable] of syllablesOfWord(typed).entries()) {
      syllables.push({ ...syllable, pause: r === 0 && pause && syllables.length > 0 });
    }
    pause = false;
  }
  const letters = syllables.filter((s) => !s.isNumber);
  const marked = letters.filter((s) => s.marked).length;
  return { syllables, typedWithDiacritics: letters.length > 0 && marked / letters.length >= MARKED_SHARE };
}
