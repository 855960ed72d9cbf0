import type { Clock } from './clock.js';
import type { Logger } from './logger.js';

/** distinct keys tracked at once; past it, further keys share one overflow window */
const MAX_KEYS = 100;
const OVERFLOW_KEY = '\u0000other';

interface Window {
  startedAt: number;
  repeated: number;
  fields: Record<string, unknown>;
  msg: string;
}

export type LogThrottle = ReturnType<typeof createLogThrottle>;

/**
 * De-duplicates and rate-limits a warning that outsiders can trigger at will (forged webhooks): per
 * key, the first occurrence in a window is logged as it is, the rest are only counted, and when the
 * window is over one summary line says how many there were (`repeated`, `windowMs`), so a flood of
 * 20,000 forged requests costs a few lines a minute, not 20,000. The summary is written by the next
 * occurrence after the window, or by a timer at its end (unref'd: it never holds the process open).
 *
 * @example
 * const throttle = createLogThrottle({ log, clock });
 * throttle.warn(`${status}:${reason}`, { status, reason }, 'webhook rejected');
 */
export function createLogThrottle({ log, clock, windowMs = 60_000 }: { log: Logger; clock: Clock; windowMs?: number }) {
  const windows = new Map<string, Window>();
  let timer: NodeJS.Timeout | undefined;

  function closeDue(all = false): void {
    const now = clock.now();
    for (const [key, w] of windows) {
      if (!all && now - w.startedAt < windowMs) continue;
      windows.delete(key);
      if (w.repeated > 0) log.warn({ ...w.fields, repeated: w.repeated, windowMs }, `${w.msg} (repeated)`);
    }
  }

  function armTimer(): void {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      closeDue();
      if ([...windows.values()].some((w) => w.repeated > 0)) armTimer();
    }, windowMs);
    timer.unref();
  }

  return {
    /** Logs `msg` with `fields` at warn level, unless `key` was already logged in the current window. */
    warn(key: string, fields: Record<string, unknown>, msg: string): void {
      closeDue();
      const k = windows.has(key) || windows.size < MAX_KEYS ? key : OVERFLOW_KEY;
      const open = windows.get(k);
      if (open) {
        open.repeated++;
        armTimer();
        return;
      }
      windows.set(k, { startedAt: clock.now(), repeated: 0, fields, msg });
      log.warn(fields, msg);
    },
    /** Writes every pending summary now (at shutdown, in tests). */
    flush(): void {
      closeDue(true);
    },
  };
}
