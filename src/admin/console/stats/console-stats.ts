import type { Db } from '../../../storage/open-database.js';

/** A half-open time range [from, to) in epoch ms, and the zone's UTC offset used to bucket days. */
export interface StatsRange {
  from: number;
  to: number;
  /** UTC offset of the time zone in ms (Asia/Ho_Chi_Minh: +7 h all year, no DST) */
  offsetMs: number;
}

export interface QuestionStats {
  total: number;
  byOutcome: Record<string, number>;
  /** local day 'YYYY-MM-DD' → questions */
  byDay: Array<{ day: string; count: number }>;
  /** local day × outcome → questions (the dashboard's stacked chart) */
  byDayOutcome: Array<{ day: string; outcome: string; count: number }>;
  /** FAQ node answered or best suggested → questions (topic roll-up is done with the live tree) */
  byNode: Array<{ nodeId: string; count: number }>;
}

export interface HandoffStats {
  opened: number;
  answered: number;
  closed: number;
  openNow: number;
  /** median time from the request to the first official reply, over the answered ones (null: none) */
  medianResponseMs: number | null;
  /** local month 'YYYY-MM' → opened / answered */
  byMonth: Array<{ month: string; opened: number; answered: number }>;
}

export interface BroadcastStats {
  runs: number;
  deliveries: Record<'sent' | 'failed' | 'unknown' | 'skipped' | 'pending' | 'sending', number>;
  /** local month × group → deliveries sent */
  byMonthGroup: Array<{ month: string; groupId: string; groupName: string; sent: number; failed: number }>;
}

export type ConsoleStats = ReturnType<typeof createConsoleStats>;

/**
 * Read-only aggregates over the question log, the hand-off queue and broadcast deliveries for the
 * dashboard and the yearly report. Days and months are bucketed with a fixed UTC offset (exact for
 * zones without DST, such as Asia/Ho_Chi_Minh). Counts survive the retention purge of texts.
 */
export function createConsoleStats(db: Db) {
  const dayExpr = (col: string) => `strftime('%Y-%m-%d', (${col} + @offsetMs) / 1000, 'unixepoch')`;
  const monthExpr = (col: string) => `strftime('%Y-%m', (${col} + @offsetMs) / 1000, 'unixepoch')`;
  return {
    questions(r: StatsRange): QuestionStats {
      const where = 'FROM questions WHERE created_at >= @from AND created_at < @to';
      const byOutcome = Object.fromEntries(
        (
          db.prepare(`SELECT outcome, COUNT(*) AS n ${where} GROUP BY outcome`).all(r) as {
            outcome: string;
            n: number;
          }[]
        ).map((x) => [x.outcome, x.n]),
      );
      const byDay = db
        .prepare(`SELECT ${dayExpr('created_at')} AS day, COUNT(*) AS count ${where} GROUP BY day ORDER BY day`)
        .all(r) as QuestionStats['byDay'];
      const byDayOutcome = db
        .prepare(
          `SELECT ${dayExpr('created_at')} AS day, outcome, COUNT(*) AS count ${where} GROUP BY day, outcome ORDER BY day`,
        )
        .all(r) as QuestionStats['byDayOutcome'];
      const byNode = db
        .prepare(
          `SELECT coalesce(node_id, json_extract(candidates, '$[0].id')) AS nodeId, COUNT(*) AS count ${where}
           AND outcome <> 'smalltalk' AND coalesce(node_id, json_extract(candidates, '$[0].id')) IS NOT NULL
           GROUP BY nodeId ORDER BY count DESC`,
        )
        .all(r) as QuestionStats['byNode'];
      return { total: Object.values(byOutcome).reduce((a, b) => a + b, 0), byOutcome, byDay, byDayOutcome, byNode };
    },
    handoffs(r: StatsRange): HandoffStats {
      const row = db
        .prepare(
          `SELECT COUNT(*) AS opened, SUM(status = 'answered') AS answered, SUM(status = 'closed') AS closed
           FROM handoffs WHERE created_at >= @from AND created_at < @to`,
        )
        .get(r) as { opened: number; answered: number | null; closed: number | null };
      const openNow = (db.prepare(`SELECT COUNT(*) AS n FROM handoffs WHERE status = 'open'`).get() as { n: number }).n;
      const byMonth = db
        .prepare(
          `SELECT ${monthExpr('created_at')} AS month, COUNT(*) AS opened, SUM(status = 'answered') AS answered
           FROM handoffs WHERE created_at >= @from AND created_at < @to GROUP BY month ORDER BY month`,
        )
        .all(r) as HandoffStats['byMonth'];
      const waits = (
        db
          .prepare(
            `SELECT answered_at - created_at AS ms FROM handoffs
             WHERE created_at >= @from AND created_at < @to AND answered_at IS NOT NULL ORDER BY ms`,
          )
          .all(r) as { ms: number }[]
      ).map((x) => x.ms);
      const medianResponseMs = median(waits);
      const counts = { opened: row.opened, answered: row.answered ?? 0, closed: row.closed ?? 0 };
      return { ...counts, openNow, medianResponseMs, byMonth };
    },
    broadcasts(r: StatsRange): BroadcastStats {
      const runs = (
        db
          .prepare(`SELECT COUNT(*) AS n FROM broadcast_runs WHERE started_at >= @from AND started_at < @to`)
          .get(r) as { n: number }
      ).n;
      const deliveries = { sent: 0, failed: 0, unknown: 0, skipped: 0, pending: 0, sending: 0 };
      const rows = db
        .prepare(
          `SELECT d.status, COUNT(*) AS n FROM broadcast_deliveries d JOIN broadcast_runs r ON r.id = d.run_id
           WHERE r.started_at >= @from AND r.started_at < @to GROUP BY d.status`,
        )
        .all(r) as { status: keyof typeof deliveries; n: number }[];
      for (const x of rows) deliveries[x.status] = x.n;
      const byMonthGroup = db
        .prepare(
          `SELECT ${monthExpr('r.started_at')} AS month, d.group_id AS groupId, MAX(d.group_name) AS groupName,
             SUM(d.status = 'sent') AS sent, SUM(d.status IN ('failed', 'unknown')) AS failed
           FROM broadcast_deliveries d JOIN broadcast_runs r ON r.id = d.run_id
           WHERE r.started_at >= @from AND r.started_at < @to AND d.status <> 'skipped'
           GROUP BY month, d.group_id ORDER BY groupName, d.group_id, month`,
        )
        .all(r) as BroadcastStats['byMonthGroup'];
      return { runs, deliveries, byMonthGroup };
    },
  };
}

/** The middle of an ascending list (the mean of the two middle values when even); null when empty. */
function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
