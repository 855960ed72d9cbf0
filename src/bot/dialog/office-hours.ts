import { fromZonedParts, toZonedParts } from '../../broadcast/zoned-time.js';
import type { HandoffConfig, Holiday } from './handoff-config.js';

export interface OfficeHours {
  /** Whether officials are at work at `now`. */
  isOpen(now: number): boolean;
  /** The next time officials are at work (now itself when open), and the holiday that closes today, if any. */
  nextOpening(now: number): { at: number; holiday?: Holiday };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Days looked ahead for the next opening (Tết is at most about ten days). */
const LOOKAHEAD_DAYS = 40;

/** Office hours and public holidays of handoff.yaml, read in `timeZone` (Config.timeZone). */
export function createOfficeHours(config: Pick<HandoffConfig, 'hours' | 'holidays'>, timeZone: string): OfficeHours {
  const holidayOn = (day: string) => config.holidays.find((h) => h.from <= day && day <= h.to);
  const dayOf = (p: { year: number; month: number; day: number }) => `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  const weekday = (p: { year: number; month: number; day: number }) =>
    new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();

  function nextOpening(now: number): { at: number; holiday?: Holiday } {
    const start = toZonedParts(now, timeZone);
    const holiday = holidayOn(dayOf(start));
    for (let i = 0; i < LOOKAHEAD_DAYS; i++) {
      const date = new Date(Date.UTC(start.year, start.month - 1, start.day + i));
      const p = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
      if (holidayOn(dayOf(p))) continue;
      const minuteNow = i === 0 ? start.hour * 60 + start.minute : -1;
      for (const [from, to] of config.hours[weekday(p)] ?? []) {
        if (minuteNow >= to) continue;
        if (minuteNow >= from) return { at: now };
        const at = fromZonedParts({ ...p, hour: Math.floor(from / 60), minute: from % 60 }, timeZone);
        return holiday ? { at, holiday } : { at };
      }
    }
    return { at: now };
  }
  return { isOpen: (now) => nextOpening(now).at === now, nextOpening };
}
