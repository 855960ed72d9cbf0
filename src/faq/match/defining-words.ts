/**
 * The words that define a class: those most of its own phrasings use and most others do not
 * ("cận" for the near-poor questions, "sinh viên" for the student loan). A message lacking them is less likely that class,
 * however many other words it shares: "hộ nghèo thu nhập bao nhiêu" is not "hộ cận nghèo thu nhập
 * bao nhiêu".
 */
export interface DefiningWords {
  /** the share of `cls`'s defining words that `words` lacks (0 when it has no defining words) */
  missing(cls: number, words: ReadonlySet<string>): number;
}

/** A word defines a class when at least this share of its phrasings use it … */
const SHARE = 0.6;
/** … and at most this share of all phrasings (a word every class uses defines none) … */
const MAX_GLOBAL_SHARE = 0.2;
/** … and the class has at least this many phrasings. */
const MIN_PHRASINGS = 3;

/** `phrasings`: the content words of each phrasing with its class. */
export function createDefiningWords(phrasings: { cls: number; words: string[] }[]): DefiningWords {
  const counts = new Map<number, { n: number; words: Map<string, number> }>();
  for (const { cls, words } of phrasings) {
    let entry = counts.get(cls);
    if (!entry) counts.set(cls, (entry = { n: 0, words: new Map() }));
    entry.n++;
    for (const word of new Set(words)) entry.words.set(word, (entry.words.get(word) ?? 0) + 1);
  }
  const overall = new Map<string, number>();
  for (const { words } of phrasings) for (const word of new Set(words)) overall.set(word, (overall.get(word) ?? 0) + 1);
  const common = (word: string): boolean => (overall.get(word) ?? 0) > MAX_GLOBAL_SHARE * phrasings.length;
  const defining = new Map<number, string[]>();
  for (const [cls, { n, words }] of counts) {
    if (n < MIN_PHRASINGS) continue;
    const chosen = [...words].filter(([word, count]) => count / n >= SHARE && !common(word)).map(([word]) => word);
    if (chosen.length > 0) defining.set(cls, chosen);
  }
  return {
    missing(cls, words) {
      const list = defining.get(cls);
      if (!list) return 0;
      return list.filter((w) => !words.has(w)).length / list.length;
    },
  };
}
