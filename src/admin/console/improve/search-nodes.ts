import { foldText } from '../../../bot/dialog/fold-text.js';
import type { FaqNode, FaqSnapshot } from '../../../faq/faq-types.js';

/** A node found by the console's search, with the title of the top-level topic it sits under. */
export interface NodeHit {
  node: FaqNode;
  topic: string | null;
}

/** The title of the top-level topic above `node` (its own title for a top-level topic; null for small talk). */
export function topicTitleOf(snapshot: FaqSnapshot, node: FaqNode): string | null {
  if (node.kind === 'smalltalk') return null;
  let top = node;
  for (let hops = 0; top.parent && hops < 20; hops++) top = snapshot.node(top.parent) ?? top;
  return top.title;
}

/**
 * Nodes whose title holds every word of `query` (case and diacritics ignored: "bhyt ho ngheo" finds
 * "Thẻ BHYT cho người thuộc hộ nghèo"), titles that start with the query first, then file order.
 * An empty query finds nothing.
 */
export function searchNodes(snapshot: FaqSnapshot, query: string, limit = 20): NodeHit[] {
  const words = foldText(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const hits = snapshot
    .nodes()
    .map((node, index) => ({ node, index, title: ` ${foldText(node.title)} ` }))
    .filter((x) => words.every((w) => x.title.includes(` ${w}`)));
  const first = ` ${words.join(' ')}`;
  hits.sort((a, b) => Number(b.title.startsWith(first)) - Number(a.title.startsWith(first)) || a.index - b.index);
  return hits.slice(0, limit).map(({ node }) => ({ node, topic: topicTitleOf(snapshot, node) }));
}
