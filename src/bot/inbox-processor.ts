import type { Clock } from '../shared/clock.js';
import { hashUserId, type Logger } from '../shared/logger.js';
import { isDatabaseBusy } from '../storage/is-database-busy.js';
import { storageProblemOf, type StorageHealth } from '../storage/storage-health.js';
import { createKeyedQueue, type KeyStep } from '../shared/keyed-queue.js';
import type { ZaloEvent } from '../zalo/zalo-event.js';
import type { InboxRow, InboxStore } from './inbox-store.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** an event that met a busy database (another connection's write lock) is tried again this soon */
const BUSY_RETRY_MS = 1_000;
/** Zalo retries for about 2 h; dedupe records are kept at least this long. */
const MIN_DEDUPE_RETENTION_MS = 48 * HOUR;

export interface EventMeta {
  inboxId: number;
  /** when the webhook acknowledged the event (epoch ms) */
  receivedAt: number;
}

export type EventHandler = (event: ZaloEvent, meta: EventMeta) => Promise<void>;

export interface InboxProcessorOptions {
  inbox: InboxStore;
  handle: EventHandler;
  log: Logger;
  clock: Clock;
  /** how many user keys are processed at the same time (each one strictly in order) */
  concurrency?: number;
  /**
   * Shared storage state: an event that fails on a storage error (full disk) is not failed and its
   * attempt not counted; processing pauses until `storage.retryAt()` (backoff, capped) and resumes.
   */
  storage?: StorageHealth;
  /** wait before each retry; a handler failing `retryDelaysMs.length + 1` times marks the event failed */
  retryDelaysMs?: number[];
  /** an attempt running longer than this counts as failed (and is logged) */
  handlerTimeoutMs?: number;
  /** done rows (dedupe records) are deleted after this; never less than 48 h */
  dedupeRetentionMs?: number;
  /** raw bodies (message texts) of finished events are cleared after this; 0 clears them at once */
  rawRetentionMs?: number;
  purgeIntervalMs?: number;
}

export interface InboxProcessor {
  /** Resumes every pending event (crash recovery), then processes new ones as they are accepted. */
  start(): void;
  /** Resolves when nothing is running and no pending event is due (tests, benchmarks). */
  whenIdle(): Promise<void>;
  /**
   * An event was stored by another database connection (the webhook's, when this runs in the bot
   * worker): processes `userKey`'s events; without a key, looks for every pending one (a fallback poll).
   */
  wake(userKey?: string): void;
  /**
   * Graceful shutdown: starts nothing new, lets running events finish until `deadlineMs`.
   * Unfinished events stay pending and are resumed by the next `start()`. Resolves true when all finished.
   */
  drain(deadlineMs: number): Promise<boolean>;
  /** Applies the retention rules now (also run at start and every `purgeIntervalMs`). */
  purge(): void;
}

/**
 * Processes the durable inbox: the events of one user key strictly in arrival order, different keys
 * concurrently. A failing handler is retried after `retryDelaysMs`, then the event is marked failed
 * (logged at error, counted in /healthz) and the resident's next events go on. A failure never
 * stops the processor.
 */
