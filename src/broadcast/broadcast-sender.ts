import type { TFunction } from '../i18n/create-i18n.js';
import type { Db } from '../storage/open-database.js';
import { storageProblemOf } from '../storage/storage-health.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { ZaloApi } from '../zalo/zalo-api.js';
import { SYSTEM_ACTOR, type AuditLog } from './audit-log.js';
import type { BroadcastRun, Delivery } from './broadcast-types.js';
import { checkGroupHistory, type HistoryVerdict } from './check-group-history.js';
import { classifySendError } from './classify-send-error.js';
import { exhaustedReason, failureReason, unknownReason } from './delivery-reason.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import type { RunStore } from './run-store.js';

export interface SenderOptions {
  /** Sends in flight per run; the client's rate limiter still paces the calls. */
  concurrency: number;
  /** Send attempts per delivery (each already retried by the client) before it is given up. */
  maxAttempts: number;
  /** Delay before the 2nd attempt, doubled per attempt up to `retryCapMs`. */
  retryBaseMs: number;
  retryCapMs: number;
  /** History is searched from this long before the send started (clock skew with Zalo). */
  historySkewMs: number;
}

export interface BroadcastSender {
  /** Sends every due pending delivery, run by run; resolves when none is left due. Concurrent calls share one drain. */
  drain(): Promise<void>;
  /**
   * Settles deliveries a stopped process left in `sending`, from each group's history: found → sent,
   * provably absent → pending again, otherwise `unknown` and flagged for an official (never resent
   * automatically). Call once at start, before the first drain.
   */
  reconcileInterrupted(): Promise<void>;
  /** Claims nothing more; resolves when the sends in flight have settled (graceful shutdown). */
  stop(): Promise<void>;
}

/**
 * The delivery engine. Each delivery is claimed (`sending`, committed) before its HTTP call, so a
 * crash leaves evidence instead of a silent resend; outcomes are written one row at a time.
 */
