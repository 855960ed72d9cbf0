import { describe, expect, it } from 'vitest';
import type { DeliveryCounts } from '../../../src/broadcast/broadcast-types.js';
import { outcomeTone, runOutcome } from '../../../src/broadcast/run-outcome.js';

const counts = (c: Partial<DeliveryCounts>): DeliveryCounts => {
  const base = { pending: 0, sending: 0, sent: 0, failed: 0, unknown: 0, skipped: 0, ...c };
  return { ...base, total: base.pending + base.sending + base.sent + base.failed + base.unknown + base.skipped };
};

describe('runOutcome', () => {
  it('when a finished run reached no group (failed, unknown or all skipped), then it is failed and red', () => {
    for (const c of [{ failed: 3 }, { unknown: 1, failed: 1 }, { skipped: 2 }, {}]) {
      expect(runOutcome({ status: 'done' }, counts(c))).toBe('failed');
    }
    expect(outcomeTone('failed')).toBe('bad');
  });

  it('when some groups received it, then it is partial (amber) unless every target did', () => {
    expect(runOutcome({ status: 'done' }, counts({ sent: 2, failed: 1 }))).toBe('partial');
    expect(runOutcome({ status: 'done' }, counts({ sent: 2, skipped: 1 }))).toBe('partial');
    expect(runOutcome({ status: 'done' }, counts({ sent: 2, unknown: 1 }))).toBe('partial');
    expect(outcomeTone('partial')).toBe('warn');
    expect(runOutcome({ status: 'done' }, counts({ sent: 3 }))).toBe('delivered');
    expect(outcomeTone('delivered')).toBe('ok');
  });

  it('when the run is not finished, then its own status is the outcome', () => {
    for (const status of ['scheduled', 'sending', 'missed', 'cancelled'] as const) {
      expect(runOutcome({ status }, counts({ sent: 1 }))).toBe(status);
    }
  });
});