export function createInboxProcessor(options: InboxProcessorOptions): InboxProcessor {
  const { inbox, handle, log, clock, storage } = options;
  const retryDelaysMs = options.retryDelaysMs ?? [2_000, 15_000, 60_000, 300_000];
  const handlerTimeoutMs = options.handlerTimeoutMs ?? 60_000;
  const dedupeRetentionMs = Math.max(options.dedupeRetentionMs ?? 7 * DAY, MIN_DEDUPE_RETENTION_MS);
  const rawRetentionMs = options.rawRetentionMs ?? 90 * DAY;
  let unsubscribe: (() => void) | undefined;

  const queue = createKeyedQueue({
    run: runNext,
    onError(userKey, err) {
      // a storage failure is nobody's fault: no attempt counted, the event stays pending as it is
      if (storage?.failed(err, 'inbox')) return { retryAt: storage.retryAt() };
      if (isDatabaseBusy(err)) return { retryAt: clock.now() + BUSY_RETRY_MS };
      log.error({ err, user: hashUserId(userKey) }, 'inbox worker stopped unexpectedly');
      return 'done';
    },
    concurrency: options.concurrency ?? 8,
    clock,
    pausedUntil: () => storage?.retryAt() ?? 0,
    housekeeping: { everyMs: options.purgeIntervalMs ?? HOUR, run: purge },
  });

  /** Processes the user key's oldest pending event when it is due. */
  async function runNext(userKey: string): Promise<KeyStep> {
    const row = inbox.nextPending(userKey);
    if (!row) return 'done';
    if (row.nextAttemptAt > clock.now()) return { retryAt: row.nextAttemptAt };
    await processRow(row);
    return 'more';
  }

  async function processRow(row: InboxRow): Promise<void> {
    const fields = { inboxId: row.id, event: row.eventName, user: hashUserId(row.userKey) };
    if (!row.event.ok) {
      inbox.markFailed(row.id, row.attempts, row.event.error);
      log.error(fields, 'inbox event cannot be read back; marked failed');
      return;
    }
    try {
      await withTimeout(handle(row.event.event, { inboxId: row.id, receivedAt: row.receivedAt }), handlerTimeoutMs);
      inbox.markDone(row.id, { clearRaw: rawRetentionMs === 0 });
      storage?.succeeded();
    } catch (err) {
      if (storage && storageProblemOf(err)) throw err; // reported and backed off by onError
      const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      if (isDatabaseBusy(err)) {
        // another connection held the write lock past busy_timeout: nobody's fault, no attempt counted
        inbox.markRetry(row.id, row.attempts, clock.now() + BUSY_RETRY_MS, error);
        log.warn({ ...fields, retryInMs: BUSY_RETRY_MS }, 'database busy; the event is retried shortly');
        return;
      }
      const attempts = row.attempts + 1;
      const delay = retryDelaysMs[attempts - 1];
      if (delay === undefined) {
        inbox.markFailed(row.id, attempts, error);
        log.error({ ...fields, attempts, err }, 'inbox event failed for good; the resident’s next events go on');
      } else {
        inbox.markRetry(row.id, attempts, clock.now() + delay, error);
        log.warn({ ...fields, attempts, retryInMs: delay, err }, 'inbox event failed; will retry');
      }
    }
  }

  function purge(): void {
    const now = clock.now();
    try {
      const result = inbox.purge({ doneBefore: now - dedupeRetentionMs, rawBefore: now - rawRetentionMs });
      if (result.deleted || result.cleared) log.info(result, 'inbox purged (retention)');
    } catch (err) {
      if (!storage?.failed(err, 'inbox purge')) log.error({ err }, 'inbox purge failed; retried at the next run');
    }
  }

  return {
    start() {
      if (queue.started) return;
      unsubscribe = inbox.onAccepted((userKey) => queue.notify(userKey));
      // crash recovery: every user key with a pending event, due when its head is
      for (const head of inbox.pendingHeads()) queue.notify(head.userKey, head.nextAttemptAt);
      const { pending, failed } = inbox.stats();
      if (pending > 0) log.info({ pending }, 'resuming pending inbox events');
      if (failed > 0) log.warn({ failed }, 'inbox holds events that failed for good; see inbox_events.last_error');
      queue.start();
    },
    whenIdle() {
      // also picks up rows written behind the processor's back (tests); never on the hot path
      if (queue.started) for (const head of inbox.pendingHeads()) queue.notify(head.userKey, head.nextAttemptAt);
      return queue.whenIdle();
    },
    wake(userKey) {
      if (!queue.started) return;
      if (userKey !== undefined) queue.notify(userKey);
      else for (const head of inbox.pendingHeads()) queue.notify(head.userKey, head.nextAttemptAt);
    },
    async drain(deadlineMs) {
      unsubscribe?.();
      const drained = await queue.stop(deadlineMs);
      if (!drained)
        log.warn({ running: queue.stats().running }, 'drain deadline reached; unfinished events stay pending');
      return drained;
    },
    purge,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`handler timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
