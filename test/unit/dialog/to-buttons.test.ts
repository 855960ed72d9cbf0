import { describe, expect, it } from 'vitest';
import { toButtons } from '../../../src/bot/dialog/to-buttons.js';
import type { FaqNode } from '../../../src/faq/faq-types.js';

function node(id: string, title: string): FaqNode {
  return {
    id,
    kind: 'answer',
    parent: null,
    order: 1,
    title,
    questions: [],
    keywords: [],
    versions: [],
    followUps: [],
    triggers: [],
    unless: [],
    facts: [],
    source: { file: 'faq/x.yaml', line: 1 },
  };
}

describe('toButtons', () => {
  it('when a menu has more than 5 options, then only the first 5 get a numbered button', () => {
    const buttons = toButtons(Array.from({ length: 7 }, (_, i) => node(`n-${i + 1}`, `Mục ${i + 1}`)));
    expect(buttons.map((b) => b.title)).toEqual(['1. Mục 1', '2. Mục 2', '3. Mục 3', '4. Mục 4', '5. Mục 5']);
    expect(buttons.map((b) => b.payload)).toEqual(['#faq:n-1', '#faq:n-2', '#faq:n-3', '#faq:n-4', '#faq:n-5']);
    expect(new Set(buttons.map((b) => b.type))).toEqual(new Set(['oa.query.show']));
  });

  it('when a title with its number is longer than 100 characters, then it is cut to 100 with an ellipsis', () => {
    const [button] = toButtons([node('dai', 'Đ'.repeat(100))]);
    expect(button!.title).toHaveLength(100);
    expect(button!.title).toBe(`1. ${'Đ'.repeat(96)}…`);
  });
});
