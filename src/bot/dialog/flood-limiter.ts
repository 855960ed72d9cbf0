/** Verdict for one incoming message: handle it, warn once, or ignore it. */
export type FloodVerdict = 'ok' | 'warn' | 'silent';

export interface FloodLimiter {
  /** Records a message of `userId` at `now` (epoch ms) and says what to do with it. */
  check(userId: string, now: number): FloodVerdict;
}

interface Window {
  /** times of the accepted messages still inside the window, oldest first */
  times: number[];
  warned: boolean;
}

/** Users tracked before idle ones are swept, bounding memory on a busy OA. */
const SWEEP_AT = 10_000;

/**
 * Per-resident sliding-window flood limit, in memory (a restart forgives everyone, which is fine).
 * Up to `max` messages per `windowMs` are accepted; the next one gets 'warn' (send one short
 * "slow down"), later ones 'silent' until the oldest accepted message leaves the window.
 * Rejected messages do not extend the window. `max: Infinity` disables the limit.
 */
export function createFloodLimiter(options: { max: number; windowMs: number }): FloodLimiter {
  const windows = new Map<string, Window>();
  const sweep = (now: number): void => {
    for (const [user, w] of windows) {
      if (w.times.every((t) => t <= now - options.windowMs)) windows.delete(user);
    }
  };
  return {
    check(userId, now) {
      if (windows.size >= SWEEP_AT) sweep(now);
      const w = windows.get(userId) ?? { times: [], warned: false };
      windows.set(userId, w);
      w.times = w.times.filter((t) => t > now - options.windowMs);
      if (w.times.length < options.max) {
        w.times.push(now);
        w.warned = false;
        return 'ok';
      }
      if (w.warned) return 'silent';
      w.warned = true;
      return 'warn';
    },
  };
}
