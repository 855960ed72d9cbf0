import type { FaqNode, SmalltalkIntent } from '../faq-types.js';
import { normalizeVietnamese, type Syllable } from './normalize-vietnamese.js';

/**
 * The safety layer (runs before any FAQ matching and wins over it): small-talk nodes with
 * `triggers` — an emergency, a scam, a request for other people's data. A trigger phrase is found
 * when its words appear in the message in order, in one clause, with at most MAX_GAP other words
 * between each two, compared folded (no diacritics, no case) after teencode is spelled out; a word the
 * resident typed with marks must also agree with the trigger's marks (sameMarks: "học" is not "hóc",
 * "chạy" is not "cháy"), while a word typed without marks matches any. A `{name}` in a
 * trigger stands for any phrase of the word list `name` (synonyms.yaml `safety_words`): "{trẻ}
 * {xâm hại}" is every child word followed by every abuse word; "…" (or "...") lets any number of
 * words stand between two parts ("{trẻ} … {xâm hại}"). An `unless` phrase of the same
 * node vetoes a trigger found in the same clause, near it ("bố em mất năm ngoái" is a story, not a
 * wish to die), not one said elsewhere in the message. An `unless_earlier` phrase vetoes a trigger
 * anywhere after it in the message: an accident told as the past of a story ("hồi tháng 8 bố bị
 * tai nạn, gãy chân, giờ…") is no emergency now. An `unless_later` phrase vetoes a trigger when it
 * stands anywhere after the trigger's first word: a neighbour named before the resident asks about
 * their own household ("nhà ông Tư là hộ cận nghèo …, vậy nhà em có xin được không") is no request
 * for the neighbour's data.
 */
export interface SafetyFinder {
  find(text: string, available: (node: FaqNode) => boolean): { node: FaqNode; trigger: string } | undefined;
}

export const MAX_GAP = 3;
/** An `unless` phrase vetoes a trigger when at most this many words lie between them (same clause). */
export const VETO_WINDOW = 3;
const PRIORITY: Partial<Record<SmalltalkIntent, number>> = { emergency: 0, scam: 1, privacy: 2 };

/** A word of a trigger or a message: folded, and its accented key when it was written with marks. */
interface Word {
  folded: string;
  accented?: string;
  /** a message word typed with a capital letter */
  capital?: boolean;
}
/**
 * One position of a phrase: any of its alternatives (each a run of words), or any word typed with a
 * capital letter (`name`: the built-in list PROPER_NAME); `far`: any distance after the slot before.
 */
interface Slot {
  alternatives: Word[][];
  far: boolean;
  name?: boolean;
}

/** The built-in word list of a trigger: a person's name as typed ("chị {tên riêng}" finds "chị Hoa"). */
export const PROPER_NAME = 'tên riêng';
/** Where a phrase was found: its first and last word. */
type Span = [start: number, end: number];

/** The `{name}` references of a trigger. */
export function slotNames(trigger: string): string[] {
  return [...trigger.matchAll(/\{([^}]*)\}/gu)].map((m) => m[1]!.trim());
}

export function createSafetyFinder(
  nodes: readonly FaqNode[],
  chat: Record<string, string>,
  safetyWords: Record<string, string[]> = {},
): SafetyFinder {
  const spelled = new Map<string, Word[]>();
  for (const [key, standard] of Object.entries(chat)) {
    const from = fold(key);
    if (from.length === 1)
      spelled.set(
        from[0]!,
        fold(standard).map((folded) => ({ folded })),
      );
  }
  /** one syllable, teencode spelled out ("ko" → không, compared folded) */
  const spell = (syllable: Syllable): Word[] =>
    spelled.get(syllable.folded) ??
    (syllable.marked
      ? [{ folded: syllable.folded, accented: syllable.accented, capital: syllable.capital }]
      : [{ folded: syllable.folded, capital: syllable.capital }]);
  const words = (text: string): Word[] => normalizeVietnamese(text).syllables.flatMap(spell);
  const lists = new Map(Object.entries(safetyWords).map(([name, phrases]) => [listKey(name), phrases.map(words)]));
  const slotsOf = (phrase: string): Slot[] => {
    const slots: Slot[] = [];
    let far = false;
    for (const part of phrase.split(/(\{[^}]*\}|…|\.\.\.)/u)) {
      const name = /^\{([^}]*)\}$/u.exec(part)?.[1];
      if (part === '…' || part === '...') far = true;
      else if (name !== undefined) {
        slots.push(
          listKey(name) === listKey(PROPER_NAME)
            ? { alternatives: [], far, name: true }
            : { alternatives: (lists.get(listKey(name)) ?? []).filter((w) => w.length > 0), far },
        );
        far = false;
      } else {
        for (const w of words(part)) {
          slots.push({ alternatives: [[w]], far });
          far = false;
        }
      }
    }
    return slots;
  };
  const rules = nodes
    .filter((n) => n.kind === 'smalltalk' && n.triggers.length > 0)
    .map((node) => ({
      node,
      triggers: node.triggers.map((t) => ({ text: t, slots: slotsOf(t) })).filter((t) => usable(t.slots)),
      unless: node.unless.map(slotsOf).filter(usable),
      earlier: (node.unlessEarlier ?? []).map(slotsOf).filter(usable),
      later: (node.unlessLater ?? []).map(slotsOf).filter(usable),
    }))
    .sort((a, b) => (PRIORITY[a.node.intent!] ?? 9) - (PRIORITY[b.node.intent!] ?? 9));
  return {
    find(text, available) {
      const { folded, clauses } = message(text, spell);
      const positions = positionsOf(folded.map((w) => w.folded));
      const anyCapital = folded.some((w) => w.capital);
      /** a trigger can only be found where its first word is (most messages hold no trigger's first word) */
      const mayStart = (slot: Slot): boolean =>
        (slot.name === true && anyCapital) || slot.alternatives.some((a) => positions.has(a[0]!.folded));
      for (const rule of rules) {
        if (!available(rule.node)) continue;
        // the `unless` phrases are looked for only once a trigger is found (most messages have none)
        let vetoes: Span[] | undefined;
        let pasts: Span[] | undefined;
        let turns: Span[] | undefined;
        const vetoed = ([start, end]: Span): boolean =>
          (vetoes ??= rule.unless.flatMap((u) => spans(folded, u, clauses, positions))).some(
            ([s, e]) => clauses[s] === clauses[start] && Math.max(s - end - 1, start - e - 1) <= VETO_WINDOW,
          ) ||
          (pasts ??= rule.earlier.flatMap((u) => spans(folded, u, clauses, positions))).some(([, e]) => e < start) ||
          (turns ??= rule.later.flatMap((u) => spans(folded, u, clauses, positions))).some(([s]) => s > start);
        for (const trigger of rule.triggers) {
          if (!mayStart(trigger.slots[0]!)) continue;
          const found = spans(folded, trigger.slots, clauses, positions);
          if (found.some((span) => !vetoed(span))) return { node: rule.node, trigger: trigger.text };
        }
      }
      return undefined;
    },
  };
}

