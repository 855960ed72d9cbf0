import { CronExpressionParser } from 'cron-parser';
import type { Schedule } from './broadcast-types.js';
import { daysInMonth, fromZonedParts, parseClockTime, parseLocalDateTime, toZonedParts } from './zoned-time.js';

/**
 * The first occurrence of `schedule` strictly after `afterMs`, or null when there is none
 * (a one-off already past). All wall-clock values are read in `timeZone`. A `now` schedule occurs
 * once, at `approvedAt` (null while not approved: no occurrence).
 *
 * Monthly schedules clamp to the month's last day: day 31 runs on 30 April, 28 February, or
 * 29 February in a leap year, and on the 31st again in months that have one.
 * @example nextOccurrence({ type: 'monthly', day: 31, time: '08:00' }, Date.parse('2026-02-01T00:00+07:00'), 'Asia/Ho_Chi_Minh')
 *   // → 2026-02-28T08:00+07:00
 */
export function nextOccurrence(
  schedule: Schedule,
  afterMs: number,
  timeZone: string,
  approvedAt: number | null = null,
): number | null {
  switch (schedule.type) {
    case 'now':
      // its one occurrence is the approval itself (approve() sets the cursor just before it)
      return approvedAt !== null && approvedAt > afterMs ? approvedAt : null;
    case 'once': {
      const at = parseLocalDateTime(schedule.at, timeZone);
      return at !== null && at > afterMs ? at : null;
    }
    case 'cron': {
      const expr = CronExpressionParser.parse(schedule.expression, { currentDate: new Date(afterMs), tz: timeZone });
      return expr.next().getTime();
    }
    case 'monthly':
      return nextMonthly(schedule.day, schedule.time, afterMs, timeZone);
  }
}

function nextMonthly(day: number, time: string, afterMs: number, timeZone: string): number | null {
  const minutes = parseClockTime(time);
  if (minutes === null) return null;
  const start = toZonedParts(afterMs, timeZone);
  for (let i = 0; i < 3; i++) {
    const monthIndex = start.month - 1 + i;
    const year = start.year + Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    const at = fromZonedParts(
      {
        year,
        month,
        day: Math.min(day, daysInMonth(year, month)),
        hour: Math.floor(minutes / 60),
        minute: minutes % 60,
      },
      timeZone,
    );
    if (at > afterMs) return at;
  }
  return null;
}

/** Up to `count` upcoming occurrences after `afterMs` (for dry runs and the console). */
export function upcomingOccurrences(
  schedule: Schedule,
  afterMs: number,
  timeZone: string,
  count: number,
  approvedAt: number | null = null,
): number[] {
  const out: number[] = [];
  let cursor = afterMs;
  while (out.length < count) {
    const next = nextOccurrence(schedule, cursor, timeZone, approvedAt);
    if (next === null) break;
    out.push(next);
    cursor = next;
  }
  return out;
}
