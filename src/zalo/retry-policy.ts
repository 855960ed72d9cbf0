/** Zalo codes worth retrying: `-32` rate limit (after the minute window), `-200` "send failed". */
export const RETRYABLE_ZALO_CODES: ReadonlySet<number> = new Set([-32, -200]);

/** Zalo codes meaning the access token is dead: refresh once, retry once. */
export const AUTH_ZALO_CODES: ReadonlySet<number> = new Set([-216, -220]);

export interface BackoffOptions {
  /** Delay ceiling of the first retry, doubled per attempt. */
  baseMs?: number;
  /** Upper bound of any single delay. */
  capMs?: number;
  /** Uniform [0, 1) source, injected for tests. */
  random?: () => number;
}

/**
 * "Full jitter" exponential backoff: a uniform delay in [0, min(cap, base · 2^(retry-1))).
 * `retry` is 1 for the first retry. Spreads retries of many senders instead of synchronising them.
 */
export function backoffDelay(
  retry: number,
  { baseMs = 500, capMs = 30_000, random = Math.random }: BackoffOptions = {},
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}
