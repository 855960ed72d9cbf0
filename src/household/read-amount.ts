import type { Token } from './household-text.js';

/**
 * Vietnamese number words, by their written form with diacritics; typed without marks they are
 * read by the folded form, so "ba" may be three (or "bà", grandmother): callers only use a word
 * number when a unit follows it ("ba người", "năm triệu").
 */
const WORD_VALUES: Record<string, number> = {
  một: 1,
  mốt: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  tư: 4,
  năm: 5,
  lăm: 5,
  nhăm: 5,
  sáu: 6,
  bảy: 7,
  bẩy: 7,
  tám: 8,
  chín: 9,
};
const FOLDED_VALUES: Record<string, number> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  nham: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};
/** words that only follow "mươi" / "mười" / a multiplier: "hai mươi mốt", "mười lăm", "triệu tư" */
const TAIL_ONLY = new Set(['mốt', 'lăm', 'nhăm', 'tư']);

type WordKind = 'digit' | 'ten' | 'tens' | 'hundred' | 'odd' | 'half';
const WORD_KINDS: Record<string, WordKind> = {
  mười: 'ten',
  muoi: 'ten', // mười / mươi typed without marks: told apart by position
  mươi: 'tens',
  trăm: 'hundred',
  tram: 'hundred',
  linh: 'odd',
  lẻ: 'odd',
  le: 'odd',
  rưỡi: 'half',
  ruoi: 'half',
};

/** The kind of a number word, or undefined (accent-aware: "tầm" is not "tám"). */
function wordKind(t: Token | undefined): { kind: WordKind; value: number; tailOnly: boolean } | undefined {
  if (!t || t.kind !== 'word') return undefined;
  const byRaw = WORD_VALUES[t.raw];
  if (byRaw !== undefined) return { kind: 'digit', value: byRaw, tailOnly: TAIL_ONLY.has(t.raw) };
  const kind = WORD_KINDS[t.raw] ?? (t.marked ? undefined : WORD_KINDS[t.fold]);
  if (kind)
    return { kind, value: kind === 'hundred' ? 100 : kind === 'ten' || kind === 'tens' ? 10 : 0, tailOnly: false };
  if (t.marked) return undefined;
  const byFold = FOLDED_VALUES[t.fold];
  return byFold === undefined ? undefined : { kind: 'digit', value: byFold, tailOnly: false };
}

/** Multipliers after a number: triệu (tr, củ), nghìn (ngàn, k), tỷ. */
export function multiplierOf(t: Token | undefined): number | undefined {
  if (!t || t.kind !== 'word') return undefined;
  if (['trieu', 'tr', 'cu'].includes(t.fold)) return 1_000_000;
  if (['nghin', 'ngan', 'ngin'].includes(t.fold) || t.raw === 'k') return 1_000;
  if (['ty', 'ti'].includes(t.fold)) return 1_000_000_000;
  return undefined;
}

/** Whether the token is a currency word after an amount: đồng, đ, vnđ. */
export function isCurrency(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && ['dong', 'd', 'vnd', 'vnđ'].includes(t.fold);
}

/** A number under 1000 written in words ("hai trăm rưỡi", "mười lăm", "năm"), from token `i`. */
function readWordNumber(tokens: readonly Token[], i: number): { value: number; end: number } | undefined {
  const first = wordKind(tokens[i]);
  if (!first || first.tailOnly || first.kind === 'odd' || first.kind === 'half' || first.kind === 'tens')
    return undefined;
  let j = i;
  let value = 0;
  const at = (k: number) => (tokens[k] && tokens[k]!.clause === tokens[i]!.clause ? wordKind(tokens[k]) : undefined);
  // hundreds: "hai trăm", or "trăm" alone
  if (first.kind === 'digit' && at(j + 1)?.kind === 'hundred') {
    value = first.value * 100;
    j += 2;
  } else if (first.kind === 'hundred') {
    value = 100;
    j += 1;
  }
  const hasHundreds = j > i;
  const w = at(j);
  if (hasHundreds) {
    if (w?.kind === 'half') return { value: value + 50, end: j + 1 };
    if (w?.kind === 'odd' && at(j + 1)?.kind === 'digit') return { value: value + at(j + 1)!.value, end: j + 2 };
  }
  if (w?.kind === 'ten') {
    value += 10;
    j += 1;
    const unit = at(j);
    if (unit?.kind === 'digit') return { value: value + unit.value, end: j + 1 };
    return { value, end: j };
  }
  if (w?.kind === 'digit' && (!w.tailOnly || hasHundreds)) {
    if (
      at(j + 1)?.kind === 'tens' ||
      (at(j + 1)?.kind === 'ten' && tokens[j + 1]!.fold === 'muoi' && !tokens[j + 1]!.marked)
    ) {
      value += w.value * 10;
      j += 2;
      const unit = at(j);
      if (unit?.kind === 'digit') return { value: value + unit.value, end: j + 1 };
      return { value, end: j };
    }
    // "trăm hai" is 120; a lone digit word is itself
    return hasHundreds ? { value: value + w.value * 10, end: j + 1 } : { value: w.value, end: j + 1 };
  }
  return hasHundreds ? { value, end: j } : undefined;
}

