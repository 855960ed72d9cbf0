import type { Analyzer } from './analyze-text.js';

/**
 * What each class's answer text says, as evidence beside its phrasings: residents ask with the
 * words of the answer they need ("150 nghìn tiền học", "xin giữa chừng"), not only with the words
 * of the questions an author wrote. For a message, the IDF-weighted share of its content terms
 * (syllables and syllable pairs, after synonyms) that a class's answer uses.
 */
export interface AnswerOverlap {
  /** a message's terms (feature key → weight) weighted by IDF once, for `share` on each candidate */
  weigh(terms: ReadonlyMap<string, number>): WeighedTerms;
  /** the share, in [0, 1], of the message's weight that `cls`'s answer text uses */
  share(cls: number, terms: WeighedTerms): number;
}

export interface WeighedTerms {
  keys: string[];
  weights: number[];
  total: number;
}

/** Only the first characters of an answer are read: what a resident sees first, and a bounded cost. */
const MAX_ANSWER_CHARS = 1_200;

/** `answers[cls]`: the answer texts of class `cls` (none for small talk). */
export function createAnswerOverlap(analyzer: Analyzer, answers: readonly string[][]): AnswerOverlap {
  const termsOf = answers.map((texts) => {
    const keys = new Set<string>();
    for (const text of texts) {
      const reading = analyzer.analyze(text.slice(0, MAX_ANSWER_CHARS), 1).readings[0] ?? [];
      for (const t of reading) keys.add(t.bigram ? `b:${t.key}` : `w:${t.key}`);
    }
    return keys;
  });
  const df = new Map<string, number>();
  for (const keys of termsOf) for (const k of keys) df.set(k, (df.get(k) ?? 0) + 1);
  const withText = termsOf.filter((k) => k.size > 0).length;
  const idf = (key: string): number => Math.log((withText + 1) / ((df.get(key) ?? 0) + 1)) + 1;
  const isTerm = (key: string): boolean => key[1] === ':' && (key[0] === 'w' || key[0] === 'b');
  return {
    weigh(terms) {
      const out: WeighedTerms = { keys: [], weights: [], total: 0 };
      for (const [key, weight] of terms) {
        if (!isTerm(key)) continue;
        const w = weight * idf(key);
        out.keys.push(key);
        out.weights.push(w);
        out.total += w;
      }
      return out;
    },
    share(cls, terms) {
      const own = termsOf[cls];
      if (!own || own.size === 0 || terms.total === 0) return 0;
      let hit = 0;
      for (let i = 0; i < terms.keys.length; i++) if (own.has(terms.keys[i]!)) hit += terms.weights[i]!;
      return hit / terms.total;
    },
  };
}
