import { normalizeVietnamese, type Syllable } from './normalize-vietnamese.js';

/**
 * How a syllable belongs to a place name of the bot's own area (`places:` in synonyms.yaml):
 * - `at`: the place says where the resident lives — it follows a locative ("ở xã Lục Nam", "tại
 *   Bắc Ninh", "quê Lục Nam"), directly or after another such place ("ở Lục Nam, Bắc Giang cũ");
 * - `name`: the place is named otherwise, possibly as the subject ("xã Lục Nam rộng bao nhiêu",
 *   "Bắc Giang cũ sáp nhập vào đâu").
 * coverage.ts weighs `at` low everywhere and `name` low only for entries that do not mention it.
 */
export type PlaceRole = 'at' | 'name';

/**
 * Words that introduce or qualify a place name and belong to it: "xã Lục Nam", "tỉnh Bắc Ninh",
 * "thị trấn Đồi Ngô" (before), "Bắc Giang cũ" (after).
 */
const UNITS_BEFORE = ['xã', 'phường', 'tỉnh', 'huyện', 'thôn', 'xóm', 'thị trấn', 'thành phố', 'thị xã'];
const QUALIFIERS_AFTER = ['cũ'];
/** Words after which a place is where the resident is ("ở", "tại", "quê", "sống"). */
const LOCATIVES = ['ở', 'tại', 'quê', 'sống'];

export type PlaceSpans = (syllables: readonly Syllable[], typedWithDiacritics: boolean) => (PlaceRole | undefined)[];

const phrases = (list: readonly string[]): Syllable[][] =>
  list.map((p) => normalizeVietnamese(p).syllables).filter((s) => s.length > 0);

/** A typed syllable equals a pattern syllable on the accented key when compared strictly or typed with marks, else folded. */
const same = (pattern: Syllable, typed: Syllable, strict: boolean): boolean =>
  strict || typed.marked ? pattern.accented === typed.accented : pattern.folded === typed.folded;

/**
 * Compiles the place names of `synonyms.yaml` into a span finder: for each syllable, its role in a
 * place name (see PlaceRole) — the unit word just before the name ("xã", "tỉnh" …) and a "cũ" just
 * after it included — or undefined. Longest name first; an empty list marks nothing.
 */
export function createPlaceSpans(places: readonly string[]): PlaceSpans {
  const names = phrases(places).sort((a, b) => b.length - a.length);
  const before = phrases(UNITS_BEFORE);
  const after = phrases(QUALIFIERS_AFTER);
  const locatives = phrases(LOCATIVES);
  return (syllables, typedWithDiacritics) => {
    const out: (PlaceRole | undefined)[] = syllables.map(() => undefined);
    if (names.length === 0) return out;
    const at = (pattern: Syllable[], i: number): boolean =>
      i >= 0 &&
      pattern.every((p, k) => syllables[i + k] !== undefined && same(p, syllables[i + k]!, typedWithDiacritics));
    let i = 0;
    while (i < syllables.length) {
      const name = names.find((n) => at(n, i));
      if (!name) {
        i += 1;
        continue;
      }
      const unit = before.find((u) => out[i - u.length] === undefined && at(u, i - u.length));
      const start = unit ? i - unit.length : i;
      const end = i + name.length + (after.find((q) => at(q, i + name.length))?.length ?? 0);
      const role: PlaceRole = out[start - 1] === 'at' || locatives.some((l) => at(l, start - l.length)) ? 'at' : 'name';
      for (let k = start; k < end; k += 1) out[k] = role;
      i = end;
    }
    return out;
  };
}
