import { createDenseQuery } from './dense-query.js';
import type { SparseVector } from './feature-space.js';

/**
 * Each class as the normalised sum of its example vectors, searchable by feature (an inverted
 * index): the retrieval step that proposes the candidates the model then weighs.
 */
export interface CentroidIndex {
  /**
   * The `k` classes most similar to the sum of `xs` (dot products with the centroids, over the
   * features that select), most similar first (ties: lower class first), then those of `also` not
   * among them, in their order, with their similarity too.
   */
  nearestClasses(xs: readonly SparseVector[], k: number, also?: readonly number[]): { cls: number; sim: number }[];
  /** weight of feature `id` in class `cls`'s centroid */
  weight(cls: number, id: number): number;
  /** dot product of `x` with each of `classes`' centroids */
  dots(x: SparseVector, classes: readonly number[]): number[];
}

/** Features shared by more classes than this are skipped in retrieval (they select nothing). */
const MAX_POSTINGS = 150;

/** `size`: the number of features (ids are below it). */
export function createCentroidIndex(
  examples: { x: SparseVector; cls: number; weight: number }[],
  size: number,
): CentroidIndex {
  const sums = new Map<number, Map<number, number>>();
  for (const { x, cls, weight } of examples) {
    let sum = sums.get(cls);
    if (!sum) sums.set(cls, (sum = new Map()));
    for (let i = 0; i < x.ids.length; i++) sum.set(x.ids[i]!, (sum.get(x.ids[i]!) ?? 0) + weight * x.values[i]!);
  }
  const postings = new Map<number, { cls: number; w: number }[]>();
  const centroids = new Map<number, SparseVector>();
  for (const [cls, sum] of sums) {
    let norm = 0;
    for (const v of sum.values()) norm += v * v;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const centroid: SparseVector = { ids: [], values: [] };
    for (const [id, v] of sum) {
      const w = v * scale;
      centroid.ids.push(id);
      centroid.values.push(w);
      let list = postings.get(id);
      if (!list) postings.set(id, (list = []));
      list.push({ cls, w });
    }
    centroids.set(cls, centroid);
  }
  const classes = Math.max(0, ...sums.keys()) + 1;
  const acc = new Float64Array(classes);
  const query = createDenseQuery(size);
  const nearestClasses = (
    xs: readonly SparseVector[],
    k: number,
    also: readonly number[] = [],
  ): { cls: number; sim: number }[] => {
    const touched: number[] = [];
    for (const x of xs) {
      for (let i = 0; i < x.ids.length; i++) {
        const list = postings.get(x.ids[i]!);
        if (!list || list.length > MAX_POSTINGS) continue;
        const v = x.values[i]!;
        for (const { cls, w } of list) {
          if (acc[cls] === 0) touched.push(cls);
          acc[cls]! += v * w;
        }
      }
    }
    const top = topOf(touched, acc, k);
    for (const cls of also) if (!top.includes(cls)) top.push(cls);
    const found = top.map((cls) => ({ cls, sim: acc[cls] ?? 0 }));
    for (const cls of touched) acc[cls] = 0;
    return found;
  };
  return {
    nearestClasses,
    weight(cls, id) {
      const centroid = centroids.get(cls);
      const i = centroid ? centroid.ids.indexOf(id) : -1;
      return i < 0 ? 0 : centroid!.values[i]!;
    },
    dots(x, classes) {
      query.load(x);
      try {
        return classes.map((cls) => {
          const centroid = centroids.get(cls);
          return centroid ? query.dot(centroid) : 0;
        });
      } finally {
        query.clear();
      }
    },
  };
}

/** The `k` of `classes` with the highest `score`, highest first (ties: lower class first), without sorting them all. */
function topOf(classes: readonly number[], score: Float64Array, k: number): number[] {
  const top: number[] = [];
  const before = (a: number, b: number): boolean => score[a]! > score[b]! || (score[a] === score[b] && a < b);
  for (const cls of classes) {
    if (top.length === k && !before(cls, top[k - 1]!)) continue;
    if (top.length === k) top.pop();
    let i = top.length;
    while (i > 0 && before(cls, top[i - 1]!)) i--;
    top.splice(i, 0, cls);
  }
  return top;
}