export function createBroadcastSender(deps: {
  db: Db;
  zalo: ZaloApi;
  clock: Clock;
  log: Logger;
  runs: RunStore;
  audit: AuditLog;
  t: TFunction;
  options: SenderOptions;
}): BroadcastSender {
  const { db, zalo, clock, log, runs, audit, t, options } = deps;
  let draining: Promise<void> | null = null;
  let stopped = false;

  const backoff = (attempt: number, waitForNextMinute: boolean): number => {
    const now = clock.now();
    const delay = Math.min(options.retryCapMs, options.retryBaseMs * 2 ** Math.max(0, attempt - 1));
    const nextMinute = waitForNextMinute ? 60_000 - (now % 60_000) : 0;
    return now + Math.max(delay, nextMinute);
  };

  const history = (d: Delivery, run: BroadcastRun | null, from: number): Promise<HistoryVerdict> =>
    checkGroupHistory(
      zalo,
      d.groupId,
      { text: run?.text ?? '', imageUrl: run?.imageUrl ?? null },
      from - options.historySkewMs,
      {
        knownMessageIds: runs.messageIdsForGroup(d.groupId, from - options.historySkewMs),
      },
    );

  const flagUnknown = (d: Delivery, why: 'history_unavailable' | 'ambiguous' | 'history_incomplete'): void => {
    db.transaction(() => {
      runs.markUnknown(d.id, unknownReason(t, why), clock.now());
      audit.record({
        actor: SYSTEM_ACTOR,
        action: 'delivery.unknown',
        runId: d.runId,
        groupId: d.groupId,
        details: { deliveryId: d.id, why },
      });
    })();
    log.error(
      { runId: d.runId, deliveryId: d.id, groupId: d.groupId, why },
      'broadcast delivery outcome unknown: an official must check the group before resending',
    );
  };

  const process = async (id: number): Promise<void> => {
    if (stopped) return;
    const d = runs.claim(id, clock.now());
    if (!d) return;
    const run = runs.getRun(d.runId)!;
    const text = run.text ?? '';
    if (d.checkHistoryFrom !== null) {
      const verdict = await history(d, run, d.checkHistoryFrom);
      if (verdict.kind === 'sent') return runs.markSent(d.id, verdict.messageId, clock.now());
      if (verdict.kind === 'unsettled') {
        if (d.attempts > options.maxAttempts) return flagUnknown(d, verdict.why);
        return runs.requeue(d.id, backoff(d.attempts, false), d.errorCode, d.reason, d.checkHistoryFrom, clock.now());
      }
      if (d.attempts > options.maxAttempts) {
        return runs.markFailed(
          d.id,
          d.errorCode ?? 'unknown',
          exhaustedReason(t, d.errorCode ?? 'unknown', d.attempts - 1),
          clock.now(),
        );
      }
    }
    try {
      const sent = await zalo.sendGroupMessage(d.groupId, run.imageUrl ? { text, imageUrl: run.imageUrl } : { text }, {
        purpose: 'broadcast',
        ref: `broadcast-delivery:${d.id}`,
      });
      runs.markSent(d.id, sent.messageId, clock.now());
    } catch (err) {
      const failure = classifySendError(err);
      const now = clock.now();
      const reason = failureReason(t, failure.code);
      if (failure.kind === 'permanent') {
        runs.markFailed(d.id, failure.code, reason, now);
      } else if (failure.kind === 'ambiguous') {
        // May have landed: the next pass checks history first, and only sends while attempts remain.
        runs.requeue(
          d.id,
          backoff(d.attempts, false),
          failure.code,
          reason,
          d.checkHistoryFrom ?? d.sendingStartedAt,
          now,
        );
      } else if (d.attempts < options.maxAttempts) {
        runs.requeue(
          d.id,
          backoff(d.attempts, failure.waitForNextMinute),
          failure.code,
          reason,
          d.checkHistoryFrom,
          now,
        );
      } else {
        runs.markFailed(d.id, failure.code, exhaustedReason(t, failure.code, d.attempts), now);
      }
      log.warn(
        {
          runId: d.runId,
          deliveryId: d.id,
          groupId: d.groupId,
          code: failure.code,
          outcome: failure.kind,
          attempt: d.attempts,
        },
        'broadcast send failed',
      );
    }
  };

  const drainOnce = async (): Promise<void> => {
    while (!stopped) {
      const runIds = runs.runsWithDueDeliveries(clock.now());
      if (runIds.length === 0) return;
      for (const runId of runIds) {
        const ids = runs.dueDeliveryIds(runId, clock.now());
        let settled = 0;
        await mapWithConcurrency(ids, options.concurrency, async (id) => {
          try {
            await process(id);
          } catch (err) {
            // a full disk: stop here, the scheduler reports it and skips ticks until writes work again
            if (storageProblemOf(err)) throw err;
            log.error(
              { err, runId, deliveryId: id },
              'broadcast delivery crashed; it stays in sending and is reconciled on restart',
            );
          }
          if (++settled % 50 === 0) log.info({ runId, ...runs.counts(runId) }, 'broadcast progress');
        });
        if (runs.finishIfComplete(runId, clock.now()))
          log.info({ runId, ...runs.counts(runId) }, 'broadcast run finished');
      }
    }
  };

  return {
    async stop() {
      stopped = true;
      await draining;
    },
    drain() {
      draining ??= drainOnce().finally(() => {
        draining = null;
      });
      return draining;
    },
    async reconcileInterrupted() {
      for (const d of runs.interrupted()) {
        const from = d.checkHistoryFrom ?? d.sendingStartedAt ?? d.updatedAt;
        const verdict = await history(d, runs.getRun(d.runId), from);
        const now = clock.now();
        if (verdict.kind === 'sent') {
          db.transaction(() => {
            runs.markSent(d.id, verdict.messageId, now);
            audit.record({
              actor: SYSTEM_ACTOR,
              action: 'delivery.reconciled',
              runId: d.runId,
              groupId: d.groupId,
              details: { deliveryId: d.id, outcome: 'sent' },
            });
          })();
        } else if (verdict.kind === 'not_sent') {
          runs.requeue(d.id, now, d.errorCode, d.reason, null, now);
        } else {
          flagUnknown(d, verdict.why);
        }
        runs.finishIfComplete(d.runId, now);
      }
    },
  };
}
