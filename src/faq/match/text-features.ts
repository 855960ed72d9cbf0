import type { AnalyzedText, Term } from './analyze-text.js';

/**
 * The evidence the matcher reads in one analysed text, before weighting: folded content words
 * (`w:`), folded word pairs (`b:`) and letter trigrams of each word (`c:`, so a typo still shares
 * most of its word's trigrams). Diacritics are folded away, so a question typed with or without
 * them gives the same features (the analyser still uses the marks to read teencode and stopwords).
 */
export interface TextFeatures {
  /** feature key → raw weight (term weight × clause weight) */
  raw: Map<string, number>;
  /** folded content words of the first reading, in order (for the unknown-word evidence and explanations) */
  words: string[];
}

/** Words of clauses that ask nothing, in a message that also asks something: the resident's story. */
export const STORY_CLAUSE_WEIGHT = 0.5;
/** Only messages with at least this many content words have a story worth weighing down. */
const STORY_MIN_WORDS = 8;
/** A trigram weighs this share of its word (a word of n letters has n trigrams with its padding). */
const TRIGRAM_SHARE = 0;
/** Alternative readings (ambiguous keys) count this much. */
const ALTERNATIVE_READING = 0.5;

const add = (raw: Map<string, number>, key: string, weight: number): void => {
  raw.set(key, Math.max(raw.get(key) ?? 0, weight));
};

function clauseWeights(analysis: AnalyzedText, first: Term[]): (clause: number) => number {
  const words = first.filter((t) => !t.bigram).length;
  const asking = analysis.interrogative;
  const clauses = new Set(first.map((t) => t.clause));
  if (words < STORY_MIN_WORDS || clauses.size < 2 || !asking.some(Boolean)) return () => 1;
  if ([...clauses].every((c) => asking[c])) return () => 1;
  return (clause) => (asking[clause] ? 1 : STORY_CLAUSE_WEIGHT);
}

export function textFeatures(analysis: AnalyzedText): TextFeatures {
  const raw = new Map<string, number>();
  const first = analysis.readings[0] ?? [];
  const clauseWeight = clauseWeights(analysis, first);
  analysis.readings.forEach((reading, r) => {
    const readingWeight = r === 0 ? 1 : ALTERNATIVE_READING;
    for (const term of reading) {
      const weight = (term.weight ?? 1) * readingWeight * clauseWeight(term.clause);
      if (term.bigram) {
        add(raw, `b:${term.key}`, weight);
        continue;
      }
      add(raw, `w:${term.key}`, weight);
      if (TRIGRAM_SHARE === 0 || term.key.length < 3 || /\d/.test(term.key)) continue;
      const padded = `#${term.key}#`;
      for (let i = 0; i + 3 <= padded.length; i++) add(raw, `c:${padded.slice(i, i + 3)}`, weight * TRIGRAM_SHARE);
    }
  });
  return { raw, words: first.filter((t) => !t.bigram).map((t) => t.key) };
}
