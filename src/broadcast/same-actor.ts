/**
 * Invisible characters NFKC keeps: format (zero-width, bidi, soft hyphen, BOM), controls, Hangul fillers.
 * Invisible combining marks (grapheme joiner, variation selectors) go with the accents below.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u115F\u1160\u3164\uFFA0]/gu;
/** Separators two spellings of one name may differ in: spaces, dots, dashes, underscores, apostrophes. */
const SEPARATORS = /[\s._\-'’‘`·]+/gu;

/** Cyrillic and Greek letters that look like Latin ones (lower case), after Unicode's confusables list. */
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  һ: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  п: 'n',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ɡ: 'g',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  μ: 'u',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  ϲ: 'c',
  ϳ: 'j',
  đ: 'd',
  ð: 'd',
  ı: 'i',
  ł: 'l',
  ø: 'o',
};

/**
 * What identifies a person in an actor name, for the two-person rule: NFKC (fullwidth "Ｌan" is
 * "Lan"), invisible characters removed ("La\u200Bn"), lower case, accents removed ("Nguyễn Thị Lan" is
 * "Nguyen Thi Lan"), Cyrillic and Greek look-alikes read as the Latin letter (Cyrillic "Lаn"), and
 * separators ignored ("nguyen.thi.lan"). Deliberately coarse: two people it confuses are asked for a
 * third approver, while one person it failed to recognise would approve their own campaign.
 */
export function actorIdentity(name: string): string {
  const folded = name.normalize('NFKC').replace(INVISIBLE, '').toLocaleLowerCase('vi').normalize('NFD');
  return [...folded.replace(/\p{M}/gu, '')]
    .map((ch) => LOOKALIKES[ch] ?? ch)
    .join('')
    .replace(SEPARATORS, '');
}

/** True when two actor names name the same person (see `actorIdentity`). */
export function sameActor(a: string, b: string): boolean {
  return actorIdentity(a) === actorIdentity(b);
}
