import type { FaqSnapshot, MatchResult } from '../faq-types.js';
import type { LruCache } from '../../shared/lru-cache.js';
import { dayOf } from '../validity.js';
import { deepFreeze } from '../../shared/deep-freeze.js';


/** Longer texts are matched every time: the repeated messages are short ("hộ nghèo", "cảm ơn"). */
export const MAX_CACHED_TEXT = 200;

/**
 * The snapshot with `match` answered from `cache` for a text seen before. The matcher's verdict depends
 * only on the content, the Vietnam calendar day (validity windows) and the text, so that is the key:
 * (content version, day, the text exactly as given). The store clears the cache on every reload.
 */
export function cacheMatches(snapshot: FaqSnapshot, cache: LruCache<string, MatchResult>): FaqSnapshot {
  const match = snapshot.match;
  return {
    ...snapshot,
    match(text, at) {
      if (text.length > MAX_CACHED_TEXT) return match(text, at);
      const key = `${snapshot.version}\u0000${dayOf(at)}\u0000${text}`;
      const cached = cache.get(key);
      if (cached) return cached;
      const verdict = deepFreeze(match(text, at));
      cache.set(key, verdict);
      return verdict;
    },
  };
}
