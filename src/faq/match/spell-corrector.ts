import { foldKey } from './normalize-vietnamese.js';

/**
 * Corrects a typo to the content's own word: a word the content never uses, one edit from words
 * it does use, becomes the most frequent of them ("ngeo" → "ngheo", "nhug" → "nhung"). Vietnamese
 * syllables are short and one changed letter often makes another real word (vàng → đăng), so a
 * letter left out is corrected from 4 letters typed, an extra letter from 5, a changed or swapped
 * letter only from 6; a word typed with diacritics is plainly Vietnamese, so a letter left out of it
 * is corrected from 3 ("nặg" → "nang"). Words the content uses are never changed.
 */
export interface SpellCorrector {
  /** the corrected (folded) word, or undefined when the word is known or nothing is one edit away */
  correct(word: string): string | undefined;
}

const MIN_MISSING = 4;
const MIN_MISSING_MARKED = 3;
const MIN_EXTRA = 5;
const MIN_CHANGED = 6;

const deletions = (word: string): string[] => {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
};

export function createSpellCorrector(words: Iterable<string>): SpellCorrector {
  const frequency = new Map<string, number>();
  for (const w of words) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  /** a deletion of a known word → the known words it comes from */
  const byDeletion = new Map<string, string[]>();
  for (const w of frequency.keys()) {
    if (w.length < MIN_MISSING_MARKED + 1) continue;
    for (const d of new Set(deletions(w))) byDeletion.set(d, [...(byDeletion.get(d) ?? []), w]);
  }
  const cache = new Map<string, string | undefined>();
  const lookup = (folded: string, marked: boolean): string | undefined => {
    const shortest = marked ? MIN_MISSING_MARKED : MIN_MISSING;
    if (frequency.has(folded) || folded.length < shortest || /\d/.test(folded)) return undefined;
    const found = new Set<string>();
    for (const w of byDeletion.get(folded) ?? []) found.add(w); // a letter left out
    for (const d of folded.length >= MIN_EXTRA ? deletions(folded) : []) {
      if (frequency.has(d)) found.add(d); // an extra letter
      if (folded.length < MIN_CHANGED) continue;
      for (const w of byDeletion.get(d) ?? []) if (w.length === folded.length) found.add(w); // changed or swapped
    }
    let best: string | undefined;
    for (const w of found) if (!best || frequency.get(w)! > frequency.get(best)!) best = w;
    return best;
  };
  return {
    correct(word) {
      const lower = word.toLowerCase();
      const folded = foldKey(lower);
      const marked = /[^a-z]/.test(lower);
      const key = marked ? `${folded}*` : folded;
      if (!cache.has(key)) {
        if (cache.size > 20_000) cache.clear();
        cache.set(key, lookup(folded, marked));
      }
      return cache.get(key);
    },
  };
}
