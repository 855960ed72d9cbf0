import type { CoverageKnobs } from './coverage.js';
import type { FocusKnobs } from './question-focus.js';

/**
 * Tuning knobs of the matcher. The defaults were calibrated on the dev split of
 * test/eval/questions.yaml (`npm run eval -- --split dev`); src/faq/README.md explains each one.
 */
export interface MatcherKnobs extends CoverageKnobs, FocusKnobs {
  /** nodes taken from the BM25 retrieval before coverage re-scores them */
  retrieveTop: number;
  /** BM25 weight of accented keys when the resident typed with diacritics */
  accentedBoost: number;
  /** BM25 weight of the readings of an ambiguous key other than the typed one */
  alternativeBoost: number;
  /** BM25 weight per kind of indexed text */
  questionBoost: number;
  titleBoost: number;
  keywordBoost: number;
  /** confidence = covQWeight·covQ + (1 − covQWeight)·covD */
  covQWeight: number;
  /** topics' confidence is scaled by this, so a topic wins only when the message is little more than its name */
  topicFactor: number;
  /** the fuzzy second pass runs when the best exact confidence is below this */
  fuzzyBelow: number;
  /** below this confidence, or below `minCovQSuggest` of the question explained: fallback */
  fallbackBelow: number;
  minCovQSuggest: number;
  /** a direct verdict (answer, topic, small talk) needs at least this confidence … */
  answerAbove: number;
  /** … and at least this share of the question explained */
  minCovQ: number;
  /** a topic or small-talk verdict also needs a lead of this much over the runner-up; otherwise suggestions */
  margin: number;
  /** after a direct answer, FAQ runner-ups within this distance of it are offered as alternatives */
  alsoAskWithin: number;
  /**
   * A message of at least `longMessageTerms` content words (a resident's story) is answered by its
   * best node even below `answerAbove`/`minCovQ` when that node is an answer the message covers
   * almost whole (`covD ≥ longMinCovD`), its confidence reaches `longAnswerAbove`, and it leads the
   * runner-up (any kind, small talk included) by `longLead`.
   */
  longMessageTerms: number;
  longMinCovD: number;
  longAnswerAbove: number;
  longLead: number;
  /** suggestions are candidates within this distance of the best */
  suggestWithin: number;
  maxSuggestions: number;
}

export const DEFAULT_KNOBS: MatcherKnobs = {
  retrieveTop: 15,
  accentedBoost: 0.3,
  alternativeBoost: 0.5,
  questionBoost: 1,
  titleBoost: 0.8,
  keywordBoost: 0.6,
  bigramWeight: 0.3,
  accentMismatchCredit: 0.6,
  fuzzyCredit: 0.8,
  fuzzyMinLength: 4,
  placeWeight: 0.2,
  covQWeight: 0.7,
  topicFactor: 0.9,
  fuzzyBelow: 0.6,
  fallbackBelow: 0.55,
  minCovQSuggest: 0.3,
  answerAbove: 0.55,
  minCovQ: 0.4,
  margin: 0.06,
  alsoAskWithin: 0.1,
  longMessageTerms: 16,
  longMinCovD: 0.8,
  longAnswerAbove: 0.38,
  longLead: 0.1,
  focusMinMessage: 12,
  focusMinTerms: 4,
  storyWeight: 0.05,
  suggestWithin: 0.2,
  maxSuggestions: 3,
};
