import { normalizeVietnamese } from './normalize-vietnamese.js';
import { createPlaceSpans, type PlaceRole } from './place-names.js';
import { clauseIndexes, interrogativeClauses } from './question-focus.js';
import {
  closingVay,
  createStopwords,
  inStopPhrase,
  isSoftStopword,
  isStopword,
  SOFT_STOPWORD_WEIGHT,
  type StopwordSet,
} from './stopwords.js';
import {
  createSynonymTable,
  rewriteSyllables,
  type RewrittenSyllable,
  type SynonymsData,
  type SynonymTable,
} from './synonym-table.js';

/** One matching term: a folded syllable, or a folded bigram ("ho_ngheo"). */
export interface Term {
  key: string;
  bigram: boolean;
  /** accented key of a unigram (vowel marks + tone digit) */
  accented?: string;
  /** the accent was typed on purpose (marked syllable, marked message or admin table): compare it */
  strictAccent: boolean;
  /** share of its IDF the term weighs (below 1 for soft stopwords and their bigrams); 1 when absent */
  weight?: number;
  /** part of a place name of the bot's own area ("xã Lục Nam"; a bigram touching one): see coverage.ts */
  place?: PlaceRole;
  /** index of the clause (between pauses) the term comes from; a bigram, of its first syllable */
  clause: number;
}

export interface AnalyzedText {
  typedWithDiacritics: boolean;
  /** one term list per reading; more than one only when an ambiguous key was typed (query side) */
  readings: Term[][];
  /** folded keys of every syllable of the first reading, numbers and stopwords included */
  folded: string[];
  /** for each of `folded`, whether it is a content syllable (not a stopword, soft or not, nor a number) */
  content: boolean[];
  /** for each clause of the first reading (Term.clause), whether it asks something (question-focus.ts) */
  interrogative: boolean[];
}

export interface Analyzer {
  table: SynonymTable;
  stopwords: StopwordSet;
  /** Normalises, rewrites with synonyms, drops stopwords and numbers, adds bigrams. */
  analyze(text: string, maxReadings?: number): AnalyzedText;
}

const BIGRAM_JOINER = '_';

/** Cartesian product of the segments' alternatives, first `limit` combinations in order. */
function readingsOf(alternatives: RewrittenSyllable[][][], limit: number): RewrittenSyllable[][] {
  let out: RewrittenSyllable[][] = [[]];
  for (const choices of alternatives) {
    const next: RewrittenSyllable[][] = [];
    for (const prefix of out) {
      for (const choice of choices) {
        if (next.length < limit) next.push([...prefix, ...choice]);
      }
    }
    out = next;
  }
  return out;
}

/**
 * Builds the text analyser shared by the index (content) and the queries (residents), so both
 * sides go through the same normalisation, synonym rewriting and stopword rules.
 */
export function createAnalyzer(synonyms: SynonymsData): Analyzer {
  const table = createSynonymTable(synonyms);
  const stopwords = createStopwords(synonyms.stopwordsExtra);
  const placeSpans = createPlaceSpans(synonyms.places);

  /** Numbers are dropped first, so "vốn 50 triệu" still pairs vốn with triệu; stopwords break pairs. */
  const termsOf = (withNumbers: RewrittenSyllable[], marked: boolean): Term[] => {
    const clauseOf = clauseIndexes(withNumbers);
    const clauses = clauseOf.filter((_, i) => !withNumbers[i]!.isNumber);
    const syllables = withNumbers.filter((s) => !s.isNumber);
    const phrase = inStopPhrase(syllables);
    const content = syllables.map(
      (s, i) => !phrase[i] && !isStopword(s, marked || s.fromTable, stopwords) && s.folded.length > 0,
    );
    const closing = marked ? [] : closingVay(syllables);
    const place = placeSpans(syllables, marked);
    const weight = syllables.map((s, i) =>
      isSoftStopword(s, marked || s.fromTable, stopwords) || closing[i] ? SOFT_STOPWORD_WEIGHT : 1,
    );
    const terms: Term[] = [];
    const withWeight = (term: Term, w: number, place: PlaceRole | undefined): Term => ({
      ...term,
      ...(w < 1 ? { weight: w } : {}),
      ...(place ? { place } : {}),
    });
    syllables.forEach((s, i) => {
      if (!content[i]) return;
      terms.push(
        withWeight(
          {
            key: s.folded,
            bigram: false,
            accented: s.accented,
            strictAccent: s.marked || marked,
            clause: clauses[i]!,
          },
          weight[i]!,
          place[i],
        ),
      );
      const next = syllables[i + 1];
      if (next && content[i + 1]) {
        const pair: Term = {
          key: `${s.folded}${BIGRAM_JOINER}${next.folded}`,
          bigram: true,
          strictAccent: false,
          clause: clauses[i]!,
        };
        const pairPlace = place[i] === 'at' || place[i + 1] === 'at' ? 'at' : (place[i] ?? place[i + 1]);
        terms.push(withWeight(pair, Math.min(weight[i]!, weight[i + 1]!), pairPlace));
      }
    });
    return terms;
  };

  // the rules read one message several times (small talk, topic names): the last analysis is kept
  let last: { text: string; maxReadings: number; result: AnalyzedText } | undefined;
  const analyze = (text: string, maxReadings: number): AnalyzedText => {
    if (last?.text !== text || last.maxReadings !== maxReadings)
      last = { text, maxReadings, result: analyzeOnce(text, maxReadings) };
    return last.result;
  };
  return { table, stopwords, analyze: (text, maxReadings = 1) => analyze(text, maxReadings) };

  function analyzeOnce(text: string, maxReadings: number): AnalyzedText {
    const { syllables, typedWithDiacritics } = normalizeVietnamese(text);
    const segments = rewriteSyllables(syllables, typedWithDiacritics, table);
    const readings = readingsOf(
      segments.map((s) => s.alternatives),
      Math.max(1, maxReadings),
    );
    const first = readings[0] ?? [];
    const phrase = inStopPhrase(first);
    return {
      typedWithDiacritics,
      readings: readings.map((r) => termsOf(r, typedWithDiacritics)),
      folded: first.map((s) => s.folded),
      content: first.map((s, i) => {
        const marked = typedWithDiacritics || s.fromTable;
        return !s.isNumber && !phrase[i] && !isStopword(s, marked, stopwords) && !isSoftStopword(s, marked, stopwords);
      }),
      interrogative: interrogativeClauses(first),
    };
  }
}
