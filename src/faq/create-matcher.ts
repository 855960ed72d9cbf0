import MiniSearch from 'minisearch';
import { createAnalyzer, type AnalyzedText, type Term } from './analyze-text.js';
import { addToBag, coverage, createIdfTable, type TermBag } from './coverage.js';
import { decideMatch, type ScoredNode } from './decide-match.js';
import type { FaqNode, MatchResult } from './faq-types.js';
import { DEFAULT_KNOBS, type MatcherKnobs } from './matcher-knobs.js';
import { normalizeVietnamese } from './normalize-vietnamese.js';
import { focusWeights } from './question-focus.js';
import { createSmalltalkPhrases } from './smalltalk-phrases.js';
import type { SynonymsData } from './synonym-table.js';
import { dayOf, isNodeAvailable, isNodeAvailableOn } from './validity.js';

export interface MatcherInput {
  nodes: readonly FaqNode[];
  synonyms: SynonymsData;
  /** available children of a topic on a day, in menu order (for topic matches) */
  children(topicId: string, at: number): FaqNode[];
  knobs?: Partial<MatcherKnobs>;
}

export interface Matcher {
  /** Classifies a resident's free text (see FaqSnapshot.match). */
  match(text: string, at: number): MatchResult;
  /** The candidates behind a verdict, best first, with their coverage (for eval and debugging). */
  rank(text: string, at: number): ScoredNode[];
}

interface Profile {
  node: FaqNode;
  /** the title and each question variant */
  texts: TermBag[];
  keywords: TermBag;
}

/** One indexed text; exactly one of the three fields is set, so MiniSearch field boosts weight it. */
interface IndexedText {
  id: number;
  node: number;
  question?: string;
  title?: string;
  keywords?: string;
}

/**
 * Small-talk phrases shorter than this (in content words) are left to the whole-message phrase
 * step: "chao ban" would otherwise retrieve on "ban" alone.
 */
const MIN_SMALLTALK_TERMS = 2;
/** Query readings more than this (ambiguous keys multiply them) are not explored. */
const MAX_READINGS = 8;

const indexTermsOf = (terms: Term[]): string =>
  terms.flatMap((t) => (t.strictAccent && t.accented ? [t.key, t.accented] : [t.key])).join(' ');

/**
 * Builds the matcher over all topic, answer and small-talk nodes (validity is checked per query,
 * so one index serves every date). Pipeline per question (vietnamese-matching.md §5):
 * small-talk phrases → BM25 retrieval (MiniSearch; folded unigrams and bigrams, accented keys
 * boosted when typed with diacritics) → IDF-weighted coverage both ways → fuzzy second pass when
 * weak → decision rule (decide-match.ts).
 */
