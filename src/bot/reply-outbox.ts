import type { Clock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import { hashUserId, type Logger } from '../shared/logger.js';
import type { Db } from '../storage/open-database.js';
import { isDatabaseBusy } from '../storage/is-database-busy.js';
import type { StorageHealth } from '../storage/storage-health.js';
import { ZaloApiError } from '../zalo/zalo-api-error.js';
import { createKeyedQueue, type KeyStep } from '../shared/keyed-queue.js';
import { ZALO_TEXT_LIMIT, splitText } from '../zalo/split-text.js';
import type { ReplyDeliveryCheck, ReplyVerdict } from './check-reply-delivered.js';
import type { ReplyEchoStore } from './reply-echo-store.js';
import type { OutgoingMessage } from './dialog.js';
import { isTransientReplyFailure } from './is-transient-reply-failure.js';
import { createReplyOutboxStore, type OutboxRow, type OutboxStats } from './reply-outbox-store.js';
import type { ReplySender } from './reply-sender.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** replies that met a busy database are tried again this soon */
const BUSY_RETRY_MS = 1_000;
/** Zalo's reply window: no reply is sent later than this after it was stored. */
const REPLY_WINDOW_MS = 7 * DAY;

export interface ReplyOutboxOptions {
  /** first retry delay after a transient failure, doubled per attempt; default 30 s */
  retryBaseMs?: number;
  /** longest retry delay; default 15 min */
  retryCapMs?: number;
  /** a reply still not sent this long after it was stored is given up; default 24 h, at most 7 days */
  maxAgeMs?: number;
  /** sent and failed rows are deleted after this; default and at most 7 days (0: at the next purge) */
  retentionMs?: number;
  /** how many residents' replies are sent at the same time (each resident's in order); default 32 */
  concurrency?: number;
  purgeIntervalMs?: number;
  /**
   * wait after a send with an unknown outcome (or from when a crash interrupted it) before Zalo's
   * records are checked, so a late delivery shows up; doubled per further check; default 5 s
   */
  unknownCheckDelayMs?: number;
  /**
   * lookups that settle nothing before the reply is given up as `unsettled` (never resent blindly);
   * each goes on in the conversation from where the last one stopped; default 5
   */
  maxChecks?: number;
  /**
   * Zalo's records prove a send absent only this long after it started: a request Zalo received but
   * was still processing when the client gave up (or the process died) may show up late. Earlier,
   * an absent reply is looked up again at that time instead of resent. Default 30 s (3× the client's timeout).
   */
  absentAfterMs?: number;
}

export interface ReplyOutboxDeps {
  db: Db;
  sender: ReplySender;
  clock: Clock;
  log: Logger;
  /**
   * Settles a send whose outcome is unknown from Zalo's records (echoes, conversation) before any
   * resend. Without it such a reply is resent after `unknownCheckDelayMs` (at least once, counted).
   */
  check?: ReplyDeliveryCheck;
  /** shared storage state: a failed write (full disk) pauses sending with backoff instead of failing rows */
  storage?: StorageHealth;
  /** the recorded `oa_send_text` echoes the `check` reads; purged with the outbox, after the 7-day reply window */
  echoes?: ReplyEchoStore;
  options?: ReplyOutboxOptions;
}

export interface ReplyOutbox {
  /**
   * Stores a dialog turn's messages durably (one transaction), split into Zalo-sized parts with any
   * buttons on the last part. The resident's earlier pending replies become due now, so they go first.
   * Nothing is sent here: call `deliver`. `inboxEventId` null: a message no resident event caused
   * (the quiet timeout's notice, the console's "return to bot").
   */
  enqueue(userId: string, inboxEventId: number | null, messages: OutgoingMessage[]): void;
  /** Whether this inbox event's replies are already stored: its dialog turn ran and must not run again. */
  hasRepliesFor(inboxEventId: number): boolean;
  /**
   * Sends the resident's due pending replies now, strictly in order, after any send already running
   * for them. Never throws; resolves once done or stopped at a transient failure (then retried by
   * the timer). A no-op before `start()` and after `stop()`: the rows wait for the next start.
   */
  deliver(userId: string): Promise<void>;
  /** Purges, then resumes every pending reply (crash recovery) and retries them when due. */
  start(): void;
  /** Resolves when no send is running and no pending reply is due, or at once when not started (tests, benchmarks). */
  whenIdle(): Promise<void>;
  /**
   * Graceful shutdown: stops the timers, starts no new send, lets running sends finish until
   * `deadlineMs`. Unsent replies stay pending for the next start. Resolves true when all finished.
   */
  stop(deadlineMs: number): Promise<boolean>;
  /** Deletes finished rows older than the retention (also run at start and every `purgeIntervalMs`). */
  purge(): void;
  stats(): OutboxStats;
}

/**
 * The durable reply outbox: what the dialog answered is stored before its inbox event is marked
 * done, then sent per resident in order (different residents side by side). A transient failure
 * (see `isTransientReplyFailure`) keeps the row pending with exponential backoff (30 s, 1 min, 2 min …
 * 15 min) and holds the resident's later replies behind it, until `maxAgeMs` gives it up (failed,
 * logged at error with the hint). A permanent failure marks the row failed at once, logged with
 * Zalo's code, and the next row goes on.
 *
 * Exactly once: each row is `sending` (committed) before its HTTP call, and sent with
 * `retryUnclear: false`, so the client never resends blindly. A send that timed out or lost its
 * connection, or a row found `sending` after a crash, has an unknown outcome: after
 * `unknownCheckDelayMs` the `check` looks for it in the `oa_send_text` echoes and in Zalo's
 * conversation with the resident. Found → sent (not resent); still absent `absentAfterMs` after the
 * send started → sent again; still unknown after `maxChecks` lookups (each reading further back in the
 * conversation than the last) → `unsettled`: not resent, out of the resident's queue (later replies go
 * on), counted in `unsettled` and logged at warn, for the officials. Only a conversation API refusing
 * for good (no lookup can ever settle it) resends, counted in `resentUnknown`. A storage failure (full disk) pauses sending until the shared
 * `storage` says to try again, without counting an attempt.
 * @example const outbox = createReplyOutbox({ db, sender: createReplySender({ zalo, db, log }), check, storage, clock, log });
 */
export function createReplyOutbox({
  db,
  sender,
  clock,
  log,
  check,
  storage,
  echoes,
  options = {},
}: ReplyOutboxDeps): ReplyOutbox {
  const store = createReplyOutboxStore(db);
  const unknownCheckDelayMs = options.unknownCheckDelayMs ?? 5_000;
  const maxChecks = options.maxChecks ?? 5;
  const absentAfterMs = options.absentAfterMs ?? 30_000;
  const retryBaseMs = options.retryBaseMs ?? 30_000;
  const retryCapMs = options.retryCapMs ?? 15 * MINUTE;
  const maxAgeMs = Math.min(options.maxAgeMs ?? DAY, REPLY_WINDOW_MS);
  const retentionMs = Math.min(options.retentionMs ?? 7 * DAY, 7 * DAY);
  const concurrency = options.concurrency ?? 32;
  const purgeIntervalMs = options.purgeIntervalMs ?? HOUR;

  const queue = createKeyedQueue({
    run: step,
    onError(userId, err) {
      if (storage?.failed(err, 'reply outbox')) return { retryAt: storage.retryAt() };
      // another connection's write lock past busy_timeout: the resident's replies are tried again soon
      if (isDatabaseBusy(err)) return { retryAt: clock.now() + BUSY_RETRY_MS };
      log.error(
        { err, user: hashUserId(userId) },
        'reply outbox stopped unexpectedly for a resident; the replies stay pending',
      );
      return 'done';
    },
    concurrency,
    clock,
    pausedUntil: () => storage?.retryAt() ?? 0,
    housekeeping: { everyMs: purgeIntervalMs, run: purge },
  });

  function retryDelay(attempts: number): number {
    return Math.min(retryCapMs, retryBaseMs * 2 ** Math.max(0, attempts - 1));
  }

  function deliver(userId: string): Promise<void> {
    if (!queue.started) return Promise.resolve();
    queue.notify(userId);
    return queue.whenKeyIdle(userId);
  }

  /** Every resident with an unfinished reply, due when its oldest one is. */
  function notifyPending(): void {
    for (const head of store.pendingHeads(unknownCheckDelayMs)) queue.notify(head.userId, head.nextAttemptAt);
  }

  /** Sent but not yet recorded (the write failed on a full disk): row id → Zalo message id. */
  const unrecorded = new Map<number, { attempts: number; messageId: string | null }>();

  /** Settles or sends the resident's oldest unfinished row: `more` when the next one may go now. */
  async function step(userId: string): Promise<KeyStep> {
    const row = store.nextPending(userId);
    if (!row) return 'done';
    const done = unrecorded.get(row.id);
    if (done) {
      store.markSent(row.id, done.attempts, done.messageId, clock.now());
      unrecorded.delete(row.id);
      storage?.succeeded();
      return 'more';
    }
    const now = clock.now();
    // a send a crash interrupted: give a delivery still under way time to show up in Zalo's records
    const dueAt =
      row.status === 'sending'
        ? Math.max(row.nextAttemptAt, (row.sendingStartedAt ?? 0) + unknownCheckDelayMs)
        : row.nextAttemptAt;
    if (dueAt > now) return { retryAt: dueAt };
    const unknownSince =
      row.status === 'sending' ? (row.checkFrom ?? row.sendingStartedAt ?? row.createdAt) : row.checkFrom;
    if (unknownSince !== null) {
      const settled = await reconcile(row, unknownSince);
      if (settled !== 'resend') return settled;
    }
    if (now - row.createdAt >= maxAgeMs) {
      giveUp(
        row,
        row.attempts,
        row.attempts > 0 ? 'expired after transient failures' : 'expired before it could be sent',
      );
      return 'more';
    }
    return send(row);
  }

  /** Reconciles a row whose last send has an unknown outcome: `more` (it was sent), 'resend' (now), or when to look again. */
  async function reconcile(row: OutboxRow, since: number): Promise<KeyStep | 'resend'> {
    const fields = {
      user: hashUserId(row.userId),
      outboxId: row.id,
      inboxId: row.inboxEventId,
      attempts: row.attempts,
    };
    if (!check) {
      store.clearUnknown(row.id, true);
      log.warn(
        fields,
        'reply outcome unknown and no delivery check wired; resending it (the resident may get it twice)',
      );
      return 'resend';
    }
    const lookupAt = clock.now();
    const verdict = await check({
      userId: row.userId,
      text: row.message.text,
      since,
      knownMessageIds: store.messageIdsFor(row.userId, since - 24 * HOUR),
      fromOffset: row.checkOffset,
    });
    if (verdict.kind === 'sent') {
      store.markSent(row.id, row.attempts, verdict.messageId, clock.now());
      log.info({ ...fields, via: verdict.via }, 'reply outcome reconciled: Zalo had delivered it; not sent again');
      return 'more';
    }
    if (verdict.kind === 'not_sent' && clock.now() < since + absentAfterMs) {
      // absent so far, but Zalo may still be processing a request it received: not proof yet
      const nextAt = since + absentAfterMs;
      store.markChecked(row.id, row.checks, nextAt, 'outcome unknown: not in Zalo’s records yet', 0);
      log.info(
        { ...fields, lookAgainInMs: nextAt - clock.now() },
        'reply not in Zalo’s records yet; looking again before any resend',
      );
      return { retryAt: nextAt };
    }
    if (verdict.kind === 'not_sent') {
      store.clearUnknown(row.id, false);
      log.info(fields, 'reply outcome reconciled: Zalo has no such message; sending it again');
      return 'resend';
    }
    return stillUnknown(row, verdict, fields, lookupAt >= since + absentAfterMs);
  }

  /**
   * A lookup that settled nothing. Looked again later (going on from where it stopped, when it ran
   * after the send could still appear: `resumable`); after `maxChecks` the row ends `unsettled`, not
   * resent. Only a conversation API refusing for good resends it (no lookup will ever settle it).
   */
  function stillUnknown(
    row: OutboxRow,
    verdict: Extract<ReplyVerdict, { kind: 'unsettled' }>,
    fields: Record<string, unknown>,
    resumable: boolean,
  ): KeyStep | 'resend' {
    const checks = row.checks + 1;
    const error = `outcome unknown: ${verdict.why}${verdict.code ? ` (${verdict.code})` : ''}`;
    const logged = { ...fields, checks, why: verdict.why, code: verdict.code };
    if (verdict.permanent) {
      store.clearUnknown(row.id, true);
      log.warn(
        logged,
        'reply outcome unknown: Zalo refuses the conversation lookup (grant the app the OA conversation permission); resending it, the resident may get it twice',
      );
      return 'resend';
    }
    if (checks >= maxChecks) {
      store.markUnsettled(row.id, checks, error);
      log.warn(
        logged,
        'reply outcome still unknown after the lookups; not resent (no duplicate), kept as unsettled for the officials; the resident’s later replies go on',
      );
      return 'more';
    }
    const nextAt = clock.now() + unknownCheckDelayMs * 2 ** checks;
    const offset = resumable && verdict.readTo !== undefined ? verdict.readTo : row.checkOffset;
    store.markChecked(row.id, checks, nextAt, error, offset);
    return { retryAt: nextAt };
  }

  /** One attempt: `more` when the row is finished (sent or failed) and the next one may go. */
  async function send(row: OutboxRow): Promise<KeyStep> {
    const attempts = row.attempts + 1;
    const fields = { user: hashUserId(row.userId), outboxId: row.id, inboxId: row.inboxEventId, attempts };
    const startedAt = clock.now();
    store.markSending(row.id, startedAt);
    storage?.succeeded();
    let messageId: string | null;
    try {
      messageId = await sender.deliver(row.userId, row.message);
    } catch (err) {
      const zaloError = err instanceof ZaloApiError ? err : undefined;
      const error = describeFailure(err);
      const logged = {
        ...fields,
        code: zaloError?.failureCode,
        hint: err instanceof AppError ? err.hint : undefined,
        err: zaloError ? undefined : err,
      };
      // a bug thrown after the call may hide a delivery too: only a refusal before any request is certain
      const unknownOutcome = zaloError ? zaloError.outcomeUnknown : !(err instanceof AppError);
      if (unknownOutcome) {
        const checkAt = clock.now() + unknownCheckDelayMs;
        store.markUnknown(row.id, startedAt, checkAt, error);
        log.warn(
          { ...logged, checkInMs: checkAt - clock.now() },
          'reply outcome unknown (Zalo may have delivered it); checking Zalo before any resend',
        );
        return { retryAt: checkAt };
      }
      if (!isTransientReplyFailure(err)) {
        store.markFailed(row.id, attempts, error);
        log.error(logged, zaloError ? `reply not sent: ${zaloError.message}` : 'reply not sent');
        return 'more';
      }
      const nextAttemptAt = clock.now() + retryDelay(attempts);
      if (nextAttemptAt - row.createdAt >= maxAgeMs) {
        giveUp(row, attempts, error, logged);
        return 'more';
      }
      store.markRetry(row.id, attempts, nextAttemptAt, error);
      log.warn(
        { ...logged, retryInMs: nextAttemptAt - clock.now() },
        'reply not sent yet; kept in the outbox, will retry',
      );
      return { retryAt: nextAttemptAt };
    }
    // delivered: if this write fails (full disk) the id is kept in memory and written when storage is back
    unrecorded.set(row.id, { attempts, messageId });
    store.markSent(row.id, attempts, messageId, clock.now());
    unrecorded.delete(row.id);
    if (attempts > 1) log.info(fields, 'held reply sent');
    return 'more';
  }

  function giveUp(row: OutboxRow, attempts: number, error: string, logged: Record<string, unknown> = {}): void {
    store.markFailed(row.id, attempts, error);
    const fields = { user: hashUserId(row.userId), outboxId: row.id, inboxId: row.inboxEventId, attempts, ...logged };
    log.error(
      { ...fields, ageMs: clock.now() - row.createdAt },
      'reply not sent: gave up after the max age; see reply_outbox.last_error and the hint; the resident must write again',
    );
  }

  function purge(): void {
    try {
      const deleted = store.purge(clock.now() - retentionMs);
      const echoesDeleted = echoes?.purge(clock.now() - REPLY_WINDOW_MS) ?? 0;
      if (deleted || echoesDeleted) log.info({ deleted, echoesDeleted }, 'reply outbox purged (retention)');
    } catch (err) {
      if (!storage?.failed(err, 'reply outbox purge'))
        log.error({ err }, 'reply outbox purge failed; retried at the next run');
    }
  }

  return {
    enqueue(userId, inboxEventId, messages) {
      const parts = messages.flatMap((message) => {
        const texts = splitText(message.text, ZALO_TEXT_LIMIT);
        return texts.map((text, i) =>
          i === texts.length - 1 && message.buttons?.length ? { text, buttons: message.buttons } : { text },
        );
      });
      if (parts.length) store.enqueue(userId, inboxEventId, parts, clock.now());
    },
    hasRepliesFor: (inboxEventId) => store.hasRepliesFor(inboxEventId),
    deliver,
    start() {
      if (queue.started) return;
      notifyPending();
      const { pending } = store.stats();
      if (pending > 0) log.info({ pending }, 'resuming pending replies from the outbox');
      queue.start();
    },
    whenIdle() {
      if (!queue.started) return Promise.resolve();
      // also picks up rows written behind the outbox's back (tests); never on the hot path
      notifyPending();
      return queue.whenIdle();
    },
    async stop(deadlineMs) {
      const finished = await queue.stop(deadlineMs);
      if (!finished)
        log.warn({ running: queue.stats().running }, 'reply outbox stop deadline reached; unsent replies stay pending');
      return finished;
    },
    purge,
    stats: () => store.stats(),
  };
}

/** `last_error` of a row: Zalo's short code and message, or the error's name and message. */
function describeFailure(err: unknown): string {
  if (err instanceof ZaloApiError) return `${err.failureCode}: ${err.message}`;
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
