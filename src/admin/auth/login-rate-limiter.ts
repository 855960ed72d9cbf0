import { isIPv6 } from 'node:net';
import type { Clock } from '../../shared/clock.js';

export interface LoginLimits {
  /** attempts allowed per account name from one client address within `windowMs` */
  perAccount: number;
  /** attempts allowed per account name from all addresses together (bounds a distributed guesser) */
  perAccountAnyAddress: number;
  /** attempts allowed per client address over all names (bounds password spraying) */
  perIp: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perAccount: 5,
  perAccountAnyAddress: 20,
  perIp: 30,
  windowMs: 15 * 60_000,
};

/** above this many tracked keys, stale ones are swept (bounds memory under a spray of names) */
const MAX_KEYS = 10_000;

/** An attempt that was let through and already counted; settle it once the password is checked. */
export interface LoginAttempt {
  /** the password was right: the attempt no longer counts, nor do earlier failures from this address */
  succeeded(): void;
  /** the password was wrong: the attempt keeps counting (it was counted when it began) */
  failed(): void;
}

export type LoginAdmission = { allowed: true; attempt: LoginAttempt } | { allowed: false; retryAfterMs: number };

export type LoginRateLimiter = ReturnType<typeof createLoginRateLimiter>;

/**
 * The key for a client address: IPv4-mapped IPv6 is read as IPv4, and an IPv6 address counts as
 * its /64 (one subscriber usually holds a whole /64, so single addresses would be free to rotate).
 */
export function addressKey(ip: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (v4) return v4;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Counts sign-in attempts over a sliding window under three keys: the account name from one address
 * (the tight limit), the account name from anywhere, and the address over all names. An attempt is
 * counted when it BEGINS, before the password is checked, so parallel requests cannot all slip
 * through while the first hashes run; a refused attempt is not counted (it checked nothing).
 * A success takes its own attempt back and forgives that address's failures for the account; the
 * account-wide and address-wide counts age out on their own. In memory: a restart forgives, which is
 * acceptable for one process. Names compare case-insensitively. See docs/console.md for the trade-off.
 */
export function createLoginRateLimiter({
  clock,
  limits = DEFAULT_LOGIN_LIMITS,
}: {
  clock: Clock;
  limits?: LoginLimits;
}) {
  const attempts = new Map<string, number[]>();

  function recent(key: string): number[] {
    const cutoff = clock.now() - limits.windowMs;
    const kept = (attempts.get(key) ?? []).filter((t) => t > cutoff);
    if (kept.length === 0) attempts.delete(key);
    else attempts.set(key, kept);
    return kept;
  }

  function keysOf(name: string, ip: string): [string, number][] {
    const account = name.normalize('NFC').toLowerCase();
    const address = addressKey(ip);
    return [
      [`p:${address}\u0000${account}`, limits.perAccount],
      [`a:${account}`, limits.perAccountAnyAddress],
      [`i:${address}`, limits.perIp],
    ];
  }

  function forget(key: string, at: number): void {
    const times = attempts.get(key);
    const index = times?.lastIndexOf(at) ?? -1;
    if (index >= 0) times!.splice(index, 1);
    if (times?.length === 0) attempts.delete(key);
  }

  return {
    /**
     * Lets an attempt through and counts it at once, or refuses it with the milliseconds until one
     * is allowed again. Synchronous on purpose: check and count cannot interleave with another request.
     */
    begin(name: string, ip: string): LoginAdmission {
      const now = clock.now();
      const keys = keysOf(name, ip);
      let wait = 0;
      for (const [key, limit] of keys) {
        const times = recent(key);
        if (times.length >= limit) wait = Math.max(wait, times[times.length - limit]! + limits.windowMs - now);
      }
      if (wait > 0) return { allowed: false, retryAfterMs: wait };
      if (attempts.size > MAX_KEYS) for (const key of [...attempts.keys()]) recent(key);
      for (const [key] of keys) attempts.set(key, [...recent(key), now]);
      let settled = false;
      return {
        allowed: true,
        attempt: {
          succeeded() {
            if (settled) return;
            settled = true;
            attempts.delete(keys[0]![0]);
            for (const [key] of keys.slice(1)) forget(key, now);
          },
          failed() {
            settled = true;
          },
        },
      };
    },
  };
}