export function createMatcher(input: MatcherInput): Matcher {
  const knobs: MatcherKnobs = { ...DEFAULT_KNOBS, ...input.knobs };
  const analyzer = createAnalyzer(input.synonyms);
  const primary = (text: string): Term[] => analyzer.analyze(text).readings[0] ?? [];

  /** each node's analysed texts (title and variants; small talk: variants of 2+ words) and keywords */
  const analysed = new Map(
    input.nodes.map((node) => [
      node,
      {
        texts:
          node.kind === 'smalltalk'
            ? node.questions.map(primary).filter((t) => t.filter((x) => !x.bigram).length >= MIN_SMALLTALK_TERMS)
            : [node.title, ...node.questions].map(primary),
        keywords: node.keywords.flatMap(primary),
      },
    ]),
  );
  const textsOf = (node: FaqNode): Term[][] => analysed.get(node)!.texts;
  const keywordsOf = (node: FaqNode): Term[] => analysed.get(node)!.keywords;
  /** every term of the FAQ's own (topic and answer) texts and keywords */
  const faqVocabulary = new Set(
    input.nodes
      .filter((n) => n.kind !== 'smalltalk')
      .flatMap((n) => [...textsOf(n).flat(), ...keywordsOf(n)].map((t) => t.key)),
  );
  /**
   * Terms that may explain a query besides the text being scored: the keywords, and the node's other
   * texts — all of them for a paraphrase list (answers, topics, most small talk), but for the
   * out-of-scope node, whose examples are unrelated subjects, only the words no FAQ text uses:
   * "khai sinh" anywhere in a question is out-of-scope evidence, "hộ nghèo" + "vay" from two
   * different examples is not.
   */
  const extrasOf = (node: FaqNode): Term[] => {
    const texts = textsOf(node).flat();
    const shared = node.intent === 'out_of_scope' ? texts.filter((t) => !faqVocabulary.has(t.key)) : texts;
    return [...keywordsOf(node), ...shared];
  };
  const profiles: Profile[] = input.nodes.map((node) => ({
    node,
    texts: textsOf(node).map((t) => addToBag(new Map(), t)),
    keywords: addToBag(new Map(), extrasOf(node)),
  }));
  const idf = createIdfTable(
    profiles.map((p) => new Set([...p.texts.flatMap((t) => [...t.keys()]), ...p.keywords.keys()])),
    knobs.bigramWeight,
  );
  const smalltalk = createSmalltalkPhrases(input.nodes, analyzer);
  /** a topic's name or question typed alone ("bhyt", "vay von") opens the topic */
  const topicNames = new Map<string, FaqNode>();
  for (const node of input.nodes) {
    if (node.kind !== 'topic') continue;
    for (const name of [node.title, ...node.questions]) {
      const key = unigramKey(primary(name));
      if (key && !topicNames.has(key)) topicNames.set(key, node);
    }
  }

  /**
   * A question typed exactly as one of an answer's own variants (ignoring case, marks and
   * punctuation) is that answer: admins' variants are authoritative, even when stop phrases would
   * reduce the text to a topic name ("vay von o dau" is not the topic "vay von"). A variant shared by
   * two answers is ambiguous and left to ranking.
   */
  const exactVariants = new Map<string, FaqNode | null>();
  for (const node of input.nodes) {
    if (node.kind !== 'answer') continue;
    for (const question of node.questions) {
      const key = surfaceKey(question);
      if (!key) continue;
      const seen = exactVariants.get(key);
      exactVariants.set(key, seen === undefined || seen?.id === node.id ? node : null);
    }
  }

  const index = new MiniSearch<IndexedText>({
    fields: ['question', 'title', 'keywords'],
    storeFields: ['node'],
    tokenize: (s) => s.split(' '),
    processTerm: (t) => t || null,
  });
  const docs: IndexedText[] = [];
  profiles.forEach((p, nodeIndex) => {
    const add = (field: 'question' | 'title' | 'keywords', terms: string): void => {
      if (terms) docs.push({ id: docs.length, node: nodeIndex, [field]: terms });
    };
    textsOf(p.node).forEach((terms, i) =>
      add(i === 0 && p.node.kind !== 'smalltalk' ? 'title' : 'question', indexTermsOf(terms)),
    );
    add('keywords', indexTermsOf(keywordsOf(p.node)));
  });
  index.addAll(docs);

  const retrieve = (readings: Term[][], marked: boolean, fuzzy: boolean, at: number): Profile[] => {
    const boosts = new Map<string, number>();
    readings.forEach((reading, r) => {
      for (const t of reading) {
        const base = (r === 0 ? 1 : knobs.alternativeBoost) * (t.weight ?? 1);
        boosts.set(t.key, Math.max(boosts.get(t.key) ?? 0, base));
        if (marked && t.accented && t.strictAccent) {
          boosts.set(t.accented, Math.max(boosts.get(t.accented) ?? 0, base * knobs.accentedBoost));
        }
      }
    });
    if (boosts.size === 0) return [];
    const hits = index.search([...boosts.keys()].join(' '), {
      combineWith: 'OR',
      prefix: false,
      boost: { question: knobs.questionBoost, title: knobs.titleBoost, keywords: knobs.keywordBoost },
      boostTerm: (term) => boosts.get(term) ?? 1,
      fuzzy: fuzzy
        ? (term) => (!term.includes('_') && !/\d$/.test(term) && term.length >= knobs.fuzzyMinLength ? 1 : false)
        : false,
    });
    const best = new Map<number, number>();
    for (const hit of hits) {
      const nodeIndex = Number(hit.node);
      best.set(nodeIndex, Math.max(best.get(nodeIndex) ?? 0, hit.score));
    }
    const day = dayOf(at);
    const out: Profile[] = [];
    for (const [nodeIndex] of [...best.entries()].sort((a, b) => b[1] - a[1])) {
      const profile = profiles[nodeIndex]!;
      if (isNodeAvailableOn(profile.node, day)) out.push(profile);
      if (out.length === knobs.retrieveTop) break;
    }
    return out;
  };

  const score = (profile: Profile, readings: Term[][], fuzzy: boolean): ScoredNode => {
    let best: ScoredNode = { node: profile.node, conf: 0, covQ: 0, covD: 0 };
    for (const reading of readings) {
      for (const text of profile.texts) {
        const { covQ, covD } = coverage(reading, text, profile.keywords, idf, knobs, fuzzy);
        const factor = profile.node.kind === 'topic' ? knobs.topicFactor : 1;
        const conf = factor * (knobs.covQWeight * covQ + (1 - knobs.covQWeight) * covD);
        if (conf > best.conf) best = { node: profile.node, conf, covQ, covD };
      }
    }
    return best;
  };

  const rankPass = (readings: Term[][], marked: boolean, fuzzy: boolean, at: number): ScoredNode[] =>
    retrieve(readings, marked, fuzzy, at)
      .map((p) => score(p, readings, fuzzy))
      .sort((a, b) => b.conf - a.conf);

  /** Ranks the nodes for one analysed question (analysed with up to MAX_READINGS readings). */
  const rankAnalysed = (analysis: AnalyzedText, at: number): ScoredNode[] => {
    const readings = analysis.readings
      .flatMap((r) => {
        const focused = focusWeights(r, analysis.interrogative, knobs);
        return focused === r ? [r] : [focused, r];
      })
      .map(dedupeTerms)
      .filter((r) => r.length > 0);
    if (readings.length === 0) return [];
    const exact = rankPass(readings, analysis.typedWithDiacritics, false, at);
    if ((exact[0]?.conf ?? 0) >= knobs.fuzzyBelow) return exact;
    const fuzzy = rankPass(readings, analysis.typedWithDiacritics, true, at);
    const merged = new Map<string, ScoredNode>();
    for (const s of [...exact, ...fuzzy]) {
      const seen = merged.get(s.node.id);
      if (!seen || s.conf > seen.conf) merged.set(s.node.id, s);
    }
    return [...merged.values()].sort((a, b) => b.conf - a.conf);
  };

  return {
    rank: (text, at) => rankAnalysed(analyzer.analyze(text, MAX_READINGS), at),
    match(text, at) {
      const phrase = smalltalk.find(text, at);
      if (phrase?.intent) return { kind: 'smalltalk', id: phrase.id, intent: phrase.intent, score: 1 };
      const analysis = analyzer.analyze(text, MAX_READINGS);
      const exact = exactVariants.get(surfaceKey(text));
      if (exact && isNodeAvailable(exact, at)) {
        const ranked = rankAnalysed(analysis, at).filter((r) => r.node.id !== exact.id);
        return {
          kind: 'answer',
          id: exact.id,
          score: 1,
          candidates: [
            { id: exact.id, score: 1 },
            ...ranked.slice(0, 2).map((r) => ({ id: r.node.id, score: r.conf })),
          ],
        };
      }
      // the first reading does not depend on how many readings were asked for
      const primaryTerms = analysis.readings[0] ?? [];
      const topic = topicNames.get(unigramKey(primaryTerms));
      const children = topic && isNodeAvailable(topic, at) ? input.children(topic.id, at) : [];
      if (topic && children.length > 0) {
        return {
          kind: 'suggestions',
          score: 1,
          topicId: topic.id,
          candidates: children.map((c) => ({ id: c.id, score: 1 })),
        };
      }
      const queryTerms = primaryTerms.filter((t) => !t.bigram).length;
      return decideMatch(rankAnalysed(analysis, at), knobs, (id) => input.children(id, at), queryTerms);
    },
  };
}

/** The folded syllables of a text, stop words included: "the same text as typed" up to marks and case. */
function surfaceKey(text: string): string {
  return normalizeVietnamese(text)
    .syllables.map((s) => s.folded)
    .join(' ');
}

/** The content unigrams of a text, in order, as one string: equal keys mean "the same words". */
function unigramKey(terms: Term[]): string {
  return terms
    .filter((t) => !t.bigram)
    .map((t) => t.key)
    .join(' ');
}

/** One term per key, the heaviest occurrence kept (a word of the question also told in the story counts in full). */
function dedupeTerms(terms: Term[]): Term[] {
  const best = new Map<string, Term>();
  for (const t of terms) {
    const seen = best.get(t.key);
    if (!seen || (t.weight ?? 1) > (seen.weight ?? 1)) best.set(t.key, t);
  }
  return [...best.values()];
}
