import type { Term } from './analyze-text.js';

/** One term of a content text: its folded key, the accents it was written with. */
export interface BagTerm {
  bigram: boolean;
  accents: Set<string>;
  /** written with diacritics, so its accents can be trusted */
  strict: boolean;
}

/** The terms of one content text (a question variant or a title). */
export type TermBag = Map<string, BagTerm>;

/** Inverse document frequencies over nodes; unknown terms get the maximum. */
export interface IdfTable {
  weight(key: string, bigram: boolean): number;
}

export interface CoverageKnobs {
  /** weight of a bigram relative to a unigram of the same IDF */
  bigramWeight: number;
  /** credit for a syllable whose folded key matches but whose typed accent differs (thuê vs thuế) */
  accentMismatchCredit: number;
  /** credit for a unigram matched at edit distance 1 (fuzzy pass only) */
  fuzzyCredit: number;
  /** shortest unigram that may be matched fuzzily */
  fuzzyMinLength: number;
  /** query weight of a place-name term (Term.place) the entry does not mention */
  placeWeight: number;
}

export interface Coverage {
  /** matched query mass ÷ query mass: how much of the question the entry explains */
  covQ: number;
  /** matched entry mass ÷ entry mass: how much of the entry's question the resident said */
  covD: number;
}

/** Adds analysed terms to a bag (a content text's own terms, or a node's keywords). */
export function addToBag(bag: TermBag, terms: Term[]): TermBag {
  for (const t of terms) {
    const entry = bag.get(t.key) ?? { bigram: t.bigram, accents: new Set<string>(), strict: false };
    if (t.accented !== undefined) entry.accents.add(t.accented);
    entry.strict ||= t.strictAccent;
    bag.set(t.key, entry);
  }
  return bag;
}

/** Builds IDF weights (BM25 form) from the set of terms of each node. */
export function createIdfTable(nodeTerms: Iterable<Set<string>>, bigramWeight: number): IdfTable {
  const df = new Map<string, number>();
  let n = 0;
  for (const terms of nodeTerms) {
    n += 1;
    for (const key of terms) df.set(key, (df.get(key) ?? 0) + 1);
  }
  const idf = (count: number): number => Math.log(1 + (n - count + 0.5) / (count + 0.5));
  return { weight: (key, bigram) => idf(df.get(key) ?? 0) * (bigram ? bigramWeight : 1) };
}

/** Whether two strings are at most one edit apart (insert, delete, substitute or swap neighbours). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A unigram of the bag one edit away from `key`, if any. */
function nearKey(key: string, bag: TermBag, minLength: number): string | undefined {
  for (const [candidate, entry] of bag) {
    if (!entry.bigram && candidate.length >= minLength && withinOneEdit(key, candidate)) return candidate;
  }
  return undefined;
}

function creditOf(q: Term, entry: BagTerm | undefined, knobs: CoverageKnobs): number {
  if (!entry) return 0;
  if (q.bigram || !q.strictAccent || !entry.strict || q.accented === undefined) return 1;
  return entry.accents.has(q.accented) ? 1 : knobs.accentMismatchCredit;
}

/**
 * IDF-weighted coverage of one content text by one query reading, both ways. `extras` (the node's
 * keywords) can explain query terms but add no entry mass. Numbers and stopwords are already out
 * of `query`, so they neither help nor hurt. A place name of the bot's area weighs only
 * `placeWeight` where the resident says where they live ("tôi ở xã Lục Nam": no part of the question
 * an answer about electricity support leaves unexplained), and elsewhere when the entry does not
 * mention it ("xã Lục Nam rộng bao nhiêu" still credits the entry about Lục Nam in full).
 * With `fuzzy`, an unmatched unigram of
 * `fuzzyMinLength`+ letters may match a text unigram one edit away, at `fuzzyCredit`.
 */
export function coverage(
  query: Term[],
  text: TermBag,
  extras: TermBag,
  idf: IdfTable,
  knobs: CoverageKnobs,
  fuzzy: boolean,
): Coverage {
  let queryMass = 0;
  let queryMatched = 0;
  const textCredit = new Map<string, number>();
  for (const q of query) {
    const named = text.has(q.key) || extras.has(q.key);
    const aside = q.place === 'at' || (q.place === 'name' && !named);
    const w = idf.weight(q.key, q.bigram) * (q.weight ?? 1) * (aside ? knobs.placeWeight : 1);
    queryMass += w;
    let credit = Math.max(creditOf(q, text.get(q.key), knobs), creditOf(q, extras.get(q.key), knobs));
    let textKey: string | undefined = text.has(q.key) ? q.key : undefined;
    if (credit === 0 && fuzzy && !q.bigram && q.key.length >= knobs.fuzzyMinLength) {
      const near = nearKey(q.key, text, knobs.fuzzyMinLength) ?? nearKey(q.key, extras, knobs.fuzzyMinLength);
      if (near !== undefined) {
        credit = knobs.fuzzyCredit;
        textKey = text.has(near) ? near : undefined;
      }
    }
    queryMatched += credit * w;
    if (textKey !== undefined && credit > 0) textCredit.set(textKey, Math.max(textCredit.get(textKey) ?? 0, credit));
  }
  let textMass = 0;
  let textMatched = 0;
  for (const [key, entry] of text) {
    const w = idf.weight(key, entry.bigram);
    textMass += w;
    textMatched += (textCredit.get(key) ?? 0) * w;
  }
  return {
    covQ: queryMass > 0 ? queryMatched / queryMass : 0,
    covD: textMass > 0 ? textMatched / textMass : 0,
  };
}
