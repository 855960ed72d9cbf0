import type { Clock } from '../shared/clock.js';

const MINUTE_MS = 60_000;

/** Paces OpenAPI calls so the app stays under Zalo's per-minute counter. */
export interface RateLimiter {
  /** Resolves when one more call may be made in the current minute window (waits otherwise). */
  acquire(): Promise<void>;
  /** Learns from a response's `X-RateLimit-Limit` / `X-RateLimit-Remain` headers. */
  observe(headers: Record<string, unknown>): void;
  /** Zalo said `-32` (over the limit): nothing more is sent until the next minute window. */
  blockUntilNextWindow(): void;
  /** The ceiling in force: min(configured, last `X-RateLimit-Limit` seen). */
  ceiling(): number;
}

export interface RateLimiterDeps {
  /** Configured ceiling; `Infinity` disables pacing (benches). `-32` still pauses until the next window. */
  limitPerMinute: number;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
}

/**
 * A token bucket refilled at each wall-clock minute, like Zalo's counters ("reset each minute").
 * The bucket holds min(configured limit, `X-RateLimit-Limit`) tokens; when Zalo reports fewer
 * remaining than we think, its figure wins; `X-RateLimit-Remain: 0` or a `-32` empties the bucket
 * until the next window. Concurrent callers re-check after every wait, so none overshoots.
 */
export function createRateLimiter({ limitPerMinute, clock, sleep }: RateLimiterDeps): RateLimiter {
  let headerLimit = Infinity;
  let window = windowOf(clock.now());
  let used = 0;
  let blockedUntil = 0;

  const ceiling = (): number => Math.min(limitPerMinute, headerLimit);

  function roll(now: number): void {
    const current = windowOf(now);
    if (current !== window) {
      window = current;
      used = 0;
    }
  }

  return {
    ceiling,
    async acquire() {
      for (;;) {
        const now = clock.now();
        roll(now);
        if (blockedUntil > now) {
          await sleep(blockedUntil - now);
          continue;
        }
        if (used < ceiling()) {
          used += 1;
          return;
        }
        await sleep(nextWindowStart(now) - now);
      }
    },
    observe(headers) {
      if (limitPerMinute === Infinity) return;
      const limit = headerNumber(headers['x-ratelimit-limit']);
      const remain = headerNumber(headers['x-ratelimit-remain']);
      roll(clock.now());
      if (limit !== undefined && limit > 0) headerLimit = limit;
      if (remain === undefined) return;
      if (remain <= 0) blockedUntil = nextWindowStart(clock.now());
      else if (limit !== undefined) used = Math.max(used, limit - remain);
    },
    blockUntilNextWindow() {
      blockedUntil = nextWindowStart(clock.now());
    },
  };
}

function windowOf(ms: number): number {
  return Math.floor(ms / MINUTE_MS);
}

function nextWindowStart(ms: number): number {
  return (windowOf(ms) + 1) * MINUTE_MS;
}

function headerNumber(value: unknown): number | undefined {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return value === undefined || value === null || value === '' || !Number.isFinite(n) ? undefined : n;
}
