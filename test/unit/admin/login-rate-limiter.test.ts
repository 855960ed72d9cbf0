import { describe, expect, it } from 'vitest';
import { addressKey, createLoginRateLimiter, type LoginLimits } from '../../../src/admin/auth/login-rate-limiter.js';
import { createManualClock } from '../../../src/shared/clock.js';

const limits: LoginLimits = { perAccount: 3, perAccountAnyAddress: 5, perIp: 5, windowMs: 60_000 };

function fail(limiter: ReturnType<typeof createLoginRateLimiter>, name: string, ip: string): void {
  const admission = limiter.begin(name, ip);
  if (!admission.allowed) throw new Error(`unexpectedly refused: ${name} from ${ip}`);
  admission.attempt.failed();
}

describe('login rate limiter', () => {
  it('when an account fails from one address up to the limit, then that account is locked from that address until the oldest attempt ages out', () => {
    const clock = createManualClock();
    const limiter = createLoginRateLimiter({ clock, limits });
    for (let i = 0; i < 3; i++) {
      fail(limiter, 'lan', '10.0.0.1');
      clock.advance(1000);
    }
    expect(limiter.begin('LAN', '10.0.0.1')).toEqual({ allowed: false, retryAfterMs: 57_000 });
    expect(limiter.begin('lan', '10.0.0.9').allowed).toBe(true);
    clock.advance(57_000);
    expect(limiter.begin('lan', '10.0.0.1').allowed).toBe(true);
  });

  it('when attempts begin before any finishes, then each is counted at once and the rest are refused', () => {
    const limiter = createLoginRateLimiter({ clock: createManualClock(), limits });
    const admitted = Array.from({ length: 10 }, () => limiter.begin('lan', '10.0.0.1'));
    expect(admitted.filter((a) => a.allowed)).toHaveLength(3);
  });

  it('when many addresses fail for one account, then the account-wide limit locks it everywhere', () => {
    const limiter = createLoginRateLimiter({ clock: createManualClock(), limits });
    for (let i = 1; i <= 5; i++) fail(limiter, 'lan', `10.0.1.${i}`);
    expect(limiter.begin('lan', '10.0.1.99').allowed).toBe(false);
    expect(limiter.begin('other', '10.0.1.99').allowed).toBe(true);
  });

  it('when one address fails across many names, then that address is locked for every name, others are not', () => {
    const limiter = createLoginRateLimiter({ clock: createManualClock(), limits });
    for (const name of ['a1', 'a2', 'a3', 'a4', 'a5']) fail(limiter, name, '10.0.0.2');
    expect(limiter.begin('someone-else', '10.0.0.2').allowed).toBe(false);
    expect(limiter.begin('someone-else', '10.0.0.3').allowed).toBe(true);
  });

  it('when an account signs in successfully, then its own attempt and that address’s failures are forgiven, the address count stays', () => {
    const limiter = createLoginRateLimiter({ clock: createManualClock(), limits: { ...limits, perIp: 4 } });
    fail(limiter, 'lan', '10.0.0.4');
    fail(limiter, 'lan', '10.0.0.4');
    const ok = limiter.begin('lan', '10.0.0.4');
    if (!ok.allowed) throw new Error('refused');
    ok.attempt.succeeded();
    fail(limiter, 'lan', '10.0.0.4');
    fail(limiter, 'lan', '10.0.0.4');
    expect(limiter.begin('x', '10.0.0.4').allowed).toBe(false);
  });

  it('when addresses are written differently, then they count as the same client (IPv4-mapped, one IPv6 /64)', () => {
    expect(addressKey('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});
