import type { Analyzer } from './analyze-text.js';
import type { FaqNode } from '../faq-types.js';
import { createAnswerOverlap } from './answer-overlap.js';
import { createAugmenter, type TrainingText } from './augment-questions.js';
import { createCentroidIndex } from './centroid-index.js';
import { createPhrasingIndex } from './phrasing-index.js';
import { createDefiningWords } from './defining-words.js';
import { createFeatureSpace, type SparseVector } from './feature-space.js';
import { createFuzzyVocabulary } from './fuzzy-vocabulary.js';
import { accentKey, foldedWords } from './normalize-vietnamese.js';
import { trainLinearModel, type ModelInput, type TrainingExample } from './linear-model.js';
import { seededRandom } from './seeded-random.js';
import { createSpellCorrector } from './spell-corrector.js';
import { textFeatures } from './text-features.js';

export interface ClassifierInput {
  /** the classes: answer nodes and small-talk nodes (the out-of-scope node's examples are unrelated subjects) */
  nodes: readonly FaqNode[];
  analyzer: Analyzer;
  /** teencode key → standard word (synonyms.yaml `chat`), to write teencode variants */
  chat: Record<string, string>;
  stories: string[];
  /** texts whose words count as known besides the nodes' own (answer texts) */
  knownTexts: string[];
}

export interface Ranked {
  node: FaqNode;
  /** probability among the candidates */
  p: number;
}

export interface Classification {
  ranked: Ranked[];
  /** share of the message's content words that no FAQ text uses (nor a word one typo away) */
  unknownShare: number;
  /** content words of the message */
  words: string[];
  /** whether any word or pair of the message is used by any class (the out-of-scope examples included) */
  anyKnown: boolean;
  /** word pairs of the message that only the out-of-scope examples use ("khai sinh"): another service's name */
  outOfScopePairs: number;
  /** the terms that weighed most for `node`, heaviest first */
  explain(node: FaqNode, limit?: number): { term: string; weight: number }[];
}

export interface Classifier {
  classify(text: string, available: (node: FaqNode) => boolean): Classification;
}

/** Retrieval proposes this many classes; the model weighs them (plus every small-talk class). */
const CANDIDATES = 12;
/** Phrasings of a class whose retrieval decides the classes it trains against. */
const PROBES_PER_CLASS = 3;
/** Training examples at most (variants per question shrink for very large content). */
const EXAMPLE_BUDGET = 20_000;
const MAX_VARIANTS = 3;
const SEED = 20261207;

/**
 * Trains the matcher's model from the content (docs/matching.md): every node's own phrasings and
 * automatic variants of them, the out-of-scope node's unrelated subjects as a class of its own.
 * Deterministic: the same content trains the same model.
 */
