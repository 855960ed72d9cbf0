import type { TFunction } from '../i18n/create-i18n.js';
import type { Db } from '../storage/open-database.js';
import type { Clock } from '../shared/clock.js';
import type { AuditLog } from './audit-log.js';
import type { BroadcastRun, Campaign, Delivery, DeliveryCounts } from './broadcast-types.js';
import { BroadcastError } from './broadcast-error.js';
import type { CampaignStore } from './campaign-store.js';
import { parseActorName } from './parse-actor-name.js';
import { runOutcome, type RunOutcome } from './run-outcome.js';
import type { RunStore } from './run-store.js';
import { formatZoned } from './zoned-time.js';

/** A run with its counts and each group's outcome (message id or reason). */
export interface RunReport {
  run: BroadcastRun;
  campaign: Pick<Campaign, 'id' | 'title'>;
  counts: DeliveryCounts;
  deliveries: Delivery[];
}

/** Where a run stands: for the live progress bar and the campaign list. */
export interface RunProgress {
  outcome: RunOutcome;
  counts: DeliveryCounts;
  /** received the message */
  sent: number;
  /** failed for good, or outcome unknown (an official must look) */
  failed: number;
  /** still to be sent: pending or in flight */
  waiting: number;
  /** no more change expected (finished, missed, cancelled) */
  finished: boolean;
  /** when the waiting sends should be done at Zalo's rate limit; null when nothing waits */
  expectedFinishAt: number | null;
  /** the pace behind `expectedFinishAt`: Zalo calls a minute */
  ratePerMinute: number;
}

export type UnknownResolution = 'sent' | 'failed' | 'resend';

export interface RunService {
  report(runId: number): RunReport;
  listRuns(campaignId: number): (BroadcastRun & { counts: DeliveryCounts })[];
  progress(runId: number): RunProgress;
  /**
   * "Gửi lại các nhóm lỗi": queues the failed groups of a finished run for one more send through the
   * sender's exactly-once path (claim before the call, group history checked first). Audited with
   * `actor`. Refused when the run is not finished, its campaign was cancelled, or nothing failed —
   * so a repeated click sends nothing more.
   */
  resendFailed(runId: number, actor: string): { groupId: string; groupName: string }[];
  /** The report as CSV for Excel: UTF-8 with BOM, CRLF, headers in the language of `t`. */
  csv(runId: number, t: TFunction): string;
  /**
   * An official's verdict on an `unknown` delivery after looking at the group: `sent`, `failed`
   * (left as is), or `resend` (queued again now). Audited. Throws unless the delivery is `unknown`.
   */
  resolveDelivery(deliveryId: number, resolution: UnknownResolution, actor: string): Delivery;
}

/** Reports on runs and the official's hand on unknown deliveries. */
export function createRunService(deps: {
  db: Db;
  clock: Clock;
  runs: RunStore;
  campaigns: CampaignStore;
  audit: AuditLog;
  t: TFunction;
  timeZone: string;
  /** Zalo calls per minute the client allows (ZALO_RATE_LIMIT_PER_MINUTE), for the expected finish time */
  ratePerMinute?: number;
}): RunService {
  const { db, clock, runs, campaigns, audit, t, timeZone } = deps;
  const ratePerMinute = Math.max(1, deps.ratePerMinute ?? 4000);

  const report = (runId: number): RunReport => {
    const run = runs.getRun(runId);
    if (!run) throw new BroadcastError('not_found', 'errors.run_not_found', `run ${runId} not found`, { id: runId });
    const c = campaigns.get(run.campaignId)!;
    return {
      run,
      campaign: { id: c.id, title: c.title },
      counts: runs.counts(runId),
      deliveries: runs.deliveries(runId),
    };
  };

  return {
    report,
    listRuns: (campaignId) => runs.listRuns(campaignId).map((r) => ({ ...r, counts: runs.counts(r.id) })),
    progress(runId) {
      const { run, counts } = report(runId);
      const waiting = counts.pending + counts.sending;
      const paced = clock.now() + Math.ceil((waiting * 60_000) / ratePerMinute);
      return {
        outcome: runOutcome(run, counts),
        counts,
        sent: counts.sent,
        failed: counts.failed + counts.unknown,
        waiting,
        finished: !['scheduled', 'sending'].includes(run.status),
        expectedFinishAt: waiting === 0 ? null : Math.max(paced, runs.lastPendingAttemptAt(runId) ?? 0),
        ratePerMinute,
      };
    },
    resendFailed(runId, rawActor) {
      const { run } = report(runId);
      const actor = parseActorName(rawActor);
      if (!actor.ok) {
        throw new BroadcastError('invalid_input', `errors.actor_${actor.problem}`, 'invalid actor name', {}, 'actor');
      }
      const refuse = (key: string, message: string) => new BroadcastError('invalid_state', key, message, { id: runId });
      if (run.status !== 'done') throw refuse('resend.not_finished', `run ${runId} is ${run.status}`);
      if (campaigns.get(run.campaignId)?.status === 'cancelled') {
        throw refuse('resend.cancelled', `campaign of run ${runId} is cancelled`);
      }
      return db.transaction(() => {
        const queued = runs.resendFailed(runId, clock.now());
        if (queued.length === 0) throw refuse('resend.nothing', `run ${runId} has no failed delivery`);
        audit.record({
          actor: actor.name,
          action: 'run.resend_failed',
          campaignId: run.campaignId,
          runId,
          details: { groups: queued.length, groupIds: queued.map((g) => g.groupId).sort() },
        });
        return queued;
      })();
    },
    csv(runId, tr) {
      const r = report(runId);
      const header = ['groupId', 'groupName', 'status', 'messageId', 'errorCode', 'reason', 'attempts', 'sentAt'].map(
        (k) => tr(`csv.${k}`, { ns: 'broadcast' }),
      );
      const rows = r.deliveries.map((d) => [
        d.groupId,
        guardFormula(d.groupName),
        tr(`deliveryStatus.${d.status}`, { ns: 'broadcast' }),
        d.messageId ?? '',
        d.errorCode ?? '',
        d.reason ?? '',
        String(d.attempts),
        d.sentAt ? formatZoned(d.sentAt, timeZone) : '',
      ]);
      return '\uFEFF' + [header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
    },
    resolveDelivery(deliveryId, resolution, actor) {
      const d = runs.getDelivery(deliveryId);
      if (!d)
        throw new BroadcastError('not_found', 'errors.delivery_not_found', `delivery ${deliveryId} not found`, {
          id: deliveryId,
        });
      const status = resolution === 'resend' ? 'pending' : resolution;
      const reason = resolution === 'resend' ? null : t(`reasons.resolved_${resolution}`, { ns: 'broadcast', actor });
      db.transaction(() => {
        if (!runs.resolveUnknown(deliveryId, status, reason, clock.now())) {
          throw new BroadcastError(
            'invalid_state',
            'errors.not_unknown',
            `delivery ${deliveryId} is ${d.status}, not unknown`,
          );
        }
        audit.record({
          actor,
          action: 'delivery.resolve',
          runId: d.runId,
          groupId: d.groupId,
          details: { deliveryId, resolution },
        });
      })();
      return runs.getDelivery(deliveryId)!;
    },
  };
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A group name Zalo users chose could start a spreadsheet formula: make Excel show it as text. */
function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
