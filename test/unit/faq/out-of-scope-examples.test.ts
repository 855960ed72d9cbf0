import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../../src/faq/create-matcher.js';
import type { FaqNode } from '../../../src/faq/faq-types.js';
import { EMPTY_SYNONYMS } from '../../../src/faq/synonym-table.js';

const AT = Date.parse('2026-11-29T12:00:00+07:00');
const node = (id: string, questions: string[], kind: FaqNode['kind'] = 'answer'): FaqNode => ({
  id,
  kind,
  parent: kind === 'answer' ? 'vay-von' : null,
  order: 1,
  title: questions[0]!,
  questions,
  keywords: [],
  versions: [{ text: id, legalBasis: [] }],
  followUps: [],
    triggers: [],
    unless: [],
  facts: [],
  ...(kind === 'smalltalk' ? { intent: 'out_of_scope' as const } : {}),
  source: { file: 'x.yaml', line: 1 },
});
const matcher = createMatcher({
  nodes: [
    node('vay-von-ho-ngheo', ['Hộ nghèo vay vốn được bao nhiêu?', 'mức vay tối đa của hộ nghèo']),
    node('the-bhyt', ['Thẻ bảo hiểm y tế cho hộ nghèo', 'cấp thẻ bảo hiểm y tế miễn phí']),
    node(
      'ngoai-pham-vi',
      ['vay mua nhà ở xã hội', 'hộ nghèo ở tỉnh khác hỏi ở đâu', 'thủ tục làm giấy khai sinh'],
      'smalltalk',
    ),
  ],
  synonyms: EMPTY_SYNONYMS,
  children: () => [],
});

describe('the out-of-scope examples', () => {
  it('when a question takes its words from two unrelated out-of-scope examples, then the FAQ answer still wins', () => {
    expect(matcher.match('hộ nghèo vay', AT)).toMatchObject({ kind: 'answer', id: 'vay-von-ho-ngheo' });
    const oos = matcher.rank('hộ nghèo vay', AT).find((s) => s.node.id === 'ngoai-pham-vi');
    expect(oos?.covQ ?? 0).toBeLessThan(0.6);
  });

  it('when a question uses a word only the out-of-scope examples know, then that word counts as out-of-scope evidence', () => {
    const ranked = matcher.rank('khai sinh cho con hộ nghèo', AT);
    expect(ranked[0]?.node.id).toBe('ngoai-pham-vi');
  });
});
