/**
 * A bounded map that forgets the least recently used entry first. A `Map` keeps insertion order, so a
 * hit is moved to the end (delete and set again) and the first key is the oldest. O(1) per call.
 */
export interface LruCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  clear(): void;
  readonly size: number;
  /** lookups answered from the cache and lookups that were not, since creation or `clear` */
  stats(): { hits: number; misses: number };
}

export function createLruCache<K, V>(maxEntries: number): LruCache<K, V> {
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
  const entries = new Map<K, V>();
  let hits = 0;
  let misses = 0;
  return {
    get(key) {
      const value = entries.get(key);
      if (value === undefined) {
        misses += 1;
        return undefined;
      }
      hits += 1;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as K);
    },
    clear() {
      entries.clear();
      hits = 0;
      misses = 0;
    },
    get size() {
      return entries.size;
    },
    stats: () => ({ hits, misses }),
  };
}
