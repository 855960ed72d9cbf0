import { describe, expect, it } from 'vitest';
import { parseQuietHours, releaseTime } from '../../../src/broadcast/quiet-hours.js';
import { formatZoned } from '../../../src/broadcast/zoned-time.js';
import { TZ, vn } from './broadcast-fixture.js';

const quiet = parseQuietHours('21:00-07:00');
const release = (local: string) => formatZoned(releaseTime(vn(local), quiet, TZ), TZ);

describe('quiet hours', () => {
  it('when a run is due in the evening part of the window, then it is held to 07:00 the next morning', () => {
    expect(release('2026-12-31T22:30:00')).toBe('2027-01-01T07:00:00+07:00');
    expect(release('2026-11-02T21:00:00')).toBe('2026-11-03T07:00:00+07:00');
  });

  it('when a run is due after midnight inside the window, then it is held to 07:00 the same day', () => {
    expect(release('2026-11-03T05:59:00')).toBe('2026-11-03T07:00:00+07:00');
  });

  it('when a run is due outside the window, then it goes out on time', () => {
    expect(release('2026-11-03T07:00:00')).toBe('2026-11-03T07:00:00+07:00');
    expect(release('2026-11-03T20:59:00')).toBe('2026-11-03T20:59:00+07:00');
  });

  it('when the window does not wrap midnight, then only times inside it are held', () => {
    const lunch = parseQuietHours('11:30-13:30');
    expect(formatZoned(releaseTime(vn('2026-11-03T12:00:00'), lunch, TZ), TZ)).toBe('2026-11-03T13:30:00+07:00');
    expect(formatZoned(releaseTime(vn('2026-11-03T14:00:00'), lunch, TZ), TZ)).toBe('2026-11-03T14:00:00+07:00');
  });

  it('when quiet hours are off or malformed, then off means none and malformed is refused', () => {
    expect(parseQuietHours('off')).toBeNull();
    expect(parseQuietHours('')).toBeNull();
    expect(() => parseQuietHours('21-7')).toThrow(/21:00-07:00/);
    expect(() => parseQuietHours('25:00-07:00')).toThrow();
  });
});
