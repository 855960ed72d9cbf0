import type { Clock } from './clock.js';
import { createDueQueue } from './due-queue.js';

/**
 * What one run of a key reports: `more` (run it again, after the other keys waiting), `done`
 * (nothing due for it now), or `{ retryAt }` (back-off: run it again at that epoch ms, not before,
 * unless it is notified again).
 */
export type KeyStep = 'more' | 'done' | { retryAt: number };

export interface KeyedQueueOptions {
  /** Processes the key's next item. A throw counts as `onError`'s answer. */
  run(key: string): Promise<KeyStep>;
  /** A run that threw: log it and say when to try the key again. Default: `done`. */
  onError?(key: string, err: unknown): KeyStep;
  /** how many keys run at the same time (each strictly one run at a time) */
  concurrency: number;
  clock: Clock;
  /** A pause over every key (e.g. a full disk): epoch ms before which nothing starts; 0 when not paused. */
  pausedUntil?(): number;
  /** Housekeeping run at `start()` and every `everyMs` until `stop()` (retention purges). */
  housekeeping?: { everyMs: number; run(): void };
}

export interface KeyedQueue {
  /** The key has work due at `at` (default now): it runs then, after any run in progress for it. */
  notify(key: string, at?: number): void;
  /** Resolves when the key is neither running nor due now (its runs so far have finished). */
  whenKeyIdle(key: string): Promise<void>;
  /** Resolves when no key runs and none is due now (a later back-off does not count), or when stopped. */
  whenIdle(): Promise<void>;
  /** Starts running due keys (notifications before `start` are kept). */
  start(): void;
  /**
   * Bounded shutdown: starts nothing new and waits for running keys until `deadlineMs` has passed.
   * Resolves true when they all finished. Notifications after this are ignored until `start()`.
   */
  stop(deadlineMs: number): Promise<boolean>;
  /** running: keys in a run now; due: keys waiting for a slot; later: keys backing off */
  stats(): { running: number; due: number; later: number };
  readonly started: boolean;
}

/**
 * One in-memory scheduler for per-key work over a durable store: each key's runs strictly one after
 * another (per-key order), different keys side by side up to `concurrency`, fair between keys (a key
 * that has more goes to the back), back-off per key with one timer for the earliest, an optional
 * global pause, idle waiters and a bounded shutdown. It holds only keys, never the work: the owner
 * reads the key's next item from its store in `run`, so after a crash `notify` each key the store
 * still has work for (e.g. from its pending heads) and everything resumes.
 * Runs start on a later turn of the event loop (setImmediate), never inside `notify`'s caller.
 * @example const queue = createKeyedQueue({ run: (userId) => sendNext(userId), concurrency: 8, clock });
 */
export function createKeyedQueue(options: KeyedQueueOptions): KeyedQueue {
  const { clock, concurrency } = options;
  const running = new Map<string, Promise<void>>();
  /** keys due now and not running, in the order they became due */
  const due = new Set<string>();
  /** keys notified while running: they run again after the current run */
  const again = new Set<string>();
  const later = createDueQueue();
  let started = false;
  let stopping = false;
  let pumpScheduled = false;
  let timer: { at: number; handle: NodeJS.Timeout } | undefined;
  let idleWaiters: Array<() => void> = [];
  let housekeepingTimer: NodeJS.Timeout | undefined;

  function makeDue(key: string): void {
    later.delete(key);
    if (running.has(key)) again.add(key);
    else due.add(key);
  }

  function promoteDue(now: number): void {
    for (const key of later.takeDue(now)) makeDue(key);
  }

  function schedulePump(): void {
    if (pumpScheduled || !started || stopping) return;
    pumpScheduled = true;
    setImmediate(pump);
  }

  function pump(): void {
    pumpScheduled = false;
    if (!started || stopping) return;
    const now = clock.now();
    promoteDue(now);
    const paused = options.pausedUntil?.() ?? 0;
    if (paused > now) {
      armTimer(paused);
      return;
    }
    for (const key of due) {
      if (running.size >= concurrency) break;
      due.delete(key);
      startRun(key);
    }
    const next = later.nextAt();
    if (next !== undefined) armTimer(next);
    settleIdle();
  }

  function startRun(key: string): void {
    const run = (async () => {
      let step: KeyStep;
      try {
        step = await options.run(key);
      } catch (err) {
        step = options.onError?.(key, err) ?? 'done';
      }
      running.delete(key);
      if (again.delete(key) || step === 'more') due.add(key);
      else if (step !== 'done') later.add(key, step.retryAt);
      schedulePump();
      settleIdle();
    })();
    running.set(key, run);
  }

  function armTimer(at: number): void {
    if (stopping || (timer && timer.at <= at)) return;
    if (timer) clearTimeout(timer.handle);
    const handle = setTimeout(
      () => {
        timer = undefined;
        schedulePump();
      },
      Math.max(0, at - clock.now()),
    );
    handle.unref();
    timer = { at, handle };
  }

  function isIdle(): boolean {
    return stopping || (running.size === 0 && (due.size === 0 || !started));
  }

  function settleIdle(): void {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  return {
    notify(key, at = clock.now()) {
      if (stopping) return;
      if (at <= clock.now()) makeDue(key);
      else if (!due.has(key) && !again.has(key)) later.add(key, at);
      schedulePump();
      if (at > clock.now() && started) armTimer(at);
    },
    async whenKeyIdle(key) {
      for (;;) {
        const run = running.get(key);
        if (run) await run;
        else if (started && !stopping && due.has(key)) await new Promise((resolve) => setImmediate(resolve));
        else return;
      }
    },
    whenIdle() {
      promoteDue(clock.now());
      if (isIdle()) return Promise.resolve();
      schedulePump();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    start() {
      if (started) return;
      started = true;
      stopping = false;
      if (options.housekeeping) {
        const { run, everyMs } = options.housekeeping;
        run();
        housekeepingTimer = setInterval(run, everyMs);
        housekeepingTimer.unref();
      }
      schedulePump();
    },
    async stop(deadlineMs) {
      stopping = true;
      started = false;
      clearInterval(housekeepingTimer);
      if (timer) clearTimeout(timer.handle);
      timer = undefined;
      const all = Promise.allSettled([...running.values()]).then(() => true);
      let deadline: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        deadline = setTimeout(() => resolve(false), deadlineMs);
      });
      const finished = await Promise.race([all, timeout]);
      clearTimeout(deadline);
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
      return finished;
    },
    stats: () => ({ running: running.size, due: due.size, later: later.size() }),
    get started() {
      return started;
    },
  };
}
