import type { Clock } from '../../shared/clock.js';

export interface LoginLimits {
  /** failed attempts allowed per account name within `windowMs` */
  perAccount: number;
  /** failed attempts allowed per client IP within `windowMs` */
  perIp: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAccount: 5, perIp: 20, windowMs: 15 * 60_000 };

/** above this many tracked keys, stale ones are swept (bounds memory under a spray of names) */
const MAX_KEYS = 10_000;

export type LoginRateLimiter = ReturnType<typeof createLoginRateLimiter>;

/**
 * Counts failed sign-ins per account name (case-insensitive) and per IP over a sliding window.
 * When either count reaches its limit, further attempts are refused until the oldest failure ages out
 * — checked BEFORE the password, so a locked account cannot be probed. A success clears the account's
 * failures (not the IP's). In memory: a restart forgives, which is acceptable for one process.
 */
export function createLoginRateLimiter({
  clock,
  limits = DEFAULT_LOGIN_LIMITS,
}: {
  clock: Clock;
  limits?: LoginLimits;
}) {
  const failures = new Map<string, number[]>();

  function recent(key: string): number[] {
    const cutoff = clock.now() - limits.windowMs;
    const kept = (failures.get(key) ?? []).filter((t) => t > cutoff);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  }

  const accountKey = (name: string) => `a:${name.toLowerCase()}`;
  const ipKey = (ip: string) => `i:${ip}`;

  return {
    /** Milliseconds until an attempt is allowed again; 0 when it is allowed now. */
    retryAfterMs(name: string, ip: string): number {
      const now = clock.now();
      let wait = 0;
      for (const [key, limit] of [
        [accountKey(name), limits.perAccount],
        [ipKey(ip), limits.perIp],
      ] as const) {
        const times = recent(key);
        if (times.length >= limit) wait = Math.max(wait, times[times.length - limit]! + limits.windowMs - now);
      }
      return wait;
    },
    recordFailure(name: string, ip: string): void {
      const now = clock.now();
      if (failures.size > MAX_KEYS) for (const key of [...failures.keys()]) recent(key);
      for (const key of [accountKey(name), ipKey(ip)]) failures.set(key, [...recent(key), now]);
    },
    recordSuccess(name: string): void {
      failures.delete(accountKey(name));
    },
  };
}
