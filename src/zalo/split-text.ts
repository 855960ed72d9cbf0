/** Zalo's documented ceiling for one text message (CS text and captions). */
export const ZALO_TEXT_LIMIT = 2000;

/**
 * Boundaries tried in order, coarsest first. Each regex matches a separator; the separator stays
 * attached to the end of the piece before it, so the pieces always concatenate back to the input.
 */
const BOUNDARIES: readonly RegExp[] = [
  /\n[ \t]*\n\s*/g, // paragraph (blank line)
  /\n\s*/g, // line (numbered menus keep their line breaks)
  /[.!?…]+[)"'”’\]]*\s+/g, // sentence end followed by whitespace
  /\s+/g, // word
];

/**
 * Splits a long message into parts of at most `max` characters for Zalo, preferring paragraph, then
 * line, then sentence, then word boundaries. A word is cut only when it alone is longer than `max`
 * (never inside a UTF-16 surrogate pair). Parts are trimmed; empty input gives `[]`.
 * @example splitText('Đoạn một.\n\nĐoạn hai.', 12) // ['Đoạn một.', 'Đoạn hai.']
 */
export function splitText(text: string, max = ZALO_TEXT_LIMIT): string[] {
  if (!Number.isInteger(max) || max < 2) throw new RangeError('splitText: max must be an integer ≥ 2');
  return pack(text.trim(), 0, max)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** Greedy packing at one boundary level; returns raw pieces whose concatenation is `text`. */
function pack(text: string, level: number, max: number): string[] {
  if (text.trim().length <= max) return [text];
  const boundary = BOUNDARIES[level];
  if (!boundary) return hardCut(text, max);
  const pieces: string[] = [];
  let current = '';
  for (const unit of splitKeepingSeparators(text, boundary)) {
    if ((current + unit).trim().length <= max) {
      current += unit;
      continue;
    }
    if (current.trim()) pieces.push(current);
    current = '';
    if (unit.trim().length <= max) {
      current = unit;
    } else {
      const sub = pack(unit, level + 1, max);
      pieces.push(...sub.slice(0, -1));
      current = sub.at(-1) ?? '';
    }
  }
  if (current.trim()) pieces.push(current);
  return pieces;
}

function splitKeepingSeparators(text: string, boundary: RegExp): string[] {
  const units: string[] = [];
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    if (end > start) units.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) units.push(text.slice(start));
  return units;
}

function hardCut(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const code = rest.charCodeAt(max - 1);
    const cut = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}
