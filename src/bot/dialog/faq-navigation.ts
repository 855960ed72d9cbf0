import type { FaqNode, FaqSnapshot } from '../../faq/faq-types.js';

/**
 * Navigation over one content snapshot: pure functions, no state. A node is *available* on a
 * date when its menu lists it then (topic or answer) and, for answers and small talk, an answer
 * version is valid then. Ids that vanished in a reload are simply unavailable.
 */
export function availableNode(snapshot: FaqSnapshot, id: string, now: number): FaqNode | undefined {
  if (id.startsWith(DETAILS_PREFIX)) {
    const base = availableNode(snapshot, id.slice(DETAILS_PREFIX.length), now);
    return base && snapshot.answerAt(base, now)?.details ? detailsOption(base, base.title) : undefined;
  }
  const node = snapshot.node(id);
  if (!node) return undefined;
  if (node.kind !== 'topic' && !snapshot.answerAt(node, now)) return undefined;
  if (node.kind === 'smalltalk') return node;
  return snapshot.children(node.parent, now).some((c) => c.id === id) ? node : undefined;
}

/** Option ids of "Xem chi tiết" (the longer text of an answer) start with this. */
export const DETAILS_PREFIX = 'chi-tiet:';

/** The "Xem chi tiết" option of an answer, listed like a node with its own title. */
export function detailsOption(node: FaqNode, title: string): FaqNode {
  return { ...node, id: `${DETAILS_PREFIX}${node.id}`, title };
}

/** The answer whose details option this is, if it is one. */
export function detailsOf(node: FaqNode): string | undefined {
  return node.id.startsWith(DETAILS_PREFIX) ? node.id.slice(DETAILS_PREFIX.length) : undefined;
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
