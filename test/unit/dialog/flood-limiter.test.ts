import { describe, expect, it } from 'vitest';
import { createFloodLimiter } from '../../../src/bot/dialog/flood-limiter.js';

describe('createFloodLimiter', () => {
  it('when a resident sends more than max messages in the window, then one warning and then silence', () => {
    const limiter = createFloodLimiter({ max: 3, windowMs: 60_000 });
    const verdicts = [0, 1, 2, 3, 4, 5].map((i) => limiter.check('u1', 1_000 + i * 1_000));
    expect(verdicts).toEqual(['ok', 'ok', 'ok', 'warn', 'silent', 'silent']);
  });

  it('when the oldest accepted message leaves the window, then the resident is heard again and can be warned again', () => {
    const limiter = createFloodLimiter({ max: 2, windowMs: 10_000 });
    expect([limiter.check('u1', 0), limiter.check('u1', 1), limiter.check('u1', 2)]).toEqual(['ok', 'ok', 'warn']);
    expect(limiter.check('u1', 10_000)).toBe('ok');
    expect(limiter.check('u1', 10_001)).toBe('ok');
    expect(limiter.check('u1', 10_002)).toBe('warn');
  });

  it('when one resident floods, then another resident is not affected', () => {
    const limiter = createFloodLimiter({ max: 1, windowMs: 60_000 });
    limiter.check('u1', 0);
    expect(limiter.check('u1', 1)).toBe('warn');
    expect(limiter.check('u2', 2)).toBe('ok');
  });

  it('when max is Infinity, then nothing is ever limited', () => {
    const limiter = createFloodLimiter({ max: Infinity, windowMs: 60_000 });
    const verdicts = Array.from({ length: 100 }, (_, i) => limiter.check('u1', i));
    expect(new Set(verdicts)).toEqual(new Set(['ok']));
  });
});
