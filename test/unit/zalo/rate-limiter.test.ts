import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/shared/clock.js';
import { createRateLimiter } from '../../../src/zalo/rate-limiter.js';
import { backoffDelay } from '../../../src/zalo/retry-policy.js';
import { createFakeTime } from '../../helpers/zalo-client-harness.js';

/** Fake time starts on a minute boundary; move 10 s in so "next window" is 50 s away. */
function setup(limitPerMinute: number) {
  const time = createFakeTime();
  time.clock.advance(10_000);
  const limiter = createRateLimiter({ limitPerMinute, clock: time.clock, sleep: time.sleep });
  return { ...time, limiter };
}

describe('createRateLimiter', () => {
  it('when the configured ceiling is used up, then the next call waits for the next minute', async () => {
    const { limiter, waits } = setup(3);
    for (let i = 0; i < 3; i++) await limiter.acquire();
    expect(waits).toEqual([]);
    await limiter.acquire();
    expect(waits).toEqual([50_000]);
  });

  it('when concurrent callers exceed the ceiling, then the extra ones wait and no window gets more than the ceiling', async () => {
    const clock = createManualClock(Date.UTC(2026, 10, 29, 3, 0, 10));
    const pending: Array<{ ms: number; wake: () => void }> = [];
    const sleep = (ms: number) => new Promise<void>((wake) => pending.push({ ms, wake }));
    const limiter = createRateLimiter({ limitPerMinute: 2, clock, sleep });
    let granted = 0;
    for (let i = 0; i < 5; i++) void limiter.acquire().then(() => (granted += 1));
    const flush = () => new Promise((resolve) => setImmediate(resolve));
    await flush();
    expect(granted).toBe(2);
    expect(pending.map((p) => p.ms)).toEqual([50_000, 50_000, 50_000]);

    clock.advance(50_000);
    pending.splice(0).forEach((p) => p.wake());
    await flush();
    expect(granted).toBe(4);
    expect(pending.map((p) => p.ms)).toEqual([60_000]);
  });

  it('when Zalo reports a lower X-RateLimit-Limit, then that lower figure is the ceiling', async () => {
    const { limiter, waits } = setup(100);
    limiter.observe({ 'x-ratelimit-limit': '2', 'x-ratelimit-remain': '1' }, await limiter.acquire());
    expect(limiter.ceiling()).toBe(2);
    await limiter.acquire();
    expect(waits).toEqual([]);
    await limiter.acquire();
    expect(waits).toEqual([50_000]);
  });

  it('when Zalo reports a higher X-RateLimit-Limit, then the configured ceiling stays', async () => {
    const { limiter } = setup(100);
    limiter.observe({ 'x-ratelimit-limit': '4000', 'x-ratelimit-remain': '3999' }, await limiter.acquire());
    expect(limiter.ceiling()).toBe(100);
  });

  it('when X-RateLimit-Remain reaches 0, then nothing is sent until the next minute', async () => {
    const { limiter, waits } = setup(4000);
    limiter.observe({ 'x-ratelimit-limit': '4000', 'x-ratelimit-remain': '0' }, await limiter.acquire());
    await limiter.acquire();
    expect(waits).toEqual([50_000]);
  });

  it('when -32 arrives, then the limiter blocks until the next minute even when disabled', async () => {
    const { limiter, waits } = setup(Infinity);
    limiter.blockUntilNextWindow(await limiter.acquire());
    await limiter.acquire();
    expect(waits).toEqual([50_000]);
  });

  it('when a Remain: 0 answer to a call sent in minute N arrives in minute N+1, then minute N+1 is not blocked', async () => {
    const { limiter, clock, waits } = setup(100);
    const sentIn = await limiter.acquire();
    clock.advance(50_000); // the minute turns while the call is in flight
    limiter.observe({ 'x-ratelimit-limit': '100', 'x-ratelimit-remain': '0' }, sentIn);
    for (let i = 0; i < 100; i++) await limiter.acquire();
    expect(waits).toEqual([]);
  });

  it('when a -32 to a call sent in minute N arrives in minute N+1, then minute N+1 is not blocked', async () => {
    const { limiter, clock, waits } = setup(100);
    const sentIn = await limiter.acquire();
    clock.advance(50_000);
    limiter.blockUntilNextWindow(sentIn);
    await limiter.acquire();
    expect(waits).toEqual([]);
  });

  it('when 8 senders share a 100/min limit and answers arrive after the minute turned, then every minute carries 100 calls', async () => {
    const { clock, sleep } = createFakeTime(); // starts on a minute boundary
    const limiter = createRateLimiter({ limitPerMinute: 100, clock, sleep });
    const start = clock.now();
    const countedIn = new Map<number, number>(); // what Zalo counted per send window
    const send = async (): Promise<void> => {
      const sentIn = await limiter.acquire();
      const count = (countedIn.get(sentIn) ?? 0) + 1;
      countedIn.set(sentIn, count);
      await new Promise((resolve) => setImmediate(resolve)); // in flight: the other senders run (and sleep) meanwhile
      limiter.observe({ 'x-ratelimit-limit': '100', 'x-ratelimit-remain': String(100 - count) }, sentIn);
    };
    let left = 1000;
    const sender = async (): Promise<void> => {
      while (left > 0) {
        left -= 1;
        await send();
      }
    };
    await Promise.all(Array.from({ length: 8 }, sender));
    expect([...countedIn.values()]).toEqual(Array.from({ length: 10 }, () => 100));
    expect(clock.now() - start).toBeLessThan(10 * 60_000);
  });

  it('when pacing is disabled, then headers are ignored and calls never wait', async () => {
    const { limiter, waits } = setup(Infinity);
    limiter.observe({ 'x-ratelimit-limit': '1', 'x-ratelimit-remain': '0' }, await limiter.acquire());
    for (let i = 0; i < 50; i++) await limiter.acquire();
    expect(waits).toEqual([]);
  });
});

describe('backoffDelay', () => {
  it('when retrying, then the delay is full jitter under a doubling ceiling capped at capMs', () => {
    expect(backoffDelay(1, { random: () => 0.5 })).toBe(250);
    expect(backoffDelay(3, { random: () => 0.5 })).toBe(1000);
    expect(backoffDelay(20, { random: () => 0.999, capMs: 30_000 })).toBe(29_970);
    expect(backoffDelay(2, { random: () => 0 })).toBe(0);
  });
});
