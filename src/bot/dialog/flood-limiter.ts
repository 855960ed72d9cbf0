import type { DialogCommand } from './parse-dialog-command.js';

/** Verdict for one incoming message: handle it, warn once, or ignore it. */
export type FloodVerdict = 'ok' | 'warn' | 'silent';

export interface FloodLimiter {
  /**
   * Records a message of `userId` at `now` (epoch ms) and says what to do with it. With `eventId`
   * (the inbox event), asking again for the same event — a retry after a failure — counts nothing
   * and returns the first verdict: a retry is never a new message.
   */
  check(userId: string, now: number, eventId?: number): FloodVerdict;
}

interface Window {
  /** times of the accepted messages still inside the window, oldest first */
  times: number[];
  warned: boolean;
  /** the verdicts of the resident's latest events, by inbox event id (retries get the same one) */
  verdicts: Map<number, FloodVerdict>;
}

/** Event verdicts remembered per resident: far more than a resident's events retried at once. */
const REMEMBERED_EVENTS = 64;

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
  const count = (w: Window, now: number): FloodVerdict => {
    w.times = w.times.filter((t) => t > now - options.windowMs);
    if (w.times.length < options.max) {
      w.times.push(now);
      w.warned = false;
      return 'ok';
    }
    if (w.warned) return 'silent';
    w.warned = true;
    return 'warn';
  };
  return {
    check(userId, now, eventId) {
      if (windows.size >= SWEEP_AT) sweep(now);
      const w = windows.get(userId) ?? { times: [], warned: false, verdicts: new Map() };
      windows.set(userId, w);
      const seen = eventId === undefined ? undefined : w.verdicts.get(eventId);
      if (seen) return seen;
      const verdict = count(w, now);
      if (eventId !== undefined) {
        w.verdicts.set(eventId, verdict);
        if (w.verdicts.size > REMEMBERED_EVENTS) w.verdicts.delete(w.verdicts.keys().next().value!);
      }
      return verdict;
    },
  };
}

/** Menu navigation (numbers, button taps, "menu", "0", "quay lại") never counts toward the flood limit. */
export function countsTowardFlood(command: DialogCommand | undefined): boolean {
  return command === undefined || command.kind === 'question' || command.kind === 'handoff';
}
