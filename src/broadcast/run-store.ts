import type { Statement } from 'better-sqlite3';
import type { Db } from '../storage/open-database.js';
import { localDaySql, localMonthSql, type StatsRange } from '../storage/stats-range.js';
import type { BroadcastRun, Delivery, DeliveryCounts, DeliveryStatus, RunStatus } from './broadcast-types.js';

/** A target to write as a delivery when a run starts: pending, or skipped with its reason. */
export interface DeliveryTarget {
  groupId: string;
  groupName: string;
  skip: { code: string; reason: string } | null;
}

/** Counts over the deliveries of the runs started in a range (by the run's start). */
export interface BroadcastStats {
  runs: number;
  deliveries: Record<'sent' | 'failed' | 'unknown' | 'skipped' | 'pending' | 'sending', number>;
  /** local month × group → deliveries sent and failed (unknown counts as failed) */
  byMonthGroup: Array<{ month: string; groupId: string; groupName: string; sent: number; failed: number }>;
  /** local day 'YYYY-MM-DD' → deliveries sent and failed (unknown counts as failed) */
  byDay: Array<{ day: string; sent: number; failed: number }>;
}

export interface RunStore {
  /** Inserts the run for one occurrence unless it exists (unique campaign × due). True when created. */
  createRun(
    run: { campaignId: number; dueAt: number; releaseAt: number; status: 'scheduled' | 'missed' },
    now: number,
  ): boolean;
  getRun(id: number): BroadcastRun | null;
  listRuns(campaignId: number): BroadcastRun[];
  /** Each campaign's latest run that has started or finished (not a run still waiting for its time). */
  latestRuns(): Map<number, BroadcastRun>;
  /** Scheduled runs of approved campaigns whose release time has come. */
  releasableRuns(now: number): BroadcastRun[];
  hasOpenRuns(campaignId: number): boolean;
  /** One transaction: every target's delivery row, the content snapshot, run → sending. */
  startRun(
    runId: number,
    content: { text: string; imageUrl: string | null },
    targets: readonly DeliveryTarget[],
    now: number,
  ): void;
  setRunStatus(runId: number, status: RunStatus, now: number): void;
  /** Runs that are sending, oldest first, with a pending delivery due and their campaign not paused or cancelled. */
  runsWithDueDeliveries(now: number): number[];
  dueDeliveryIds(runId: number, now: number): number[];
  /** pending → sending, committed; false when the delivery is no longer claimable (taken, paused, cancelled). */
  claim(id: number, now: number): Delivery | null;
  markSent(id: number, messageId: string, now: number): void;
  markFailed(id: number, errorCode: string, reason: string, now: number): void;
  /** Back to pending for a later attempt; `checkHistoryFrom` when the last attempt may have landed. */
  requeue(
    id: number,
    nextAttemptAt: number,
    errorCode: string | null,
    reason: string | null,
    checkHistoryFrom: number | null,
    now: number,
  ): void;
  markUnknown(id: number, reason: string, now: number): void;
  /** Message ids already recorded for a group since `sinceMs` (they belong to other deliveries). */
  messageIdsForGroup(groupId: string, sinceMs: number): Set<string>;
  /**
   * An official settles an `unknown` delivery: `sent` / `failed` close it with `reason`; `pending`
   * queues a fresh resend (attempts reset) and reopens the run. False when it is not `unknown`.
   */
  resolveUnknown(id: number, status: 'sent' | 'failed' | 'pending', reason: string | null, now: number): boolean;
  /**
   * Queues the run's `failed` deliveries for one more send (attempts reset, due now) and reopens the
   * run, in one transaction; the sender checks each group's history from its last attempt before
   * sending (`check_history_from`), as for any send whose outcome was unclear. Only rows still
   * `failed` change, so a second call finds nothing to queue. Returns the groups queued.
   */
  resendFailed(runId: number, now: number): { groupId: string; groupName: string }[];
  /** The latest time a pending delivery of the run is due (retry back-off), or null. */
  lastPendingAttemptAt(runId: number): number | null;
  /** Deliveries left in `sending` by a stopped process. */
  interrupted(): Delivery[];
  getDelivery(id: number): Delivery | null;
  deliveries(runId: number): Delivery[];
  counts(runId: number): DeliveryCounts;
  /** A run with nothing pending or sending left → done. */
  finishIfComplete(runId: number, now: number): boolean;
  /** On cancel: scheduled runs → cancelled; pending deliveries of sending runs → skipped with `reason`. */
  cancelCampaignRuns(campaignId: number, reason: string, now: number): void;
  /** Delivery counts of the runs started in `range`, by status, day and month × group. */
  deliveryStats(range: StatsRange): BroadcastStats;
  /** The campaigns with a run due or started in [from, to) (the console's date filter). */
  campaignsWithRunsBetween(from: number, to: number): Set<number>;
}

