import { normalizeVietnamese, type Syllable } from './normalize-vietnamese.js';

/** The parsed `synonyms.yaml` (docs/content-format.md), without source positions. */
export interface SynonymsData {
  abbreviations: Record<string, string>;
  chat: Record<string, string>;
  ambiguous: Record<string, string[]>;
  groups: string[][];
  stopwordsExtra: string[];
  /** names of places in the bot's own area (weighed low in questions, see place-names.ts) */
  places: string[];
  /** offices that no longer exist: the checker flags them outside a sentence saying so */
  abolishedOffices: string[];
  /** words of a sentence that says an office was abolished or merged ("không còn", "sáp nhập" …) */
  abolishedCues: string[];
}

export const EMPTY_SYNONYMS: SynonymsData = {
  abbreviations: {},
  chat: {},
  ambiguous: {},
  groups: [],
  stopwordsExtra: [],
  places: [],
  abolishedOffices: [],
  abolishedCues: [],
};

/** A syllable after rewriting; `fromTable` marks syllables that came from an admin-written expansion. */
export interface RewrittenSyllable extends Syllable {
  fromTable: boolean;
}

/** One position of rewritten text: a single reading, or several for an ambiguous key (first = as typed). */
export interface Segment {
  alternatives: RewrittenSyllable[][];
}

interface Rule {
  pattern: Syllable[];
  replacements: RewrittenSyllable[][];
  /** ambiguous keys keep the original reading next to the meanings */
  keepOriginal: boolean;
}

export interface SynonymTable {
  /** rules by the folded key of their first syllable, longest pattern first */
  rules: Map<string, Rule[]>;
}

const syllablesOf = (text: string, fromTable: boolean): RewrittenSyllable[] =>
  normalizeVietnamese(text).syllables.map((s) => ({ ...s, fromTable }));

/**
 * Compiles synonyms.yaml into rewrite rules. Abbreviations, chat spellings and synonym-group members
 * are rewritten to their canonical form (the expansion, the standard word, the group's first
 * phrase) on both the content and the query side, so either spelling matches the other.
 * Ambiguous keys keep the typed form and add each meaning as an alternative reading.
 */
export function createSynonymTable(data: SynonymsData): SynonymTable {
  const rules = new Map<string, Rule[]>();
  const add = (key: string, replacements: string[], keepOriginal: boolean): void => {
    const pattern = normalizeVietnamese(key).syllables;
    const first = pattern[0];
    if (!first) return;
    const rule: Rule = { pattern, replacements: replacements.map((r) => syllablesOf(r, true)), keepOriginal };
    const list = rules.get(first.folded) ?? [];
    list.push(rule);
    list.sort((a, b) => b.pattern.length - a.pattern.length);
    rules.set(first.folded, list);
  };
  for (const [key, value] of Object.entries(data.abbreviations)) add(key, [value], false);
  for (const [key, value] of Object.entries(data.chat)) add(key, [value], false);
  for (const [key, values] of Object.entries(data.ambiguous)) add(key, values, true);
  for (const group of data.groups) {
    const [head, ...members] = group;
    if (head === undefined) continue;
    for (const member of members) add(member, [head], false);
  }
  return { rules };
}

/** A typed syllable equals a key syllable on the accented key when it carries marks, else folded. */
const sameSyllable = (key: Syllable, typed: Syllable): boolean =>
  typed.marked ? key.accented === typed.accented : key.folded === typed.folded;

/** Letters outside the Vietnamese alphabet: alone, they are chat even in text typed with diacritics. */
const FOREIGN_LETTER = /^[fjwz]$/;
/** A lone consonant is no Vietnamese word; near the end of a message it is a chat particle ("… k", "gì v ad"). */
const CONSONANT_LETTER = /^[bcdđghklmnpqrstvx]$/;
/** How close to the end of a message a lone consonant counts as chat in text typed with diacritics. */
const CLOSING_SPAN = 2;

/**
 * Whether a single-letter key applies at position `i` of `count` syllables. Without diacritics it
 * always does. With diacritics only where the letter can only be chat: f, j, w, z anywhere
 * ("hỗ trợ j"), another consonant among the last CLOSING_SPAN syllables ("có phải hộ nghèo k",
 * "gì v ad"); elsewhere it may be a label ("vitamin k ở trẻ nhỏ", "điểm b") and vowels may be words.
 */
function singleLetterApplies(letter: string, typedWithDiacritics: boolean, i: number, count: number): boolean {
  if (!typedWithDiacritics || FOREIGN_LETTER.test(letter)) return true;
  return CONSONANT_LETTER.test(letter) && i >= count - CLOSING_SPAN;
}

/**
 * Rewrites a syllable sequence with the table, longest key first, left to right.
 * Single-letter keys (k, j, r, v …) apply where they are chat (see `singleLetterApplies`).
 */
export function rewriteSyllables(syllables: Syllable[], typedWithDiacritics: boolean, table: SynonymTable): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  while (i < syllables.length) {
    const current = syllables[i]!;
    const rule = (table.rules.get(current.folded) ?? []).find(
      (r) =>
        (r.pattern.length > 1 ||
          r.pattern[0]!.raw.length > 1 ||
          singleLetterApplies(r.pattern[0]!.raw, typedWithDiacritics, i, syllables.length)) &&
        r.pattern.every((p, k) => {
          const typed = syllables[i + k];
          return typed !== undefined && sameSyllable(p, typed);
        }),
    );
    if (!rule) {
      segments.push({ alternatives: [[{ ...current, fromTable: false }]] });
      i += 1;
      continue;
    }
    const original = syllables.slice(i, i + rule.pattern.length).map((s) => ({ ...s, fromTable: false }));
    const allNumbers = original.every((s) => s.isNumber);
    // "50tr" → "50 triệu": an expansion of a unit glued to digits stays a number; a pause before the
    // key stays before its expansion
    const replacements = rule.replacements.map((r) =>
      r.map((s, k) => ({ ...s, isNumber: allNumbers || s.isNumber, pause: k === 0 && current.pause })),
    );
    segments.push({ alternatives: rule.keepOriginal ? [original, ...replacements] : replacements });
    i += rule.pattern.length;
  }
  return segments;
}
