/**
 * A set of words that also answers "is this word one typo away from a known word?" (one deletion,
 * insertion, substitution or adjacent swap), by the symmetric-delete method: every known word and
 * its single deletions are stored, a query compares its own single deletions.
 */
export interface FuzzyVocabulary {
  has(word: string): boolean;
  /** known, or one edit from a known word of at least `minLength` letters */
  near(word: string): boolean;
}

const deletions = (word: string): string[] => {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
};

export function createFuzzyVocabulary(words: Iterable<string>, minLength = 4): FuzzyVocabulary {
  const exact = new Set<string>();
  const deleted = new Set<string>();
  for (const word of words) {
    exact.add(word);
    if (word.length >= minLength) for (const d of deletions(word)) deleted.add(d);
  }
  return {
    has: (word) => exact.has(word),
    near(word) {
      if (exact.has(word)) return true;
      if (word.length < minLength - 1) return false;
      if (deleted.has(word)) return true; // one letter missing
      return deletions(word).some((d) => exact.has(d) || deleted.has(d)); // one extra, changed or swapped
    },
  };
}