/** SQL for runs and deliveries. Every state change is one statement or one transaction. */
export function createRunStore(db: Db): RunStore {
  // The sender runs these per delivery: prepare each statement once.
  const statements = new Map<string, Statement>();
  const sql = (text: string): Statement => {
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  };
  const getDelivery = (id: number): Delivery | null => {
    const row = sql('SELECT * FROM broadcast_deliveries WHERE id = ?').get(id) as DeliveryRow | undefined;
    return row ? toDelivery(row) : null;
  };
  const insertDelivery = sql(
    `INSERT OR IGNORE INTO broadcast_deliveries (run_id, group_id, group_name, status, next_attempt_at, error_code, reason, updated_at)
     VALUES (@runId, @groupId, @groupName, @status, @now, @code, @reason, @now)`,
  );
  const finishIfComplete = (runId: number, now: number): boolean =>
    sql(
      `UPDATE broadcast_runs SET status = 'done', finished_at = ? WHERE id = ? AND status = 'sending'
         AND NOT EXISTS (SELECT 1 FROM broadcast_deliveries WHERE run_id = ? AND status IN ('pending', 'sending'))`,
    ).run(now, runId, runId).changes === 1;

  return {
    createRun({ campaignId, dueAt, releaseAt, status }, now) {
      return (
        sql(
          `INSERT OR IGNORE INTO broadcast_runs (campaign_id, due_at, release_at, status, created_at, finished_at)
             VALUES (?, ?, ?, ?, ?, ?)`,
        ).run(campaignId, dueAt, releaseAt, status, now, status === 'missed' ? now : null).changes === 1
      );
    },
    getRun(id) {
      const row = sql('SELECT * FROM broadcast_runs WHERE id = ?').get(id) as RunRow | undefined;
      return row ? toRun(row) : null;
    },
    listRuns(campaignId) {
      return (
        sql('SELECT * FROM broadcast_runs WHERE campaign_id = ? ORDER BY due_at DESC').all(campaignId) as RunRow[]
      ).map(toRun);
    },
    latestRuns() {
      const rows = sql(
        `SELECT r.* FROM broadcast_runs r WHERE r.id = (
           SELECT x.id FROM broadcast_runs x WHERE x.campaign_id = r.campaign_id AND x.status <> 'scheduled'
           ORDER BY x.due_at DESC, x.id DESC LIMIT 1)`,
      ).all() as RunRow[];
      return new Map(rows.map((r) => [r.campaign_id, toRun(r)]));
    },
    releasableRuns(now) {
      return (
        sql(
          `SELECT r.* FROM broadcast_runs r JOIN broadcast_campaigns c ON c.id = r.campaign_id
             WHERE r.status = 'scheduled' AND r.release_at <= ? AND c.status = 'approved' ORDER BY r.release_at, r.id`,
        ).all(now) as RunRow[]
      ).map(toRun);
    },
    hasOpenRuns(campaignId) {
      return (
        sql(`SELECT 1 FROM broadcast_runs WHERE campaign_id = ? AND status IN ('scheduled', 'sending') LIMIT 1`).get(
          campaignId,
        ) !== undefined
      );
    },
    startRun(runId, content, targets, now) {
      db.transaction(() => {
        const started = sql(
          `UPDATE broadcast_runs SET status = 'sending', text = ?, image_url = ?, started_at = ? WHERE id = ? AND status = 'scheduled'`,
        ).run(content.text, content.imageUrl, now, runId);
        if (started.changes !== 1) return;
        for (const t of targets) {
          insertDelivery.run({
            runId,
            groupId: t.groupId,
            groupName: t.groupName,
            status: t.skip ? 'skipped' : 'pending',
            code: t.skip?.code ?? null,
            reason: t.skip?.reason ?? null,
            now,
          });
        }
        finishIfComplete(runId, now);
      })();
    },
    setRunStatus(runId, status, now) {
      sql('UPDATE broadcast_runs SET status = ?, finished_at = ? WHERE id = ?').run(status, now, runId);
    },
    runsWithDueDeliveries(now) {
      return (
        sql(
          `SELECT DISTINCT r.id FROM broadcast_runs r JOIN broadcast_campaigns c ON c.id = r.campaign_id
             JOIN broadcast_deliveries d ON d.run_id = r.id
             WHERE r.status = 'sending' AND c.status NOT IN ('paused', 'cancelled') AND d.status = 'pending' AND d.next_attempt_at <= ?
             ORDER BY r.release_at, r.id`,
        ).all(now) as { id: number }[]
      ).map((r) => r.id);
    },
    dueDeliveryIds(runId, now) {
      return (
        sql(
          `SELECT id FROM broadcast_deliveries WHERE run_id = ? AND status = 'pending' AND next_attempt_at <= ? ORDER BY id`,
        ).all(runId, now) as { id: number }[]
      ).map((r) => r.id);
    },
    claim(id, now) {
      const changed = sql(
        `UPDATE broadcast_deliveries SET status = 'sending', attempts = attempts + 1, sending_started_at = ?, updated_at = ?
           WHERE id = ? AND status = 'pending' AND EXISTS (
             SELECT 1 FROM broadcast_runs r JOIN broadcast_campaigns c ON c.id = r.campaign_id
             WHERE r.id = broadcast_deliveries.run_id AND r.status = 'sending' AND c.status NOT IN ('paused', 'cancelled'))`,
      ).run(now, now, id).changes;
      return changed === 1 ? getDelivery(id) : null;
    },
    markSent(id, messageId, now) {
      sql(
        `UPDATE broadcast_deliveries SET status = 'sent', message_id = ?, sent_at = ?, error_code = NULL, reason = NULL,
         needs_attention = 0, updated_at = ? WHERE id = ?`,
      ).run(messageId, now, now, id);
    },
    markFailed(id, errorCode, reason, now) {
      sql(
        `UPDATE broadcast_deliveries SET status = 'failed', error_code = ?, reason = ?, updated_at = ? WHERE id = ?`,
      ).run(errorCode, reason, now, id);
    },
    requeue(id, nextAttemptAt, errorCode, reason, checkHistoryFrom, now) {
      sql(
        `UPDATE broadcast_deliveries SET status = 'pending', next_attempt_at = ?, error_code = ?, reason = ?,
         check_history_from = ?, updated_at = ? WHERE id = ?`,
      ).run(nextAttemptAt, errorCode, reason, checkHistoryFrom, now, id);
    },
    markUnknown(id, reason, now) {
      sql(
        `UPDATE broadcast_deliveries SET status = 'unknown', reason = ?, needs_attention = 1, updated_at = ? WHERE id = ?`,
      ).run(reason, now, id);
    },
    messageIdsForGroup(groupId, sinceMs) {
      const rows = sql(
        `SELECT message_id FROM broadcast_deliveries WHERE group_id = ? AND message_id IS NOT NULL AND sent_at >= ?`,
      ).all(groupId, sinceMs) as { message_id: string }[];
      return new Set(rows.map((r) => r.message_id));
    },
    resolveUnknown(id, status, reason, now) {
      return db.transaction(() => {
        const changed = sql(
          `UPDATE broadcast_deliveries SET status = @status, reason = @reason, needs_attention = 0, check_history_from = NULL,
             attempts = CASE WHEN @status = 'pending' THEN 0 ELSE attempts END, next_attempt_at = @now,
             sent_at = CASE WHEN @status = 'sent' THEN @now ELSE sent_at END, updated_at = @now
             WHERE id = @id AND status = 'unknown'`,
        ).run({ id, status, reason, now }).changes;
        if (changed === 1 && status === 'pending') {
          sql(
            `UPDATE broadcast_runs SET status = 'sending', finished_at = NULL WHERE id = (SELECT run_id FROM broadcast_deliveries WHERE id = ?)`,
          ).run(id);
        }
        return changed === 1;
      })();
    },
    resendFailed(runId, now) {
      return db.transaction(() => {
        const queued = sql(
          `UPDATE broadcast_deliveries SET status = 'pending', attempts = 0, next_attempt_at = @now, needs_attention = 0,
             check_history_from = COALESCE(check_history_from, sending_started_at), updated_at = @now
             WHERE run_id = @runId AND status = 'failed' RETURNING group_id, group_name`,
        ).all({ runId, now }) as { group_id: string; group_name: string }[];
        if (queued.length > 0) {
          sql(`UPDATE broadcast_runs SET status = 'sending', finished_at = NULL WHERE id = ?`).run(runId);
        }
        return queued.map((r) => ({ groupId: r.group_id, groupName: r.group_name }));
      })();
    },
    lastPendingAttemptAt(runId) {
      const row = sql(
        `SELECT max(next_attempt_at) AS at FROM broadcast_deliveries WHERE run_id = ? AND status = 'pending'`,
      ).get(runId) as { at: number | null };
      return row.at;
    },
    interrupted() {
      return (
        sql(`SELECT * FROM broadcast_deliveries WHERE status = 'sending' ORDER BY id`).all() as DeliveryRow[]
      ).map(toDelivery);
    },
    getDelivery,
    deliveries(runId) {
      return (
        sql('SELECT * FROM broadcast_deliveries WHERE run_id = ? ORDER BY group_name, group_id').all(
          runId,
        ) as DeliveryRow[]
      ).map(toDelivery);
    },
    counts(runId) {
      const counts: DeliveryCounts = { pending: 0, sending: 0, sent: 0, failed: 0, unknown: 0, skipped: 0, total: 0 };
      const rows = sql('SELECT status, count(*) AS n FROM broadcast_deliveries WHERE run_id = ? GROUP BY status').all(
        runId,
      ) as {
        status: DeliveryStatus;
        n: number;
      }[];
      for (const r of rows) {
        counts[r.status] = r.n;
        counts.total += r.n;
      }
      return counts;
    },
    deliveryStats: (range) => deliveryStats(db, range),
    campaignsWithRunsBetween(from, to) {
      const rows = sql(
        `SELECT DISTINCT campaign_id AS id FROM broadcast_runs
         WHERE coalesce(started_at, release_at) >= ? AND coalesce(started_at, release_at) < ?`,
      ).all(from, to) as { id: number }[];
      return new Set(rows.map((r) => r.id));
    },
    finishIfComplete,
    cancelCampaignRuns(campaignId, reason, now) {
      db.transaction(() => {
        sql(
          `UPDATE broadcast_runs SET status = 'cancelled', finished_at = ? WHERE campaign_id = ? AND status = 'scheduled'`,
        ).run(now, campaignId);
        sql(
          `UPDATE broadcast_deliveries SET status = 'skipped', error_code = 'cancelled', reason = ?, updated_at = ?
           WHERE status = 'pending' AND run_id IN (SELECT id FROM broadcast_runs WHERE campaign_id = ? AND status = 'sending')`,
        ).run(reason, now, campaignId);
        const sending = sql(`SELECT id FROM broadcast_runs WHERE campaign_id = ? AND status = 'sending'`).all(
          campaignId,
        ) as { id: number }[];
        for (const r of sending) finishIfComplete(r.id, now);
      })();
    },
  };
}