/** A number at token `i`: a digit run or number words. `word`: written in words. */
export function readNumberAt(
  tokens: readonly Token[],
  i: number,
): { value: number; end: number; word: boolean; token: Token } | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (t.kind === 'num') {
    // "5 trăm" → 500
    const next = tokens[i + 1];
    if (next && wordKind(next)?.kind === 'hundred' && !t.decimal && next.clause === t.clause)
      return { value: t.value! * 100, end: i + 2, word: false, token: t };
    return { value: t.value!, end: i + 1, word: false, token: t };
  }
  const read = readWordNumber(tokens, i);
  return read && { ...read, word: true, token: t };
}

/** Words after a small number that make it something other than money ("5 triệu 4 người"). */
const NON_MONEY_UNITS = new Set([
  'nguoi',
  'khau',
  'nhan',
  'thanh',
  'dua',
  'con',
  'chau',
  'be',
  'tre',
  'vo',
  'chong',
  'thang',
  'nam',
  'ngay',
  'tuan',
  'tuoi',
  'lan',
  'm',
  'met',
  'sao',
  'chi',
  'km',
  'kg',
  'gio',
  'buoi',
  'cai',
  'can',
  'mieng',
  'mang',
  'ong',
  'ba',
  'me',
  'bo',
  'anh',
  'em',
]);

export interface Amount {
  start: number;
  /** exclusive */
  end: number;
  /** in đồng when `money`; else the plain number */
  value: number;
  /** a multiplier or a currency word was written (or a figure of ≥ 100.000) */
  money: boolean;
  /** the first multiplier ("5-7 triệu": the range's unit) */
  scale?: number;
  /** written in words only */
  word: boolean;
}

/**
 * Reads an amount at token `i`: "5 triệu", "5tr", "1tr4", "1,5tr", "1 triệu 2", "1 triệu 250
 * nghìn", "1200k", "năm triệu rưỡi", "mười hai triệu", "hơn 1 củ", "1.500.000 đ". A number with
 * no multiplier is returned as a plain number (money false), for the caller to classify.
 */
export function readAmountAt(tokens: readonly Token[], i: number): Amount | undefined {
  const first = readNumberAt(tokens, i);
  if (!first) return undefined;
  const clause = tokens[i]!.clause;
  const inClause = (k: number): Token | undefined => (tokens[k]?.clause === clause ? tokens[k] : undefined);
  let j = first.end;
  let current: { value: number; token: Token; word: boolean } | undefined = first;
  let value = 0;
  let last: number | undefined;
  let scale: number | undefined;
  for (;;) {
    const mult = multiplierOf(inClause(j));
    if (!current || mult === undefined || (last !== undefined && mult >= last)) break;
    // "1.500 triệu" means 1,5 triệu, not 1.500 triệu
    const n =
      current.token.grouped && mult >= 1_000_000 && current.value >= 1000 ? current.value / 1000 : current.value;
    value += n * mult;
    last = mult;
    scale ??= mult;
    j += 1;
    current = undefined;
    if (wordKind(inClause(j))?.kind === 'half') {
      value += mult / 2;
      j += 1;
    }
    const next = inClause(j) && readNumberAt(tokens, j);
    if (!next || mult < 1000) break;
    const after = inClause(next.end);
    const afterMult = multiplierOf(after);
    if (afterMult !== undefined && afterMult < mult) {
      current = next;
      j = next.end;
      continue;
    }
    if (after && after.kind === 'word' && NON_MONEY_UNITS.has(after.fold)) break;
    if (after && after.kind === 'sym' && after.raw === '%') break;
    // shorthand: "1tr4" = 1,4 triệu, "1 triệu 250" = 1,25 triệu, "một triệu hai" = 1,2 triệu
    const places = next.word ? (next.value < 10 ? 1 : next.value < 100 ? 2 : 3) : (next.token.digits ?? 1);
    if (next.token.decimal || places > 3) break;
    value += (next.value * mult) / 10 ** places;
    j = next.end;
    break;
  }
  if (last === undefined) {
    const currency = isCurrency(inClause(j));
    const big = !first.word && first.value >= 100_000 && !first.token.decimal;
    return {
      start: i,
      end: currency ? j + 1 : j,
      value: first.value,
      money: (currency && first.value >= 1000) || big,
      word: first.word,
    };
  }
  if (isCurrency(inClause(j))) j += 1;
  return { start: i, end: j, value: Math.round(value), money: true, ...(scale ? { scale } : {}), word: first.word };
}
