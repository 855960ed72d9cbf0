import type { FaqNode } from '../faq-types.js';
import { isNodeAvailable } from '../validity.js';

export interface Navigation {
  node(id: string): FaqNode | undefined;
  /** menu children of a topic (root when null) available on `at`, by `order` then id; never small talk */
  children(id: string | null, at: number): FaqNode[];
}

/** Indexes nodes by id and by parent for menu navigation. */
export function createNavigation(nodes: readonly FaqNode[]): Navigation {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const byParent = new Map<string | null, FaqNode[]>();
  for (const n of nodes) {
    if (n.kind === 'smalltalk') continue;
    const list = byParent.get(n.parent) ?? [];
    list.push(n);
    byParent.set(n.parent, list);
  }
  for (const list of byParent.values()) {
    list.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return {
    node: (id) => byId.get(id),
    children: (id, at) => (byParent.get(id) ?? []).filter((n) => isNodeAvailable(n, at)),
  };
}
