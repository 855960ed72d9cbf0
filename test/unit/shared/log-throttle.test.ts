import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/shared/clock.js';
import { createLogThrottle } from '../../../src/shared/log-throttle.js';
import { captureLogs } from '../../helpers/capture-logs.js';

describe('log throttle', () => {
  it('when one warning repeats within a minute, then it is written once and summed up in one line after the minute', () => {
    const logs = captureLogs('warn');
    const clock = createManualClock();
    const throttle = createLogThrottle({ log: logs.log, clock, windowMs: 60_000 });
    for (let i = 0; i < 1000; i++) throttle.warn('401:bad', { status: 401 }, 'webhook rejected');
    expect(logs.lines()).toHaveLength(1);
    clock.advance(60_000);
    throttle.warn('401:bad', { status: 401 }, 'webhook rejected');
    expect(logs.lines().map((l) => [l.msg, l.repeated])).toEqual([
      ['webhook rejected', undefined],
      ['webhook rejected (repeated)', 999],
      ['webhook rejected', undefined],
    ]);
  });

  it('when different warnings come in, then each is written once; flush writes the pending counts', () => {
    const logs = captureLogs('warn');
    const throttle = createLogThrottle({ log: logs.log, clock: createManualClock() });
    for (let i = 0; i < 10; i++) {
      throttle.warn('a', { reason: 'a' }, 'rejected');
      throttle.warn('b', { reason: 'b' }, 'rejected');
    }
    throttle.warn('c', { reason: 'c' }, 'rejected');
    expect(logs.lines()).toHaveLength(3);
    throttle.flush();
    expect(
      logs
        .lines()
        .slice(3)
        .map((l) => [l.reason, l.repeated]),
    ).toEqual([
      ['a', 9],
      ['b', 9],
    ]);
  });

  it('when an outsider varies the key endlessly, then the tracked keys stay bounded and the rest share one line', () => {
    const logs = captureLogs('warn');
    const throttle = createLogThrottle({ log: logs.log, clock: createManualClock() });
    for (let i = 0; i < 5000; i++) throttle.warn(`k${i}`, { i }, 'rejected');
    expect(logs.lines()).toHaveLength(101);
  });
});
