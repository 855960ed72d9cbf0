import { createAnalyzer } from './analyze-text.js';
import type { Candidate, FaqNode, MatchExplanation, MatchResult } from '../faq-types.js';
import { normalizeVietnamese } from './normalize-vietnamese.js';
import { createSmalltalkPhrases } from './smalltalk-phrases.js';
import type { SynonymsData } from './synonym-table.js';
import { isNodeAvailable } from '../validity.js';
import { createClassifier, type Classification } from './create-classifier.js';
import { decide } from './decide.js';
import { DEFAULT_DECISION_KNOBS, type DecisionKnobs } from './decision-knobs.js';
import { createSafetyFinder } from './find-safety.js';
import { splitQuestions } from './split-questions.js';
import { boundQuestionText } from './bounded-text.js';

export interface MatcherInput {
  nodes: readonly FaqNode[];
  synonyms: SynonymsData;
  /** stories.yaml: what residents tell before a question */
  stories: string[];
  /** available children of a topic on a day, in menu order (for topic matches) */
  children(topicId: string, at: number): FaqNode[];
  knobs?: Partial<DecisionKnobs>;
}

export interface Matcher {
  match(text: string, at: number): MatchResult;
  explain(text: string, at: number): MatchExplanation;
}

const PHRASE_ONLY = new Set(['greeting', 'thanks', 'goodbye']);

/**
 * The matcher (docs/matching.md): safety phrases first, then whole-message small talk, a
 * question typed as one of an answer's own phrasings, a topic's name alone; otherwise the
 * model trained from the content (create-classifier.ts) weighs the candidates and decide.ts
 * turns its probabilities into answer / suggestions / small talk / fallback. A message with two
 * questions gets both answered when the model is sure of each.
 */