export function createClassifier(input: ClassifierInput): Classifier {
  const { analyzer, nodes } = input;
  const random = seededRandom(SEED);
  const augmenter = createAugmenter({ chat: input.chat, stories: input.stories });
  const textsOf = (node: FaqNode): string[] =>
    node.kind === 'answer' ? [node.title, ...node.questions] : [...node.questions];
  const questionCount = nodes.reduce((n, node) => n + textsOf(node).length, 0);
  const variants = Math.max(0, Math.min(MAX_VARIANTS, Math.floor(EXAMPLE_BUDGET / Math.max(1, questionCount)) - 1));

  // `source`: the phrasing an example was written from (its variants share it)
  const raw: { features: ReturnType<typeof textFeatures>; cls: number; weight: number; source: number }[] = [];
  let sources = 0;
  nodes.forEach((node, cls) => {
    const groups: TrainingText[][] = textsOf(node).map((q) => augmenter.variants(q, variants, random));
    if (node.keywords.length > 0) groups.push([{ text: node.keywords.join(', '), weight: 0.5 }]);
    for (const texts of groups) {
      const source = sources++;
      for (const t of texts) {
        raw.push({ features: textFeatures(analyzer.analyze(t.text, 4)), cls, weight: t.weight, source });
      }
    }
  });
  const classKeys: Set<string>[] = nodes.map(() => new Set());
  for (const r of raw) for (const key of r.features.raw.keys()) classKeys[r.cls]!.add(key);
  const space = createFeatureSpace(classKeys);
  const vectors = raw.map((r) => ({ x: space.vectorize(r.features.raw), cls: r.cls, weight: r.weight }));
  const index = createCentroidIndex(vectors, space.size);
  const defining = createDefiningWords(
    raw.filter((r) => r.weight === 1).map((r) => ({ cls: r.cls, words: r.features.words })),
  );
  const phrasings = createPhrasingIndex(
    raw.flatMap((r, i) => (r.weight === 1 ? [{ x: vectors[i]!.x, cls: r.cls, source: r.source }] : [])),
    space.size,
  );

  const outOfScope = new Set(nodes.filter((n) => n.intent === 'out_of_scope'));
  const outOnlyPairs = outOfScopeOnlyPairs(
    raw.map((r) => ({ keys: r.features.raw.keys(), out: outOfScope.has(nodes[r.cls]!) })),
  );
  const answerWords = [...input.knownTexts, ...input.stories].flatMap(foldedWords);
  const known = createFuzzyVocabulary([
    ...raw.filter((r) => !outOfScope.has(nodes[r.cls]!)).flatMap((r) => r.features.words),
    ...answerWords,
  ]);
  const corrector = createSpellCorrector([...raw.flatMap((r) => r.features.words), ...answerWords]);
  /** the message with its typos corrected to the content's words; a function word typed with marks ("thì") is no typo */
  const corrected = (text: string): string =>
    text.replace(/[\p{L}\p{M}]+/gu, (word) =>
      analyzer.stopwords.accented.has(accentKey(word.toLowerCase())) ? word : (corrector.correct(word) ?? word),
    );
  const unknownShare = (words: string[]): number =>
    words.length === 0 ? 0 : words.filter((w) => !known.near(w)).length / words.length;
  const overlap = createAnswerOverlap(
    analyzer,
    nodes.map((n) => (n.kind === 'answer' ? n.versions.map((v) => v.text) : [])),
  );
  const alwaysOn = nodes.map((n, cls) => (outOfScope.has(n) ? cls : -1)).filter((c) => c >= 0);
  /** the evidence on each class of a text: centroid similarity, nearest phrasing, defining words lacked, answer overlap */
  const candidatesOf = (
    classes: number[],
    sims: number[],
    near: number[],
    features: ReturnType<typeof textFeatures>,
  ) => {
    const words = new Set(features.words);
    const terms = overlap.weigh(features.raw);
    return classes.map((cls, j) => ({
      cls,
      evidence: [sims[j]!, near[j]!, defining.missing(cls, words), overlap.share(cls, terms)],
    }));
  };
  const inputOf = (features: ReturnType<typeof textFeatures>): ModelInput => {
    const x = space.vectorize(features.raw);
    const nearest = index.nearestClasses([x], CANDIDATES, alwaysOn);
    const chosen = nearest.map((n) => n.cls);
    const near = phrasings.nearest(x, chosen);
    const candidates = candidatesOf(
      chosen,
      nearest.map((n) => n.sim),
      near,
      features,
    );
    return { x, extras: [unknownShare(features.words)], candidates };
  };

  // Each class trains against its neighbours: the classes retrieved for a few of its own
  // phrasings (what a resident asking it would see as the competition), not a retrieval per example.
  const probes = new Map<number, SparseVector[]>();
  raw.forEach((r, i) => {
    const list = probes.get(r.cls) ?? [];
    if (list.length < PROBES_PER_CLASS && r.weight === 1) probes.set(r.cls, [...list, vectors[i]!.x]);
  });
  const neighbours = new Map<number, number[]>();
  for (const [cls, xs] of probes) {
    neighbours.set(
      cls,
      index.nearestClasses(xs, CANDIDATES, [...alwaysOn, cls]).map((n) => n.cls),
    );
  }
  const examples: TrainingExample[] = raw.map((r, i) => {
    const x = vectors[i]!.x;
    const classes = neighbours.get(r.cls) ?? [r.cls, ...alwaysOn];
    // the nearest phrasing of another source: a phrasing does not vouch for itself
    const near = phrasings.nearest(x, classes, r.source);
    const candidates = candidatesOf(classes, index.dots(x, classes), near, r.features);
    return { x, extras: [unknownShare(r.features.words)], candidates, cls: r.cls, weight: r.weight };
  });
  const model = trainLinearModel(examples, {
    classes: nodes.length,
    evidence: [4, 2, 0, 1],
    extras: 1,
    epochs: 4,
    learningRate: 0.5,
    random,
    tableBits: 20,
  });
  const classOf = new Map(nodes.map((n, cls) => [n, cls]));

  return {
    classify(text, available) {
      const analysis = analyzer.analyze(corrected(text), 4);
      const features = textFeatures(analysis);
      const modelInput = inputOf(features);
      modelInput.candidates = modelInput.candidates.filter(({ cls }) => available(nodes[cls]!));
      const p = modelInput.candidates.length > 0 ? model.probabilities(modelInput) : [];
      const ranked = modelInput.candidates
        .map(({ cls }, j) => ({ node: nodes[cls]!, p: p[j]! }))
        .sort((a, b) => b.p - a.p || a.node.id.localeCompare(b.node.id));
      return {
        ranked,
        unknownShare: modelInput.extras[0]!,
        words: features.words,
        // a question word (`q:`) alone is no evidence of any subject
        anyKnown: modelInput.x.ids.some((id) => !space.keyOf(id).startsWith('q:')),
        outOfScopePairs: askedPairs(analysis).filter((key) => outOnlyPairs.has(key)).length,
        explain(node, limit = 6) {
          const cls = classOf.get(node);
          if (cls === undefined) return [];
          const { ids, values } = modelInput.x;
          const simWeight = model.evidenceWeights()[0]!;
          return ids
            .map((id, i) => ({
              term: space.keyOf(id).slice(2).replace(/_/g, ' '),
              kind: space.keyOf(id)[0],
              weight: model.contribution(cls, id, values[i]!) + simWeight * values[i]! * index.weight(cls, id),
            }))
            .filter((t) => t.kind !== 'c' && t.weight > 0)
            .sort((a, b) => b.weight - a.weight)
            .slice(0, limit)
            .map(({ term, weight }) => ({ term, weight: Math.round(weight * 100) / 100 }));
        },
      };
    },
  };
}

/** The word pairs (`b:`) that out-of-scope examples use and no in-scope example does. */
function outOfScopeOnlyPairs(examples: { keys: Iterable<string>; out: boolean }[]): Set<string> {
  const inScope = new Set<string>();
  const out = new Set<string>();
  for (const e of examples) for (const key of e.keys) if (key.startsWith('b:')) (e.out ? out : inScope).add(key);
  for (const key of inScope) out.delete(key);
  return out;
}

/** The word pairs (`b:` keys) of the clauses that ask something (all of them when none does): not the story's. */
function askedPairs(analysis: ReturnType<Analyzer['analyze']>): string[] {
  const terms = (analysis.readings[0] ?? []).filter((t) => t.bigram);
  const asking = analysis.interrogative;
  const anyAsks = terms.some((t) => asking[t.clause]);
  return terms.filter((t) => !anyAsks || asking[t.clause]).map((t) => `b:${t.key}`);
}
