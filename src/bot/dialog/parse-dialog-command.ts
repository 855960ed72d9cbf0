import { foldText } from './fold-text.js';

/** What a resident's text means to the dialog before any FAQ matching. */
export type DialogCommand =
  | { kind: 'menu' }
  | { kind: 'back' }
  | { kind: 'handoff' }
  /** a number typed (or tapped) to pick one of the options last shown; 1-based */
  | { kind: 'choice'; number: number }
  /** a button payload `#faq:<id>`, tapped or typed */
  | { kind: 'node'; id: string }
  | { kind: 'question'; text: string };

/** The command words, as configured in `locales/<lang>/dialog.json` (`commands.*`). */
export interface CommandWords {
  menu: readonly string[];
  back: readonly string[];
  handoff: readonly string[];
}

/** Prefix of the button payload that opens a FAQ node. */
export const NODE_PAYLOAD_PREFIX = '#faq:';

/**
 * Builds the parser for one set of command words. Words compare folded (case, diacritics and
 * punctuation ignored), and only as the whole message: "gặp cán bộ" is a command, "gặp cán bộ ở
 * đâu" is a question. "0" belongs to the menu words; other numbers are choices.
 * @example createCommandParser(words)('Quay lai') → { kind: 'back' }
 */
export function createCommandParser(words: CommandWords): (text: string) => DialogCommand {
  const menu = new Set(words.menu.map(foldText));
  const back = new Set(words.back.map(foldText));
  const handoff = new Set(words.handoff.map(foldText));
  return (text) => {
    const trimmed = text.trim();
    if (trimmed.toLowerCase().startsWith(NODE_PAYLOAD_PREFIX)) {
      const id = trimmed.slice(NODE_PAYLOAD_PREFIX.length).trim();
      if (/^(chi-tiet:)?[a-z0-9-]+$/.test(id)) return { kind: 'node', id };
    }
    const folded = foldText(trimmed);
    if (menu.has(folded)) return { kind: 'menu' };
    if (back.has(folded)) return { kind: 'back' };
    if (handoff.has(folded)) return { kind: 'handoff' };
    // NFKC: full-width digits ("２") from some phone keyboards count as menu numbers too
    const digits = folded.normalize('NFKC');
    if (/^\d{1,2}$/.test(digits)) return { kind: 'choice', number: Number(digits) };
    return { kind: 'question', text: trimmed };
  };
}
