import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { StorageHealth } from '../storage/storage-health.js';
import type { BroadcastSender } from './broadcast-sender.js';
import type { RunPlanner } from './run-planner.js';

export interface BroadcastScheduler {
  /** Reconciles deliveries a previous process left in `sending`, runs a first tick, then ticks every interval. */
  start(): Promise<void>;
  /** One pass: create due runs, release runs, send what is due. Overlapping calls share the pass in flight. */
  tick(): Promise<void>;
  /** Stops ticking and waits for the sends in flight (SIGTERM). */
  stop(): Promise<void>;
}

/**
 * The broadcast heartbeat. The interval timer is unref'd (it never keeps the process alive); time
 * itself comes from the injected clock in the planner and sender, so tests call `tick()` by hand.
 */
export function createBroadcastScheduler(deps: {
  planner: RunPlanner;
  sender: BroadcastSender;
  /** approval-request notices to the officials' group, sent after the broadcasts of each pass */
  notices?: { flushNotices(): Promise<void> };
  log: Logger;
  intervalMs: number;
  clock?: Clock;
  /**
   * Shared storage state: while writes fail (full disk) ticks are skipped and a failing tick is
   * reported there (one log line a minute) instead of logged each time; deliveries wait, unharmed.
   */
  storage?: StorageHealth;
}): BroadcastScheduler {
  const { planner, sender, log, intervalMs, storage } = deps;
  const now = () => deps.clock?.now() ?? Date.now();
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | null = null;

  const pass = async (): Promise<void> => {
    if ((storage?.retryAt() ?? 0) > now()) return;
    try {
      planner.createDueRuns();
      planner.releaseDueRuns();
      await sender.drain();
      await deps.notices?.flushNotices();
    } catch (err) {
      if (!storage?.failed(err, 'broadcast')) log.error({ err }, 'broadcast tick failed; retrying at the next tick');
    }
  };
  const tick = (): Promise<void> => {
    current ??= pass().finally(() => {
      current = null;
    });
    return current;
  };

  return {
    tick,
    async start() {
      await sender.reconcileInterrupted();
      timer = setInterval(() => void tick(), intervalMs);
      timer.unref();
      void tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await sender.stop();
      await current;
    },
  };
}
