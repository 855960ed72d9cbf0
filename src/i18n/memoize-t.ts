import type { TFunction } from 'i18next';
import { deepFreeze } from '../shared/deep-freeze.js';
import { createLruCache } from '../shared/lru-cache.js';

/** distinct (key, options) strings kept; the least recently used goes first (e.g. after many content edits) */
const MAX_ENTRIES = 5_000;

/**
 * A `t` that resolves each (key, interpolation options) once: i18next's lookup, fallback and
 * interpolation run on the first call, later calls read the string from a map. For a fixed-locale
 * `t` over resources that never change at run time (locales are loaded once at start); titles and
 * other content-derived values are part of the cache key, so a new content version simply makes new
 * entries. Calls returning objects (`returnObjects`: word lists asked on every turn) are cached too, deep-frozen,
 * since every caller then shares one value.
 * @example const t = memoizeT(createI18n().getFixedT('vi'));
 */
export function memoizeT(t: TFunction): TFunction {
  const cache = createLruCache<string, unknown>(MAX_ENTRIES);
  const resolve = t as unknown as (...args: unknown[]) => unknown;
  const memoized = (...args: unknown[]): unknown => {
    const [key, options] = args;
    if (args.length > 2 || typeof key !== 'string') return resolve(...args);
    const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
    const hit = cache.get(id);
    if (hit !== undefined) return hit;
    const value = isObjectCall(options) ? deepFreeze(resolve(key, options)) : resolve(key, options);
    cache.set(id, value);
    return value;
  };
  return Object.assign(memoized, t) as unknown as TFunction;
}

function isObjectCall(options: unknown): boolean {
  return (
    typeof options === 'object' && options !== null && 'returnObjects' in options && Boolean(options.returnObjects)
  );
}
