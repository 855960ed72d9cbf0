import { createDenseQuery } from './dense-query.js';
import type { SparseVector } from './feature-space.js';

/**
 * The content's own phrasings, one vector each, grouped by class: how close a message is to the
 * single nearest phrasing of a class (a resident's question is often one phrasing reworded,
 * which a class centroid averages away).
 */
export interface PhrasingIndex {
  /**
   * For each of `classes`, the highest similarity of `x` to a phrasing of that class; phrasings
   * written from source `except` do not count (so a training example is not its own neighbour).
   */
  nearest(x: SparseVector, classes: readonly number[], except?: number): number[];
}

/** `size`: the number of features (ids are below it). */
export function createPhrasingIndex(
  phrasings: { x: SparseVector; cls: number; source: number }[],
  size: number,
): PhrasingIndex {
  const byClass = new Map<number, { x: SparseVector; source: number }[]>();
  for (const { x, cls, source } of phrasings) {
    let list = byClass.get(cls);
    if (!list) byClass.set(cls, (list = []));
    list.push({ x, source });
  }
  const query = createDenseQuery(size);
  const nearestOf = (cls: number, except: number | undefined): number => {
    let best = 0;
    for (const p of byClass.get(cls) ?? []) if (p.source !== except) best = Math.max(best, query.dot(p.x));
    return best;
  };
  return {
    nearest(x, classes, except) {
      query.load(x);
      try {
        return classes.map((cls) => nearestOf(cls, except));
      } finally {
        query.clear();
      }
    },
  };
}
