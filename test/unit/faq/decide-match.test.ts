import { describe, expect, it } from 'vitest';
import { decideMatch, type ScoredNode } from '../../../src/faq/decide-match.js';
import type { FaqNode } from '../../../src/faq/faq-types.js';
import { DEFAULT_KNOBS } from '../../../src/faq/matcher-knobs.js';

const node = (id: string, kind: FaqNode['kind'] = 'answer', intent?: FaqNode['intent']): FaqNode => ({
  id,
  kind,
  parent: kind === 'answer' ? 'topic' : null,
  order: 1,
  title: id,
  questions: [],
  keywords: [],
  versions: [],
  followUps: [],
    triggers: [],
    unless: [],
  facts: [],
  ...(intent ? { intent } : {}),
  source: { file: 'x.yaml', line: 1 },
});
const scored = (id: string, conf: number, covQ = conf, kind: FaqNode['kind'] = 'answer'): ScoredNode => ({
  node: kind === 'smalltalk' ? node(id, kind, 'out_of_scope') : node(id, kind),
  conf,
  covQ,
  covD: conf,
});
const decide = (ranked: ScoredNode[]) => decideMatch(ranked, DEFAULT_KNOBS, () => [node('child')]);

describe('decideMatch', () => {
  it('when the best answer is confident and a runner-up is close, then it is answered and the runner-up rides along', () => {
    expect(decide([scored('a', 0.8), scored('b', 0.78), scored('c', 0.5)])).toEqual({
      kind: 'answer',
      id: 'a',
      score: 0.8,
      candidates: [
        { id: 'a', score: 0.8 },
        { id: 'b', score: 0.78 },
        { id: 'c', score: 0.5 },
      ],
      alternatives: [{ id: 'b', score: 0.78 }],
    });
  });

  it('when the best answer leads clearly, then no alternatives', () => {
    expect(decide([scored('a', 0.9), scored('b', 0.6)])).toMatchObject({ kind: 'answer', id: 'a', alternatives: [] });
  });

  it('when a long question contains a whole FAQ question but explains less than half of itself, then it is still answered', () => {
    expect(decide([{ node: node('a'), conf: 0.6, covQ: 0.43, covD: 1 }])).toMatchObject({ kind: 'answer', id: 'a' });
  });

  it('when too little of the question is explained, then suggestions, not an answer', () => {
    expect(decide([{ node: node('a'), conf: 0.6, covQ: 0.35, covD: 1 }])).toMatchObject({ kind: 'suggestions' });
  });

  it('when an out-of-scope small-talk node is close behind a confident answer, then the question is declined', () => {
    expect(decide([scored('a', 0.74), scored('ngoai-pham-vi', 0.7, 0.7, 'smalltalk')])).toEqual({
      kind: 'smalltalk',
      id: 'ngoai-pham-vi',
      intent: 'out_of_scope',
      score: 0.7,
    });
  });

  it('when the out-of-scope node is best but without a clear lead, then the question is still declined', () => {
    expect(decide([scored('ngoai-pham-vi', 0.7, 0.7, 'smalltalk'), scored('a', 0.68)])).toMatchObject({
      kind: 'smalltalk',
      intent: 'out_of_scope',
    });
  });

  it('when another small-talk node (privacy) is close behind the best answer, then suggestions, not an answer', () => {
    const privacy: ScoredNode = {
      node: node('thong-tin-ca-nhan', 'smalltalk', 'privacy'),
      conf: 0.7,
      covQ: 0.7,
      covD: 0.7,
    };
    const result = decide([scored('a', 0.74), privacy]);
    expect(result.kind).toBe('suggestions');
    expect('candidates' in result && result.candidates.map((c) => c.id)).toEqual(['a']);
  });

  it('when the out-of-scope node is only far behind a confident answer, then the answer stands', () => {
    expect(decide([scored('a', 0.8), scored('ngoai-pham-vi', 0.7, 0.7, 'smalltalk')])).toMatchObject({
      kind: 'answer',
      id: 'a',
    });
  });

  it('when a topic is best but a child answer is close, then suggestions rather than the topic menu', () => {
    expect(decide([scored('topic', 0.8, 0.8, 'topic'), scored('a', 0.78)])).toMatchObject({ kind: 'suggestions' });
  });

  it('when the best is below the fallback threshold, then fallback', () => {
    expect(decide([scored('a', DEFAULT_KNOBS.fallbackBelow - 0.01)])).toMatchObject({ kind: 'fallback' });
  });
});

describe('decideMatch on long messages', () => {
  const story = (conf: number, covQ: number, covD: number, id = 'a', kind: FaqNode['kind'] = 'answer'): ScoredNode => ({
    node: kind === 'smalltalk' ? node(id, kind, 'out_of_scope') : node(id, kind),
    conf,
    covQ,
    covD,
  });
  /** an answer in another menu than `story`'s (whose parent is 'topic') */
  const elsewhere = (conf: number, covQ: number, covD: number, id: string): ScoredNode => ({
    ...story(conf, covQ, covD, id),
    node: { ...node(id), parent: 'other-topic' },
  });
  const decideLong = (ranked: ScoredNode[], terms: number) => decideMatch(ranked, DEFAULT_KNOBS, () => [], terms);

  it('when a long story contains a whole FAQ question and that answer leads clearly, then it is answered despite a low covQ', () => {
    expect(decideLong([story(0.42, 0.2, 0.9), story(0.3, 0.2, 0.5, 'b')], 20)).toMatchObject({
      kind: 'answer',
      id: 'a',
    });
  });

  it('when the same evidence comes from a short message, then the usual bars apply', () => {
    expect(decideLong([story(0.42, 0.2, 0.9), story(0.3, 0.2, 0.5, 'b')], 6).kind).toBe('fallback');
  });

  it('when the runner-up is close, the covered share is low or the runner-up is small talk nearby, then a long story is not answered', () => {
    expect(decideLong([story(0.42, 0.2, 0.9), elsewhere(0.36, 0.2, 0.9, 'b')], 20).kind).not.toBe('answer');
    expect(
      decideLong([story(0.42, 0.2, 0.9), story(0.4, 0.2, 0.9, 'b'), elsewhere(0.36, 0.2, 0.9, 'c')], 20).kind,
    ).not.toBe('answer');
    expect(decideLong([story(0.42, 0.25, 0.6), story(0.3, 0.2, 0.5, 'b')], 20).kind).not.toBe('answer');
    expect(decideLong([story(0.42, 0.2, 0.9), story(0.38, 0.3, 0.6, 'oos', 'smalltalk')], 20).kind).not.toBe('answer');
  });

  it('when only a sibling answer of the same menu is close, then the story is answered and the sibling rides along', () => {
    expect(
      decideLong([story(0.42, 0.2, 0.9), story(0.38, 0.2, 0.9, 'b'), elsewhere(0.3, 0.2, 0.5, 'c')], 20),
    ).toMatchObject({ kind: 'answer', id: 'a', alternatives: [{ id: 'b', score: 0.38 }] });
  });
});
