import type { FaqNode, FaqSnapshot } from '../../faq/faq-types.js';

/**
 * Navigation over one content snapshot: pure functions, no state. A node is *available* on a
 * date when its menu lists it then (topic or answer) and, for answers and small talk, an answer
 * version is valid then. Ids that vanished in a reload are simply unavailable.
 */
export function availableNode(snapshot: FaqSnapshot, id: string, now: number): FaqNode | undefined {
  const node = snapshot.node(id);
  if (!node) return undefined;
  if (node.kind !== 'topic' && !snapshot.answerAt(node, now)) return undefined;
  if (node.kind === 'smalltalk') return node;
  return snapshot.children(node.parent, now).some((c) => c.id === id) ? node : undefined;
}

/** The available nodes among `ids`, in the given order. */
export function availableNodes(snapshot: FaqSnapshot, ids: readonly string[], now: number): FaqNode[] {
  return ids.flatMap((id) => availableNode(snapshot, id, now) ?? []);
}

/** Ids of the topics from the main menu down to the node's parent (empty for a top-level node). */
export function breadcrumbOf(snapshot: FaqSnapshot, node: FaqNode): string[] {
  const path: string[] = [];
  let parent = node.parent;
  // the checker rejects parent cycles; the bound only guards against a broken snapshot
  while (parent !== null && path.length < 32) {
    path.unshift(parent);
    parent = snapshot.node(parent)?.parent ?? null;
  }
  return path;
}
