import { stripMarks } from '../../faq/match/normalize-vietnamese.js';

/**
 * Folds a resident's text for exact command comparison and question grouping: lower case,
 * diacritics removed (đ → d), punctuation and emoji turned into single spaces, trimmed. `#` is
 * kept so that button payloads such as `#menu` stay recognisable.
 * @example foldText('  Gặp Cán Bộ! ') === 'gap can bo'
 */
export function foldText(text: string): string {
  return stripMarks(text.normalize('NFC').toLowerCase())
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim();
}
