import type { FaqNode } from '../../../faq/faq-types.js';

/**
 * A ready-to-paste YAML fragment that adds residents' phrasings to a node's `questions:` list
 * (docs/content-format.md). Items are JSON-quoted, which YAML reads as double-quoted scalars, so any
 * text is safe. Indented for a top-level topic (2 spaces) or a node under `nodes:` (6 spaces).
 */
export function faqSnippet(node: FaqNode, texts: readonly string[]): string {
  const indent = node.kind === 'topic' && node.parent === null ? '  ' : '      ';
  const unique = [...new Set(texts.map((x) => x.replace(/\s+/g, ' ').trim()).filter(Boolean))];
  return unique.map((x) => `${indent}- ${JSON.stringify(x)}`).join('\n');
}
