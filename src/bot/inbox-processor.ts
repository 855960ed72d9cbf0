import type { Clock } from '../shared/clock.js';
import { hashUserId, type Logger } from '../shared/logger.js';
import { storageProblemOf, type StorageHealth } from '../storage/storage-health.js';
import { parseZaloEvent } from '../zalo/parse-zalo-event.js';
import type { ZaloEvent } from '../zalo/zalo-event.js';
import type { InboxRow, InboxStore } from './inbox-store.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
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
  const concurrency = options.concurrency ?? 8;
  const retryDelaysMs = options.retryDelaysMs ?? [2_000, 15_000, 60_000, 300_000];
  const handlerTimeoutMs = options.handlerTimeoutMs ?? 60_000;
  const dedupeRetentionMs = Math.max(options.dedupeRetentionMs ?? 7 * DAY, MIN_DEDUPE_RETENTION_MS);
  const rawRetentionMs = options.rawRetentionMs ?? 90 * DAY;
  const purgeIntervalMs = options.purgeIntervalMs ?? HOUR;

  const workers = new Map<string, Promise<void>>();
  let started = false;
  let stopping = false;
  let unsubscribe: (() => void) | undefined;
  let purgeTimer: NodeJS.Timeout | undefined;
  let wakeTimer: { at: number; timer: NodeJS.Timeout } | undefined;
  let idleWaiters: Array<() => void> = [];

  function startWorker(userKey: string): void {
    if (stopping || workers.has(userKey) || workers.size >= concurrency) return;
    const worker = runUser(userKey)
      .catch((err: unknown) => log.error({ err, user: hashUserId(userKey) }, 'inbox worker stopped unexpectedly'))
      .finally(() => {
        workers.delete(userKey);
        kick();
      });
    workers.set(userKey, worker);
  }

  /** While storage is failing: when to try again (epoch ms), else 0. */
  const pausedUntil = (): number => {
    const at = storage?.retryAt() ?? 0;
    return at > clock.now() ? at : 0;
  };

  async function runUser(userKey: string): Promise<void> {
    while (!stopping) {
      const paused = pausedUntil();
      if (paused) return wakeIn(paused - clock.now());
      try {
        const row = inbox.nextPending(userKey);
        if (!row) return;
        const wait = row.nextAttemptAt - clock.now();
        if (wait > 0) return wakeIn(wait);
        await processRow(row);
      } catch (err) {
        // a storage failure is nobody's fault: no attempt counted, the event stays pending as it is
        if (!storage?.failed(err, 'inbox')) throw err;
        return wakeIn(storage.retryAt() - clock.now());
      }
    }
  }

  async function processRow(row: InboxRow): Promise<void> {
    const fields = { inboxId: row.id, event: row.eventName, user: hashUserId(row.userKey) };
    const parsed = row.raw === null ? undefined : parseZaloEvent(JSON.parse(row.raw));
    if (!parsed?.ok) {
      inbox.markFailed(row.id, row.attempts, parsed ? parsed.error : 'raw body missing');
      log.error(fields, 'inbox event cannot be read back; marked failed');
      return;
    }
    try {
      await withTimeout(handle(parsed.event, { inboxId: row.id, receivedAt: row.receivedAt }), handlerTimeoutMs);
      inbox.markDone(row.id, { clearRaw: rawRetentionMs === 0 });
      storage?.succeeded();
    } catch (err) {
      if (storage && storageProblemOf(err)) throw err; // reported and backed off by runUser
      const attempts = row.attempts + 1;
      const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
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

  /** Starts workers for every user key with a due pending event, and a timer for the next one due later. */
  function kick(): void {
    if (stopping || !started) return;
    const now = clock.now();
    const paused = pausedUntil();
    if (paused) return wakeIn(paused - now);
    for (const head of inbox.pendingHeads()) {
      if (workers.size >= concurrency) break;
      if (workers.has(head.userKey)) continue;
      if (head.nextAttemptAt > now) wakeIn(head.nextAttemptAt - now);
      else startWorker(head.userKey);
    }
    if (workers.size === 0 && !hasDuePending()) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  function hasDuePending(): boolean {
    const now = clock.now();
    return inbox.pendingHeads().some((h) => h.nextAttemptAt <= now);
  }

  function wakeIn(ms: number): void {
    const at = clock.now() + ms;
    if (stopping || (wakeTimer && wakeTimer.at <= at)) return;
    if (wakeTimer) clearTimeout(wakeTimer.timer);
    const timer = setTimeout(() => {
      wakeTimer = undefined;
      kick();
    }, ms);
    timer.unref();
    wakeTimer = { at, timer };
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
      if (started) return;
      started = true;
      stopping = false;
      // deferred: the webhook answers 200 before any processing runs on this turn of the event loop
      unsubscribe = inbox.onAccepted((userKey) => setImmediate(() => startWorker(userKey)));
      purge();
      purgeTimer = setInterval(purge, purgeIntervalMs);
      purgeTimer.unref();
      const { pending, failed } = inbox.stats();
      if (pending > 0) log.info({ pending }, 'resuming pending inbox events');
      if (failed > 0) log.warn({ failed }, 'inbox holds events that failed for good; see inbox_events.last_error');
      kick();
    },
    whenIdle() {
      if (workers.size === 0 && !hasDuePending()) return Promise.resolve();
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        kick();
      });
    },
    async drain(deadlineMs) {
      stopping = true;
      started = false;
      unsubscribe?.();
      clearInterval(purgeTimer);
      if (wakeTimer) clearTimeout(wakeTimer.timer);
      wakeTimer = undefined;
      const all = Promise.allSettled([...workers.values()]).then(() => true);
      let deadline: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        deadline = setTimeout(() => resolve(false), deadlineMs);
      });
      const drained = await Promise.race([all, timeout]);
      clearTimeout(deadline);
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
      if (!drained) log.warn({ running: workers.size }, 'drain deadline reached; unfinished events stay pending');
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
