import type { Clock } from '../shared/clock.js';

const MINUTE_MS = 60_000;

/** A minute window: epoch milliseconds / 60 000, floored. Zalo counts each call in one such window. */
export type MinuteWindow = number;

/** Paces OpenAPI calls so the app stays under Zalo's per-minute counter. */
export interface RateLimiter {
  /**
   * Resolves when one more call may be made in the current minute window (waits otherwise), with
   * that window: the caller sends right away and hands it back to `observe` / `blockUntilNextWindow`.
   */
  acquire(): Promise<MinuteWindow>;
  /**
   * Learns from the `X-RateLimit-Limit` / `X-RateLimit-Remain` headers of a call sent in `sentIn`.
   * The figures describe that window's counter, so `Remain: 0` blocks only until `sentIn` ends: an
   * answer arriving after the minute turned over neither blocks nor uses up the new window.
   */
  observe(headers: Record<string, unknown>, sentIn: MinuteWindow): void;
  /**
   * Zalo said `-32` (over the limit) to a call sent in `sentIn`: nothing more is sent until the window
   * after it begins (nothing changes when it already has).
   */
  blockUntilNextWindow(sentIn: MinuteWindow): void;
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
 * until the end of the window the call was sent in (never a later one). Concurrent callers re-check
 * after every wait, so none overshoots.
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

  function blockUntilEndOf(sentIn: MinuteWindow): void {
    blockedUntil = Math.max(blockedUntil, (sentIn + 1) * MINUTE_MS);
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
          return window;
        }
        await sleep((window + 1) * MINUTE_MS - now);
      }
    },
    observe(headers, sentIn) {
      if (limitPerMinute === Infinity) return;
      const limit = headerNumber(headers['x-ratelimit-limit']);
      const remain = headerNumber(headers['x-ratelimit-remain']);
      roll(clock.now());
      if (limit !== undefined && limit > 0) headerLimit = limit;
      if (remain === undefined) return;
      if (remain <= 0) blockUntilEndOf(sentIn);
      else if (limit !== undefined && sentIn === window) used = Math.max(used, limit - remain);
    },
    blockUntilNextWindow: blockUntilEndOf,
  };
}

function windowOf(ms: number): MinuteWindow {
  return Math.floor(ms / MINUTE_MS);
}

function headerNumber(value: unknown): number | undefined {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return value === undefined || value === null || value === '' || !Number.isFinite(n) ? undefined : n;
}
