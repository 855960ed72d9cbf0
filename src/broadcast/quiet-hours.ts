import { fromZonedParts, parseClockTime, toZonedParts } from './zoned-time.js';

/** A daily window (minutes after local midnight) in which nothing is sent; may wrap midnight. */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

/**
 * Parses `HH:MM-HH:MM` (e.g. `21:00-07:00`, wrapping midnight). `''` or `off` means no quiet hours
 * (null). Throws on anything else, so a bad setting fails at startup.
 */
export function parseQuietHours(value: string): QuietHours | null {
  const v = value.trim();
  if (v === '' || v.toLowerCase() === 'off') return null;
  const m = /^(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(v);
  const start = m ? parseClockTime(m[1]!) : null;
  const end = m ? parseClockTime(m[2]!) : null;
  if (start === null || end === null || start === end) {
    throw new Error(`quiet hours must look like 21:00-07:00 (or "off"), got "${value}"`);
  }
  return { startMinute: start, endMinute: end };
}

/**
 * When a run due at `dueMs` may go out: `dueMs` itself outside quiet hours, otherwise the end of
 * the quiet window it falls in (e.g. due 22:30 with 21:00–07:00 → 07:00 the next morning).
 */
export function releaseTime(dueMs: number, quiet: QuietHours | null, timeZone: string): number {
  if (!quiet) return dueMs;
  const p = toZonedParts(dueMs, timeZone);
  const minute = p.hour * 60 + p.minute;
  const { startMinute: s, endMinute: e } = quiet;
  const wraps = s > e;
  const inside = wraps ? minute >= s || minute < e : minute >= s && minute < e;
  if (!inside) return dueMs;
  const nextDay = wraps && minute >= s;
  const base = fromZonedParts({ year: p.year, month: p.month, day: p.day, hour: 12, minute: 0 }, timeZone);
  const day = toZonedParts(base + (nextDay ? 86_400_000 : 0), timeZone);
  return fromZonedParts(
    { year: day.year, month: day.month, day: day.day, hour: Math.floor(e / 60), minute: e % 60 },
    timeZone,
  );
}