export function createMatcher(input: MatcherInput): Matcher {
  const knobs: DecisionKnobs = { ...DEFAULT_DECISION_KNOBS, ...input.knobs };
  const byId = new Map(input.nodes.map((n) => [n.id, n]));
  const analyzer = createAnalyzer(input.synonyms);
  const safety = createSafetyFinder(input.nodes, input.synonyms.chat, input.synonyms.safetyWords);
  const smalltalk = createSmalltalkPhrases(input.nodes, analyzer);
  // greetings, thanks and goodbyes are whole-message phrases (smalltalk-phrases.ts), never evidence
  // inside a question: "bạn" of "chào bạn" is not "bán" of "bán xe"
  const classes = input.nodes.filter(
    (n) => n.kind === 'answer' || (n.kind === 'smalltalk' && !PHRASE_ONLY.has(n.intent!)),
  );
  const classifier = createClassifier({
    nodes: classes,
    analyzer,
    chat: input.synonyms.chat,
    stories: input.stories,
    knownTexts: input.nodes.filter((n) => n.kind === 'answer').flatMap((n) => n.versions.map((v) => v.text)),
  });
  const topicNames = new Map<string, FaqNode>();
  const exactVariants = new Map<string, FaqNode | null>();
  for (const node of input.nodes) {
    if (node.kind === 'topic') {
      for (const name of [node.title, ...node.questions]) {
        const key = contentKey(analyzer, name);
        if (key && !topicNames.has(key)) topicNames.set(key, node);
      }
    }
    if (node.kind !== 'answer') continue;
    for (const question of node.questions) {
      const key = surfaceKey(question);
      const seen = exactVariants.get(key);
      if (key) exactVariants.set(key, seen === undefined || seen?.id === node.id ? node : null);
    }
  }
  const classify = (text: string, at: number): Classification =>
    classifier.classify(text, (node) => isNodeAvailable(node, at));

  const rules = (text: string, at: number): MatchResult | undefined => {
    const found = safety.find(text, (n) => isNodeAvailable(n, at));
    if (found) {
      const { node } = found;
      return { kind: 'smalltalk', id: node.id, intent: node.intent!, score: 1, ...(node.urgent && { urgent: true }) };
    }
    const phrase = smalltalk.find(text, at);
    if (phrase?.intent) return { kind: 'smalltalk', id: phrase.id, intent: phrase.intent, score: 1 };
    const exact = exactVariants.get(surfaceKey(text));
    if (exact && isNodeAvailable(exact, at)) {
      return { kind: 'answer', id: exact.id, score: 1, candidates: [{ id: exact.id, score: 1 }] };
    }
    const topic = topicNames.get(contentKey(analyzer, text));
    const children = topic && isNodeAvailable(topic, at) ? input.children(topic.id, at) : [];
    if (topic && children.length > 0) {
      return {
        kind: 'suggestions',
        score: 1,
        topicId: topic.id,
        candidates: children.map((c) => ({ id: c.id, score: 1 })),
      };
    }
    return undefined;
  };

  const matchBounded = (text: string, at: number): MatchResult => {
    const ruled = rules(text, at);
    if (ruled) return ruled;
    const whole = decide(classify(text, at), knobs);
    const compared = comparedSiblings(text, whole);
    if (compared) return compared;
    if (whole.kind === 'smalltalk' && whole.intent === 'out_of_scope' && whole.score >= knobs.keepDeclineAbove)
      return whole;
    const questions = splitQuestions(text);
    if (questions.length < 2) return whole;
    const parts = questions.map((q) => decide(classify(q, at), knobs));
    const answered = parts.filter((p): p is Extract<MatchResult, { kind: 'answer' }> => p.kind === 'answer');
    const distinct = answered.filter((p, i) => answered.findIndex((o) => o.id === p.id) === i);
    const sure = distinct.filter((p) => p.score >= knobs.secondAbove);
    if (sure.length >= 2) {
      const [first, second] = sure as [(typeof sure)[0], (typeof sure)[0]];
      return { ...first, second: { id: second.id, score: second.score } satisfies Candidate };
    }
    if (whole.kind === 'answer') {
      // the other question is never dropped silently: its best candidate is offered as option 1
      const other = [...distinct, ...parts.flatMap(bestSuggested)].find((p) => p.id !== whole.id);
      return other ? { ...whole, alternatives: [{ id: other.id, score: other.score }] } : whole;
    }
    return distinct[0] && distinct[0].score >= knobs.secondAbove ? distinct[0] : whole;
  };

  /**
   * "hộ nghèo với hộ cận nghèo khác nhau thế nào": a comparison of the two best candidates, when
   * they are siblings (one parent), is answered with both, as two messages, instead of a choice.
   */
  const comparedSiblings = (text: string, whole: MatchResult): MatchResult | undefined => {
    if ((whole.kind !== 'answer' && whole.kind !== 'suggestions') || !COMPARISON.test(surfaceKey(text)))
      return undefined;
    const [first, second] = whole.candidates ?? [];
    if (!first || !second || first.score < knobs.suggestAbove || second.score < knobs.suggestAbove) return undefined;
    const [a, b] = [byId.get(first.id), byId.get(second.id)];
    if (!a || !b || a.kind !== 'answer' || b.kind !== 'answer' || a.parent === null || a.parent !== b.parent)
      return undefined;
    return { kind: 'answer', id: a.id, score: first.score, candidates: whole.candidates!, second };
  };

  return {
    match: (text, at) => matchBounded(boundQuestionText(text).text, at),
    explain(text, at) {
      const bounded = boundQuestionText(text).text;
      const result = matchBounded(bounded, at);
      const c = classify(bounded, at);
      const trigger = safety.find(bounded, (n) => isNodeAvailable(n, at))?.trigger;
      return {
        result,
        ...(trigger !== undefined && { trigger }),
        unknownShare: c.unknownShare,
        questions: splitQuestions(bounded),
        candidates: c.ranked
          .slice(0, 5)
          .map((r) => ({ id: r.node.id, title: r.node.title, p: r.p, terms: c.explain(r.node) })),
      };
    },
  };
}

/** Words that ask how two things differ or compare (folded, stop words included). */
const COMPARISON =
  /\b(khac nhau|khac gi|khac the nao|khac cho nao|khac nhu the nao|so voi|giong nhau|giong hay khac|phan biet)\b/;

/** The best candidate of a part that got suggestions, as a candidate to offer. */
function bestSuggested(part: MatchResult): Candidate[] {
  return part.kind === 'suggestions' && part.candidates[0] ? [part.candidates[0]] : [];
}

/** The folded syllables of a text, stop words included: "the same text as typed" up to marks and case. */
function surfaceKey(text: string): string {
  return normalizeVietnamese(text)
    .syllables.map((s) => s.folded)
    .join(' ');
}

/** The content words of a text, in order: equal keys mean "the same words". */
function contentKey(analyzer: ReturnType<typeof createAnalyzer>, text: string): string {
  return (analyzer.analyze(text).readings[0] ?? [])
    .filter((t) => !t.bigram)
    .map((t) => t.key)
    .join(' ');
}