interface RunRow {
  id: number;
  campaign_id: number;
  due_at: number;
  release_at: number;
  status: RunStatus;
  text: string | null;
  image_url: string | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
}

function toRun(r: RunRow): BroadcastRun {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    dueAt: r.due_at,
    releaseAt: r.release_at,
    status: r.status,
    text: r.text,
    imageUrl: r.image_url,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

interface DeliveryRow {
  id: number;
  run_id: number;
  group_id: string;
  group_name: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number;
  sending_started_at: number | null;
  check_history_from: number | null;
  message_id: string | null;
  error_code: string | null;
  reason: string | null;
  needs_attention: number;
  sent_at: number | null;
  updated_at: number;
}

function toDelivery(r: DeliveryRow): Delivery {
  return {
    id: r.id,
    runId: r.run_id,
    groupId: r.group_id,
    groupName: r.group_name,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    sendingStartedAt: r.sending_started_at,
    checkHistoryFrom: r.check_history_from,
    messageId: r.message_id,
    errorCode: r.error_code,
    reason: r.reason,
    needsAttention: r.needs_attention === 1,
    sentAt: r.sent_at,
    updatedAt: r.updated_at,
  };
}

function deliveryStats(db: Db, r: StatsRange): BroadcastStats {
  const runs = (
    db.prepare(`SELECT COUNT(*) AS n FROM broadcast_runs WHERE started_at >= @from AND started_at < @to`).get(r) as {
      n: number;
    }
  ).n;
  const joined = `FROM broadcast_deliveries d JOIN broadcast_runs r ON r.id = d.run_id
     WHERE r.started_at >= @from AND r.started_at < @to`;
  const deliveries = { sent: 0, failed: 0, unknown: 0, skipped: 0, pending: 0, sending: 0 };
  const rows = db.prepare(`SELECT d.status, COUNT(*) AS n ${joined} GROUP BY d.status`).all(r) as {
    status: keyof typeof deliveries;
    n: number;
  }[];
  for (const x of rows) deliveries[x.status] = x.n;
  const counted = `SUM(d.status = 'sent') AS sent, SUM(d.status IN ('failed', 'unknown')) AS failed`;
  const byMonthGroup = db
    .prepare(
      `SELECT ${localMonthSql('r.started_at')} AS month, d.group_id AS groupId, MAX(d.group_name) AS groupName, ${counted}
       ${joined} AND d.status <> 'skipped' GROUP BY month, d.group_id ORDER BY groupName, d.group_id, month`,
    )
    .all(r) as BroadcastStats['byMonthGroup'];
  const byDay = db
    .prepare(
      `SELECT ${localDaySql('r.started_at')} AS day, ${counted} ${joined} AND d.status <> 'skipped'
       GROUP BY day ORDER BY day`,
    )
    .all(r) as BroadcastStats['byDay'];
  return { runs, deliveries, byMonthGroup, byDay };
}
