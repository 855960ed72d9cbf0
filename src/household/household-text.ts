import { accentKey, stripMarks } from '../faq/match/normalize-vietnamese.js';

/**
 * One token of a resident's message (or of a content phrase): a word, a digit run, or one of the
 * symbols that matter for amounts ("/" in "5tr/tháng", "-" in "5-7 triệu", "%").
 */
export interface Token {
  kind: 'word' | 'num' | 'sym';
  /** lowercase NFC, as typed */
  raw: string;
  /** words: no marks, đ → d, chat spellings folded ("ko" → "khong"); numbers and symbols: raw */
  fold: string;
  /** a word typed with a diacritic: compared with content phrases by its marks too */
  marked: boolean;
  /** numbers: the value ("1,5" → 1.5, "1.500.000" → 1500000) */
  value?: number;
  /** numbers: written with a decimal separator ("1,5", "2.4") */
  decimal?: boolean;
  /** numbers: digits before any separator ("250" → 3), for "1tr250" */
  digits?: number;
  /** numbers: written with thousands separators ("1.500.000") */
  grouped?: boolean;
  /** no space before it ("1tr4": "tr" and "4" are glued) */
  glued: boolean;
  /** index of the sentence (split at . ! ? ; and line breaks) and of the clause (also , :) */
  sentence: number;
  clause: number;
}

/**
 * Chat spellings of residents (shared/resident-style.md) folded to one word; unambiguous ones only.
 * Number-bound abbreviations ("5tr", "500k", "1 củ") are read by the amount reader, not here.
 */
const CHAT: Record<string, string> = {
  ko: 'khong',
  kh: 'khong',
  khg: 'khong',
  kg: 'khong',
  hok: 'khong',
  khum: 'khong',
  k: 'khong',
  dc: 'duoc',
  dk: 'duoc',
  ng: 'nguoi',
  ck: 'chong',
  vk: 'vo',
  vs: 'voi',
  e: 'em',
  mk: 'minh',
  mik: 'minh',
  mjk: 'minh',
  j: 'gi',
  thg: 'thang',
  bt: 'biet',
  cx: 'cung',
  tui: 'toi',
};

/** Folds one lowercase word: marks removed, đ → d, then chat spellings. */
export function foldWord(raw: string): string {
  const plain = stripMarks(raw);
  return CHAT[plain] ?? plain;
}

const TOKEN = /(\d+(?:[.,]\d+)*)|([\p{L}\p{M}]+)|([/%\-–~+])|([.!?;\n…]+)|([,:]+)|(\s+)|(.)/gsu;

/** Reads a digit run: "1.500.000" and "1,500" are thousands, "1,5" and "2.4" decimals. */
function numberOf(text: string): Pick<Token, 'value' | 'decimal' | 'digits' | 'grouped'> {
  const parts = text.split(/[.,]/);
  const digits = parts[0]!.length;
  if (parts.length === 1) return { value: Number(text), digits };
  const grouped = parts.slice(1).every((p) => p.length === 3);
  if (grouped) return { value: Number(parts.join('')), digits, grouped: true };
  if (parts.length === 2) return { value: Number(`${parts[0]}.${parts[1]}`), digits, decimal: true };
  return { value: Number(parts.join('')), digits };
}

/**
 * Splits a message into tokens: NFC and lowercase first; letter runs and digit runs are separate
 * tokens even when glued ("1tr4" → 1, tr, 4). Sentence and clause indexes let the parser keep
 * a figure with the words around it.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let sentence = 0;
  let clause = 0;
  let glued = false;
  for (const m of text.normalize('NFC').toLowerCase().matchAll(TOKEN)) {
    const [whole, num, word, sym, stop, comma] = m;
    if (num !== undefined) {
      out.push({ kind: 'num', raw: num, fold: num, marked: false, ...numberOf(num), glued, sentence, clause });
    } else if (word !== undefined) {
      const fold = foldWord(word);
      out.push({ kind: 'word', raw: word, fold, marked: stripMarks(word) !== word, glued, sentence, clause });
    } else if (sym !== undefined) {
      const raw = sym === '–' || sym === '~' ? '-' : sym;
      out.push({ kind: 'sym', raw, fold: raw, marked: false, glued, sentence, clause });
    } else if (stop !== undefined) {
      sentence += 1;
      clause += 1;
    } else if (comma !== undefined) {
      clause += 1;
    }
    glued = num !== undefined || word !== undefined || sym !== undefined ? true : whole.trim() !== '' && glued;
    if (m[6] !== undefined || stop !== undefined || comma !== undefined) glued = false;
  }
  return out;
}

/** The words of a content phrase, tokenized like a message. */
export function phraseTokens(phrase: string): Token[] {
  return tokenize(phrase).filter((t) => t.kind === 'word');
}

/** The folded key of a content phrase, for duplicate checks: "Không có BHYT" → "khong co bhyt". */
export function foldPhrase(phrase: string): string {
  return phraseTokens(phrase)
    .map((w) => w.fold)
    .join(' ');
}

/**
 * Whether a message word stands for a phrase word: the same folded form, and, when both carry
 * diacritics, the same marks ("tầm" is not "tạm"; "tam" typed without marks may be either).
 */
export function sameWord(message: Token, phrase: Token): boolean {
  if (message.kind !== 'word' || message.fold !== phrase.fold) return false;
  return !(message.marked && phrase.marked) || accentKey(message.raw) === accentKey(phrase.raw);
}

/**
 * Finds a content phrase in message tokens, within one clause: its words in order; for phrases
 * of three words or more at most `gap` other tokens between two of them ("chưa có bhyt" matches
 * "chưa có thẻ bhyt"); shorter phrases must be contiguous ("nhà tạm", never "nhà em tầm").
 * Returns the index of the first matched token, or -1.
 */
export function findPhrase(tokens: readonly Token[], phrase: readonly Token[], from = 0, gap = 2): number {
  if (phrase.length === 0) return -1;
  const maxGap = phrase.length >= 3 ? gap : 0;
  for (let start = from; start < tokens.length; start++) {
    if (!sameWord(tokens[start]!, phrase[0]!)) continue;
    let at = start;
    for (let k = 1; k < phrase.length && at >= 0; k++) {
      let found = -1;
      for (let j = at + 1; j <= Math.min(tokens.length - 1, at + 1 + maxGap); j++) {
        if (tokens[j]!.clause !== tokens[start]!.clause) break;
        if (sameWord(tokens[j]!, phrase[k]!)) {
          found = j;
          break;
        }
      }
      at = found;
    }
    if (at >= 0) return start;
  }
  return -1;
}
