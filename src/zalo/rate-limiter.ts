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
  /**
   * The counter's memory (`createRateLimitState`): limiters over the same state share one budget,
   * across clients and across threads (the bot worker's clients and the main thread's). A fresh one
   * by default.
   */
  state?: RateLimitState;
}

/** The shared counter: a `SharedArrayBuffer`, so it can be handed to a worker thread as it is. */
export type RateLimitState = SharedArrayBuffer;

// slots of the Int32 view: a spin lock, the current window, calls used in it, the first window calls
// may be sent in again (0: none blocked), the last `X-RateLimit-Limit` seen (0: none)
const LOCK = 0;
const WINDOW = 1;
const USED = 2;
const OPEN_FROM = 3;
const HEADER_LIMIT = 4;
const SLOTS = 5;

/** @example const state = createRateLimitState(); // pass it to every client of the process and to the worker */
export function createRateLimitState(): RateLimitState {
  return new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT);
}

/**
 * A token bucket refilled at each wall-clock minute, like Zalo's counters ("reset each minute").
 * The bucket holds min(configured limit, `X-RateLimit-Limit`) tokens; when Zalo reports fewer
 * remaining than we think, its figure wins; `X-RateLimit-Remain: 0` or a `-32` empties the bucket
 * until the end of the window the call was sent in (never a later one). Concurrent callers re-check
 * after every wait, so none overshoots. The counter lives in `state`, updated under a lock, so every
 * limiter over one state (both OpenAPI clients, the worker's too) draws on one budget.
 */
export function createRateLimiter({ limitPerMinute, clock, sleep, state }: RateLimiterDeps): RateLimiter {
  const slots = new Int32Array(state ?? createRateLimitState());

  const ceiling = (): number => Math.min(limitPerMinute, Atomics.load(slots, HEADER_LIMIT) || Infinity);

  /** Runs `fn` holding the state's lock (a few loads and stores: the spin is short). */
  function locked<T>(fn: () => T): T {
    while (Atomics.compareExchange(slots, LOCK, 0, 1) !== 0);
    try {
      return fn();
    } finally {
      Atomics.store(slots, LOCK, 0);
    }
  }

  /** Moves the counter to `now`'s window (under the lock); returns that window. */
  function roll(now: number): MinuteWindow {
    const current = windowOf(now);
    if (slots[WINDOW] !== current) {
      slots[WINDOW] = current;
      slots[USED] = 0;
    }
    return current;
  }

  function blockUntilEndOf(sentIn: MinuteWindow): void {
    locked(() => {
      slots[OPEN_FROM] = Math.max(slots[OPEN_FROM]!, sentIn + 1);
    });
  }

  /** One attempt: the window granted, or how long to wait before trying again. */
  function tryAcquire(now: number): { window: MinuteWindow } | { waitMs: number } {
    return locked(() => {
      const window = roll(now);
      const openAt = slots[OPEN_FROM]! * MINUTE_MS;
      if (openAt > now) return { waitMs: openAt - now };
      if (slots[USED]! < ceiling()) {
        slots[USED] = slots[USED]! + 1;
        return { window };
      }
      return { waitMs: (window + 1) * MINUTE_MS - now };
    });
  }

  return {
    ceiling,
    async acquire() {
      for (;;) {
        const attempt = tryAcquire(clock.now());
        if ('window' in attempt) return attempt.window;
        await sleep(attempt.waitMs);
      }
    },
    observe(headers, sentIn) {
      if (limitPerMinute === Infinity) return;
      const limit = headerNumber(headers['x-ratelimit-limit']);
      const remain = headerNumber(headers['x-ratelimit-remain']);
      if (remain !== undefined && remain <= 0) blockUntilEndOf(sentIn);
      locked(() => {
        const window = roll(clock.now());
        if (limit !== undefined && limit > 0) slots[HEADER_LIMIT] = Math.min(limit, 2 ** 31 - 1);
        if (remain === undefined || remain <= 0) return;
        if (limit !== undefined && sentIn === window) slots[USED] = Math.max(slots[USED]!, limit - remain);
      });
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
