import type { SparseVector } from './feature-space.js';

/**
 * A query vector spread over a dense array indexed by feature id, so its dot product with many
 * sparse vectors costs one array read per feature instead of a map lookup. One per index, reused:
 * `load` a query, take `dot`s, `clear` before the next query.
 */
export interface DenseQuery {
  load(x: SparseVector): void;
  dot(v: SparseVector): number;
  clear(): void;
}

export function createDenseQuery(size: number): DenseQuery {
  const dense = new Float64Array(size);
  let loaded: SparseVector | undefined;
  return {
    load(x) {
      for (let i = 0; i < x.ids.length; i++) dense[x.ids[i]!] = x.values[i]!;
      loaded = x;
    },
    dot(v) {
      let sum = 0;
      for (let i = 0; i < v.ids.length; i++) sum += v.values[i]! * dense[v.ids[i]!]!;
      return sum;
    },
    clear() {
      if (loaded) for (const id of loaded.ids) dense[id] = 0;
      loaded = undefined;
    },
  };
}
