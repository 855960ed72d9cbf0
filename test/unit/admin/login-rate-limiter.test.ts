import { describe, expect, it } from 'vitest';
import { createLoginRateLimiter } from '../../../src/admin/auth/login-rate-limiter.js';
import { createManualClock } from '../../../src/shared/clock.js';

const limits = { perAccount: 3, perIp: 5, windowMs: 60_000 };

describe('login rate limiter', () => {
  it('when an account reaches its failure limit, then it is locked until the oldest failure ages out', () => {
    const clock = createManualClock();
    const limiter = createLoginRateLimiter({ clock, limits });
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterMs('lan', '10.0.0.1')).toBe(0);
      limiter.recordFailure('lan', '10.0.0.1');
      clock.advance(1000);
    }
    expect(limiter.retryAfterMs('LAN', '10.0.0.9')).toBe(57_000);
    clock.advance(57_000);
    expect(limiter.retryAfterMs('lan', '10.0.0.9')).toBe(0);
  });

  it('when one IP fails across many names, then that IP is locked for every name', () => {
    const limiter = createLoginRateLimiter({ clock: createManualClock(), limits });
    for (const name of ['a1', 'a2', 'a3', 'a4', 'a5']) limiter.recordFailure(name, '10.0.0.2');
    expect(limiter.retryAfterMs('someone-else', '10.0.0.2')).toBeGreaterThan(0);
    expect(limiter.retryAfterMs('someone-else', '10.0.0.3')).toBe(0);
  });

  it('when an account signs in successfully, then its failures are forgiven but the IP count stays', () => {
    const limiter = createLoginRateLimiter({ clock: createManualClock(), limits: { ...limits, perIp: 3 } });
    limiter.recordFailure('lan', '10.0.0.4');
    limiter.recordFailure('lan', '10.0.0.4');
    limiter.recordSuccess('lan');
    limiter.recordFailure('lan', '10.0.0.5');
    limiter.recordFailure('lan', '10.0.0.5');
    expect(limiter.retryAfterMs('lan', '10.0.0.6')).toBe(0);
    limiter.recordFailure('other', '10.0.0.4');
    expect(limiter.retryAfterMs('x', '10.0.0.4')).toBeGreaterThan(0);
  });
});