const usable = (slots: Slot[]): boolean => slots.length > 0 && slots.every((s) => s.name || s.alternatives.length > 0);

/** The key of a word list's name: "Trẻ" and "trẻ" are one list. */
const listKey = (name: string): string => fold(name).join(' ');

function fold(text: string): string[] {
  return normalizeVietnamese(text).syllables.map((s) => s.folded);
}

/** The message's words (teencode spelled out) and the clause of each (a pause starts one). */
function message(text: string, spell: (syllable: Syllable) => Word[]): { folded: Word[]; clauses: number[] } {
  const folded: Word[] = [];
  const clauses: number[] = [];
  let clause = 0;
  for (const syllable of normalizeVietnamese(text).syllables) {
    if (syllable.pause && folded.length > 0) clause++;
    for (const w of spell(syllable)) {
      folded.push(w);
      clauses.push(clause);
    }
  }
  return { folded, clauses };
}

const HOI_NGA = /[34]$/u;

/**
 * Whether a message word typed with marks agrees with a trigger word's marks: the same vowel
 * marks and đ when it has any, the same tone when it has one (hỏi and ngã, often confused, agree).
 * A word without marks on either side agrees with any.
 */
function sameMarks(typed: string | undefined, trigger: string | undefined, folded: string): boolean {
  if (typed === undefined || trigger === undefined) return true;
  const base = typed.slice(0, -1);
  if (base !== folded && base !== trigger.slice(0, -1)) return false;
  const tone = typed.at(-1)!;
  return tone === '0' || tone === trigger.at(-1) || (HOI_NGA.test(tone) && HOI_NGA.test(trigger));
}

/** Whether `alternative` is at `at` in `message`. */
const runAt = (message: readonly Word[], at: number, alternative: readonly Word[]): boolean =>
  alternative.every((w, k) => {
    const m = message[at + k];
    return m !== undefined && m.folded === w.folded && sameMarks(m.accented, w.accented, m.folded);
  });

/** Every place where the slots occur in order, at most MAX_GAP other words between two slots. */
function spans(
  message: readonly Word[],
  slots: readonly Slot[],
  clauses: readonly number[],
  positions: Map<string, number[]>,
): Span[] {
  const found: Span[] = [];
  const next = (slot: number, from: number, start: number): void => {
    const { alternatives, far, name } = slots[slot]!;
    for (let at = from; at <= Math.min(far ? Infinity : from + MAX_GAP, message.length - 1); at++) {
      // near words of a phrase stand in one clause: "trưởng thôn thì bảo cứ đợi. tiền điện" is no "trưởng thôn đòi tiền"
      if (!far && clauses[at] !== clauses[from - 1]) break;
      if (name && message[at]!.capital) step(slot, at, [message[at]!], start);
      for (const alternative of alternatives) if (runAt(message, at, alternative)) step(slot, at, alternative, start);
    }
  };
  const step = (slot: number, at: number, alternative: readonly Word[], start: number): void => {
    const end = at + alternative.length - 1;
    if (slot === slots.length - 1) found.push([start, end]);
    else next(slot + 1, end + 1, start);
  };
  if (slots[0]!.name) message.forEach((w, at) => w.capital && step(0, at, [w], at));
  for (const alternative of slots[0]!.alternatives) {
    for (const at of positions.get(alternative[0]!.folded) ?? [])
      if (runAt(message, at, alternative)) step(0, at, alternative, at);
  }
  return found;
}

/** Where each word of `message` stands. */
function positionsOf(message: readonly string[]): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  message.forEach((w, i) => {
    const list = positions.get(w);
    if (list) list.push(i);
    else positions.set(w, [i]);
  });
  return positions;
}
