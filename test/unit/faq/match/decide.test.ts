import { describe, expect, it } from 'vitest';
import type { FaqNode } from '../../../../src/faq/faq-types.js';
import type { Classification } from '../../../../src/faq/match/create-classifier.js';
import { decide } from '../../../../src/faq/match/decide.js';
import { DEFAULT_DECISION_KNOBS } from '../../../../src/faq/match/decision-knobs.js';

const node = (id: string, kind: FaqNode['kind'], intent?: FaqNode['intent']): FaqNode =>
  ({ id, kind, ...(intent && { intent }), facts: [] }) as unknown as FaqNode;
const electricity = node('ho-tro-tien-dien', 'answer');
const outOfScope = node('ngoai-pham-vi', 'smalltalk', 'out_of_scope');

/** A message holding a word pair only the out-of-scope examples use ("giá điện tăng"). */
const unsure = (answerP: number, outP: number): Classification => ({
  ranked: [
    { node: electricity, p: answerP },
    { node: outOfScope, p: outP },
  ].sort((a, b) => b.p - a.p) as Classification['ranked'],
  unknownShare: 0,
  words: ['gia', 'dien', 'tang'],
  anyKnown: true,
  outOfScopePairs: 1,
  explain: () => [],
});

describe('decide: a message with another service’s word pair', () => {
  it('when the out-of-scope class leads, then the message is declined', () => {
    expect(decide(unsure(0.2, 0.3), DEFAULT_DECISION_KNOBS)).toMatchObject({
      kind: 'smalltalk',
      intent: 'out_of_scope',
    });
  });

  it('when an answer leads the out-of-scope class, then its candidates are offered, neither declined nor guessed', () => {
    expect(decide(unsure(0.26, 0.19), DEFAULT_DECISION_KNOBS)).toEqual({
      kind: 'suggestions',
      score: 0.26,
      candidates: [{ id: 'ho-tro-tien-dien', score: 0.26 }],
    });
  });
});
