import { describe, expect, it } from 'vitest';
import { faqSnippet } from '../../../src/admin/console/questions/faq-snippet.js';
import type { FaqNode } from '../../../src/faq/faq-types.js';

function node(kind: FaqNode['kind'], parent: string | null): FaqNode {
  return {
    id: 'n',
    kind,
    parent,
    order: 1,
    title: 'T',
    questions: [],
    keywords: [],
    versions: [],
    followUps: [],
    triggers: [],
    unless: [],
    facts: [],
    source: { file: '/c/faq/01.yaml', line: 9 },
  };
}

describe('faqSnippet', () => {
  it('when phrasings are added to a node under nodes:, then each is a quoted list item indented for questions:', () => {
    expect(faqSnippet(node('answer', 'topic'), ['ho ngheo  vay von?', 'Nói "to" đi', 'ho ngheo vay von?'])).toBe(
      '      - "ho ngheo vay von?"\n      - "Nói \\"to\\" đi"',
    );
  });

  it('when the node is a top-level topic, then items are indented for the file’s own questions:', () => {
    expect(faqSnippet(node('topic', null), ['bảo hiểm'])).toBe('  - "bảo hiểm"');
  });
});
