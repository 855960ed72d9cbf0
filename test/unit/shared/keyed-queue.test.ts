import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/shared/clock.js';
import { createKeyedQueue, type KeyedQueue, type KeyStep } from '../../../src/shared/keyed-queue.js';

/** Items per key, taken in order by `run`; `log` records each run's start and end. */
function setup(options: { concurrency?: number; step?: (key: string, item: string) => Promise<KeyStep> } = {}) {
  const clock = createManualClock();
  const items = new Map<string, string[]>();
  const log: string[] = [];
  let active = 0;
  let maxActive = 0;
  const queue = createKeyedQueue({
    clock,
    concurrency: options.concurrency ?? 4,
    async run(key) {
      const item = items.get(key)?.shift();
      if (item === undefined) return 'done';
      active += 1;
      maxActive = Math.max(maxActive, active);
      log.push(`start ${item}`);
      try {
        return (await options.step?.(key, item)) ?? 'more';
      } finally {
        log.push(`end ${item}`);
        active -= 1;
      }
    },
  });
  const add = (key: string, ...values: string[]) => {
    items.set(key, [...(items.get(key) ?? []), ...values]);
    queue.notify(key);
  };
  return { clock, queue, add, log, items, maxActive: () => maxActive };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
let current: KeyedQueue | undefined;
afterEach(async () => {
  await current?.stop(100);
  current = undefined;
});

describe('createKeyedQueue', () => {
  it('when one key has several items, then they run one at a time in order, and other keys run side by side', async () => {
    const { queue, add, log, maxActive } = setup({ step: () => tick().then(() => 'more') });
    current = queue;
    add('a', 'a1', 'a2', 'a3');
    add('b', 'b1', 'b2');
    queue.start();
    await queue.whenIdle();

    const of = (key: string) => log.filter((line) => line.includes(` ${key}`));
    expect(of('a')).toEqual(['start a1', 'end a1', 'start a2', 'end a2', 'start a3', 'end a3']);
    expect(of('b')).toEqual(['start b1', 'end b1', 'start b2', 'end b2']);
    expect(maxActive()).toBe(2);
  });

  it('when more keys are due than the concurrency, then at most that many run at once and all finish', async () => {
    const { queue, add, maxActive, items } = setup({ concurrency: 3, step: () => tick().then(() => 'more') });
    current = queue;
    for (let i = 0; i < 10; i += 1) add(`k${i}`, `k${i}-1`, `k${i}-2`);
    queue.start();
    await queue.whenIdle();

    expect(maxActive()).toBe(3);
    expect([...items.values()].every((left) => left.length === 0)).toBe(true);
  });

  it('when a key is notified while it runs, then it runs again after the current run', async () => {
    let release: () => void = () => {};
    const { queue, add, log } = setup({
      step: (_key, item) =>
        item === 'a1' ? new Promise<KeyStep>((r) => (release = () => r('done'))) : Promise.resolve('more'),
    });
    current = queue;
    queue.start();
    add('a', 'a1');
    await tick();
    add('a', 'a2');
    await tick();
    expect(log).toEqual(['start a1']);
    release();
    await queue.whenIdle();

    expect(log).toEqual(['start a1', 'end a1', 'start a2', 'end a2']);
  });

  it('when a run backs off, then the key waits until its time, the others go on, and a notification wakes it early', async () => {
    let backOff = true;
    const { clock, queue, add, log, items } = setup({
      step: async (key, item) => {
        if (key !== 'a' || !backOff) return 'more';
        backOff = false;
        items.get(key)!.unshift(item); // not done: tried again at the back-off time
        return { retryAt: clock.now() + 60_000 };
      },
    });
    current = queue;
    add('a', 'a1');
    add('b', 'b1');
    queue.start();
    await queue.whenIdle();
    expect([...log].sort()).toEqual(['end a1', 'end b1', 'start a1', 'start b1']);
    expect(queue.stats()).toMatchObject({ running: 0, due: 0, later: 1 });

    clock.advance(59_999);
    await queue.whenIdle();
    expect(log).toHaveLength(4);
    clock.advance(1);
    await queue.whenIdle();
    expect(log.slice(4)).toEqual(['start a1', 'end a1']);

    backOff = true;
    add('a', 'a2');
    await queue.whenIdle();
    add('a');
    await queue.whenIdle();
    expect(log.slice(6)).toEqual(['start a2', 'end a2', 'start a2', 'end a2']);
  });

  it('when a run throws, then onError decides, and the queue keeps running other keys', async () => {
    const clock = createManualClock();
    const errors: string[] = [];
    const ran: string[] = [];
    const queue = createKeyedQueue({
      clock,
      concurrency: 2,
      async run(key) {
        ran.push(key);
        if (key === 'bad') throw new Error('boom');
        return 'done';
      },
      onError(key, err) {
        errors.push(`${key}: ${(err as Error).message}`);
        return { retryAt: clock.now() + 1_000 };
      },
    });
    current = queue;
    queue.notify('bad');
    queue.notify('good');
    queue.start();
    await queue.whenIdle();
    clock.advance(1_000);
    await queue.whenIdle();

    expect(errors).toEqual(['bad: boom', 'bad: boom']);
    expect(ran).toEqual(['bad', 'good', 'bad']);
  });

  it('when paused, then nothing starts until the pause ends', async () => {
    const clock = createManualClock();
    let pausedUntil = clock.now() + 5_000;
    const ran: string[] = [];
    const queue = createKeyedQueue({
      clock,
      concurrency: 2,
      pausedUntil: () => pausedUntil,
      run: async (key) => (ran.push(key), 'done'),
    });
    current = queue;
    queue.notify('a');
    queue.start();
    await tick();
    expect(ran).toEqual([]);
    pausedUntil = 0;
    await queue.whenIdle();
    expect(ran).toEqual(['a']);
  });

  it('when stopped with a run that outlasts the deadline, then stop resolves false at the deadline and nothing new starts', async () => {
    const { queue, add, log } = setup({
      step: (_key, item) => (item === 'slow' ? new Promise(() => {}) : Promise.resolve('more')),
    });
    queue.start();
    add('a', 'slow');
    add('b', 'fast');
    await tick();
    const started = Date.now();

    expect(await queue.stop(50)).toBe(false);
    expect(Date.now() - started).toBeLessThan(5_000);
    add('c', 'late');
    await tick();
    expect(log).not.toContain('start late');
    await queue.whenIdle(); // resolves at once once stopped
  });

  it('when stopped with running work that finishes in time, then stop resolves true after it ended', async () => {
    const { queue, add, log } = setup({ step: () => tick().then(() => 'done') });
    queue.start();
    add('a', 'a1');
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));

    expect(await queue.stop(5_000)).toBe(true);
    expect(log).toEqual(['start a1', 'end a1']);
  });
});
