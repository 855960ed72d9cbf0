import { describe, expect, it } from 'vitest';
import { nextOccurrence, upcomingOccurrences } from '../../../src/broadcast/next-occurrence.js';
import { formatZoned } from '../../../src/broadcast/zoned-time.js';
import { TZ, vn } from './broadcast-fixture.js';

const show = (ms: number[]) => ms.map((m) => formatZoned(m, TZ));

describe('nextOccurrence', () => {
  it('when a monthly schedule is on day 31, then short months use their last day and long months the 31st', () => {
    const dates = upcomingOccurrences({ type: 'monthly', day: 31, time: '08:00' }, vn('2026-12-15T00:00:00'), TZ, 6);
    expect(show(dates)).toEqual([
      '2026-12-31T08:00:00+07:00',
      '2027-01-31T08:00:00+07:00',
      '2027-02-28T08:00:00+07:00',
      '2027-03-31T08:00:00+07:00',
      '2027-04-30T08:00:00+07:00',
      '2027-05-31T08:00:00+07:00',
    ]);
  });

  it('when February falls in a leap year, then day 29–31 schedules run on 29 February', () => {
    expect(show([nextOccurrence({ type: 'monthly', day: 30, time: '07:30' }, vn('2028-02-01T00:00:00'), TZ)!])).toEqual(
      ['2028-02-29T07:30:00+07:00'],
    );
    expect(show([nextOccurrence({ type: 'monthly', day: 29, time: '07:30' }, vn('2027-02-01T00:00:00'), TZ)!])).toEqual(
      ['2027-02-28T07:30:00+07:00'],
    );
  });

  it('when the time is exactly an occurrence, then the next one is the following month (strictly after)', () => {
    const at = vn('2026-11-15T08:00:00');
    expect(formatZoned(nextOccurrence({ type: 'monthly', day: 15, time: '08:00' }, at, TZ)!, TZ)).toBe(
      '2026-12-15T08:00:00+07:00',
    );
  });

  it('when the year turns, then a monthly schedule continues in January', () => {
    const dates = upcomingOccurrences({ type: 'monthly', day: 1, time: '08:00' }, vn('2026-12-01T09:00:00'), TZ, 2);
    expect(show(dates)).toEqual(['2027-01-01T08:00:00+07:00', '2027-02-01T08:00:00+07:00']);
  });

  it('when a cron expression is given, then it is read in Vietnam time, not UTC', () => {
    const next = nextOccurrence({ type: 'cron', expression: '0 8 1 * *' }, vn('2026-11-02T09:00:00'), TZ)!;
    expect(formatZoned(next, TZ)).toBe('2026-12-01T08:00:00+07:00');
    expect(new Date(next).toISOString()).toBe('2026-12-01T01:00:00.000Z');
    const again = nextOccurrence({ type: 'cron', expression: '0 8 1 * *' }, next, TZ)!;
    expect(formatZoned(again, TZ)).toBe('2027-01-01T08:00:00+07:00');
  });

  it('when a one-off time has passed, then there is no next occurrence', () => {
    const s = { type: 'once', at: '2026-11-02T10:00' } as const;
    expect(nextOccurrence(s, vn('2026-11-02T09:59:00'), TZ)).toBe(vn('2026-11-02T10:00:00'));
    expect(nextOccurrence(s, vn('2026-11-02T10:00:00'), TZ)).toBeNull();
  });
});
