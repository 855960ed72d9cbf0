import type { AuditEntry } from '../../broadcast/audit-log.js';
import type {
  BroadcastGroup,
  BroadcastRun,
  Campaign,
  Delivery,
  DeliveryCounts,
} from '../../broadcast/broadcast-types.js';
import { countChars, MAX_TEXT_CHARS } from '../../broadcast/campaign-input.js';
import { nextOccurrence } from '../../broadcast/next-occurrence.js';
import { runOutcome } from '../../broadcast/run-outcome.js';
import { formatZoned } from '../../broadcast/zoned-time.js';
import type { TFunction } from 'i18next';

/** JSON shapes of the admin API: times as ISO-8601 with the zone offset (`2026-12-01T08:00:00+07:00`). */
export function createApiViews(timeZone: string, clock: { now(): number }) {
  const at = (ms: number | null) => (ms === null ? null : formatZoned(ms, timeZone));
  return {
    group: (g: BroadcastGroup) => ({
      ...g,
      deletedAt: at(g.deletedAt),
      syncedAt: at(g.syncedAt),
      updatedAt: at(g.updatedAt),
      /** what campaigns will do with it */
      state:
        g.deletedAt !== null
          ? 'deleted'
          : g.zaloStatus === 'disabled'
            ? 'disabled'
            : g.zaloStatus === 'enabled'
              ? 'enabled'
              : 'unknown',
    }),
    campaign: (c: Campaign, t: TFunction) => {
      const next =
        c.status === 'approved' || c.status === 'paused'
          ? nextOccurrence(c.schedule, Math.max(c.cursorAt ?? clock.now(), clock.now()), timeZone, c.approvedAt)
          : null;
      return {
        id: c.id,
        title: c.title,
        text: c.text,
        textLength: countChars(c.text),
        textLimit: MAX_TEXT_CHARS,
        imageUrl: c.imageUrl,
        audience: c.audience,
        schedule: c.schedule,
        timeZone,
        status: c.status,
        statusLabel: t(`campaignStatus.${c.status}`),
        createdBy: c.createdBy,
        updatedBy: c.updatedBy,
        approvedBy: c.approvedBy,
        approvedAt: at(c.approvedAt),
        /** how many groups the approval covers (its audience as resolved when approved) */
        approvedGroups: c.approval ? c.approval.targets.length : null,
        createdAt: at(c.createdAt),
        updatedAt: at(c.updatedAt),
        nextRunAt: at(next),
      };
    },
    run: (r: BroadcastRun, counts: DeliveryCounts, t: TFunction) => ({
      id: r.id,
      campaignId: r.campaignId,
      status: r.status,
      statusLabel: t(`runStatus.${r.status}`),
      /** honest result: delivered (every group), partial, failed (no group), or the run status */
      outcome: runOutcome(r, counts),
      outcomeLabel: t(`runOutcome.${runOutcome(r, counts)}`),
      dueAt: at(r.dueAt),
      releaseAt: at(r.releaseAt),
      startedAt: at(r.startedAt),
      finishedAt: at(r.finishedAt),
      text: r.text,
      imageUrl: r.imageUrl,
      counts,
    }),
    delivery: (d: Delivery, t: TFunction) => ({
      id: d.id,
      groupId: d.groupId,
      groupName: d.groupName,
      status: d.status,
      statusLabel: t(`deliveryStatus.${d.status}`),
      messageId: d.messageId,
      errorCode: d.errorCode,
      reason: d.reason,
      attempts: d.attempts,
      needsAttention: d.needsAttention,
      nextAttemptAt: d.status === 'pending' ? at(d.nextAttemptAt) : null,
      sentAt: at(d.sentAt),
    }),
    audit: (e: AuditEntry) => ({ ...e, at: at(e.at) }),
    at,
  };
}

export type ApiViews = ReturnType<typeof createApiViews>;
