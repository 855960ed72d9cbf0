/** A sparse vector over feature ids, L2-normalised. */
export interface SparseVector {
  ids: number[];
  values: number[];
}

/**
 * The features the content uses, each with an id and an inverse class frequency (a feature every
 * class uses says little). Features the content never uses are left out of vectors.
 */
export interface FeatureSpace {
  size: number;
  idOf(key: string): number | undefined;
  keyOf(id: number): string;
  /**
   * TF-IDF weights, L2-normalised. A word (`w:`) the content never uses has no id, but it still
   * weighs in the norm as the rarest word would: "giá vàng hôm nay" is not "giảm" with three
   * words to spare.
   */
  vectorize(raw: Map<string, number>): SparseVector;
}

/** `classKeys[c]`: the feature keys of class c's texts. */
export function createFeatureSpace(classKeys: Iterable<string>[]): FeatureSpace {
  const ids = new Map<string, number>();
  const keys: string[] = [];
  const classFrequency: number[] = [];
  let classes = 0;
  for (const set of classKeys) {
    classes++;
    for (const key of new Set(set)) {
      let id = ids.get(key);
      if (id === undefined) {
        id = keys.length;
        ids.set(key, id);
        keys.push(key);
        classFrequency.push(0);
      }
      classFrequency[id]!++;
    }
  }
  const idf = classFrequency.map((df) => 1 + Math.log(Math.max(1, classes) / df));
  const unknownIdf = 1 + Math.log(Math.max(1, classes));
  return {
    size: keys.length,
    idOf: (key) => ids.get(key),
    keyOf: (id) => keys[id]!,
    vectorize(raw) {
      const out: SparseVector = { ids: [], values: [] };
      let norm = 0;
      for (const [key, weight] of raw) {
        const id = ids.get(key);
        if (weight <= 0) continue;
        if (id === undefined) {
          if (key.startsWith('w:')) norm += (weight * unknownIdf) ** 2;
          continue;
        }
        const value = weight * idf[id]!;
        out.ids.push(id);
        out.values.push(value);
        norm += value * value;
      }
      const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let i = 0; i < out.values.length; i++) out.values[i]! *= scale;
      return out;
    },
  };
}
