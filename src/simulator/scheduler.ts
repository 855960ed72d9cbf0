import type { Clock } from '../shared/clock.js';

/** Runs a task later. Injected into the webhook emitter so tests can fast-forward retries. */
export interface Scheduler {
  schedule(delayMs: number, task: () => Promise<void>): void;
  /** Drops every task not yet run (on simulator close). */
  cancelAll(): void;
}

/** Real timers (unref'd, so a pending retry never keeps the process alive). */
export function createTimerScheduler(): Scheduler {
  const timers = new Set<NodeJS.Timeout>();
  return {
    schedule(delayMs, task) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        void task();
      }, delayMs);
      timer.unref();
      timers.add(timer);
    },
    cancelAll() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

export interface ManualScheduler extends Scheduler {
  /** Due times (epoch ms on the clock) of the tasks still waiting, soonest first. */
  pending(): number[];
  /**
   * Runs, in due order, every task due at or before `clock.now()`, awaiting each; tasks they
   * schedule that are already due run too. Resolves with the number of tasks run.
   * @example clock.advance(30_000); await scheduler.runDue();
   */
  runDue(): Promise<number>;
}

/** A scheduler driven by a (manual) clock: nothing runs until the test calls `runDue()`. */
export function createManualScheduler(clock: Clock): ManualScheduler {
  let tasks: Array<{ dueAt: number; task: () => Promise<void> }> = [];
  return {
    schedule(delayMs, task) {
      tasks.push({ dueAt: clock.now() + delayMs, task });
      tasks.sort((a, b) => a.dueAt - b.dueAt);
    },
    cancelAll() {
      tasks = [];
    },
    pending: () => tasks.map((t) => t.dueAt),
    async runDue() {
      let run = 0;
      for (let next = tasks[0]; next && next.dueAt <= clock.now(); next = tasks[0]) {
        tasks.shift();
        await next.task();
        run += 1;
      }
      return run;
    },
  };
}
