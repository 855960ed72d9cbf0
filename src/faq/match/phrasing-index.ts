import type { SparseVector } from './feature-space.js';

/**
 * The content's own phrasings, one vector each, grouped by class: how close a message is to the
 * single nearest phrasing of a class (a resident's question is often one phrasing reworded,
 * which a class centroid averages away).
 */
export interface PhrasingIndex {
  /**
   * `nearest(x)(cls)`: the highest similarity of `x` to a phrasing of `cls`; phrasings written
   * from source `except` do not count (so a training example is not its own neighbour).
   */
  nearest(x: SparseVector, except?: number): (cls: number) => number;
}

export function createPhrasingIndex(phrasings: { x: SparseVector; cls: number; source: number }[]): PhrasingIndex {
  const byClass = new Map<number, { x: SparseVector; source: number }[]>();
  for (const { x, cls, source } of phrasings) {
    let list = byClass.get(cls);
    if (!list) byClass.set(cls, (list = []));
    list.push({ x, source });
  }
  return {
    nearest(x, except) {
      const query = new Map<number, number>();
      for (let i = 0; i < x.ids.length; i++) query.set(x.ids[i]!, x.values[i]!);
      const cache = new Map<number, number>();
      return (cls) => {
        let best = cache.get(cls);
        if (best !== undefined) return best;
        best = 0;
        for (const p of byClass.get(cls) ?? []) {
          if (p.source === except) continue;
          let dot = 0;
          for (let i = 0; i < p.x.ids.length; i++) dot += p.x.values[i]! * (query.get(p.x.ids[i]!) ?? 0);
          if (dot > best) best = dot;
        }
        cache.set(cls, best);
        return best;
      };
    },
  };
}
