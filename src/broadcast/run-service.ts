import type { TFunction } from '../i18n/create-i18n.js';
import type { Db } from '../storage/open-database.js';
import type { Clock } from '../shared/clock.js';
import type { AuditLog } from './audit-log.js';
import type { BroadcastRun, Campaign, Delivery, DeliveryCounts } from './broadcast-types.js';
import { BroadcastError } from './broadcast-error.js';
import type { CampaignStore } from './campaign-store.js';
import type { RunStore } from './run-store.js';
import { formatZoned } from './zoned-time.js';

/** A run with its counts and each group's outcome (message id or reason). */
export interface RunReport {
  run: BroadcastRun;
  campaign: Pick<Campaign, 'id' | 'title'>;
  counts: DeliveryCounts;
  deliveries: Delivery[];
}

export type UnknownResolution = 'sent' | 'failed' | 'resend';

export interface RunService {
  report(runId: number): RunReport;
  listRuns(campaignId: number): (BroadcastRun & { counts: DeliveryCounts })[];
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
}): RunService {
  const { db, clock, runs, campaigns, audit, t, timeZone } = deps;

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
