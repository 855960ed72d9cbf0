import type { BroadcastGroup, Campaign } from './broadcast-types.js';
import { upcomingOccurrences } from './next-occurrence.js';
import { releaseTime, type QuietHours } from './quiet-hours.js';
import { resolveAudience, type SkipReason } from './resolve-audience.js';

/**
 * What will happen with a campaign, from the same computations the scheduler uses: when its next
 * run is due, when quiet hours let it go out, and which groups will and will not receive it.
 */
export interface CampaignForecast {
  /** the next occurrence (for a draft: as if approved now); null when none is left */
  dueAt: number | null;
  /** when it actually goes out (after quiet hours); null with `dueAt` */
  releaseAt: number | null;
  /** the quiet hours that hold it back, only when they do */
  heldBy: QuietHours | null;
  /** a "Gửi ngay" campaign not yet approved: it goes out when approved */
  onApproval: boolean;
  receiving: { groupId: string; name: string }[];
  notReceiving: { groupId: string; name: string; skip: SkipReason }[];
}

/** The forecast for `campaign` at `now` (pure). */
export function forecastCampaign(
  campaign: Campaign,
  groups: readonly BroadcastGroup[],
  now: number,
  settings: { timeZone: string; quietHours: QuietHours | null },
): CampaignForecast {
  const draft = campaign.status === 'draft';
  const sendNow = campaign.schedule.type === 'now';
  const approvedAt = draft ? now : campaign.approvedAt;
  // a "now" campaign's one occurrence is its approval, which may be a moment past
  const after = sendNow ? (approvedAt ?? now) - 1 : Math.max(now, campaign.cursorAt ?? now);
  const open = ['draft', 'approved', 'paused'].includes(campaign.status);
  const [dueAt = null] = open ? upcomingOccurrences(campaign.schedule, after, settings.timeZone, 1, approvedAt) : [];
  const releaseAt = dueAt === null ? null : releaseTime(dueAt, settings.quietHours, settings.timeZone);
  const targets = resolveAudience(campaign.audience, groups);
  return {
    dueAt,
    releaseAt,
    heldBy: releaseAt !== null && releaseAt !== dueAt ? settings.quietHours : null,
    onApproval: draft && sendNow,
    receiving: targets.filter((x) => x.skip === null).map(({ groupId, name }) => ({ groupId, name })),
    notReceiving: targets.flatMap((x) => (x.skip ? [{ groupId: x.groupId, name: x.name, skip: x.skip }] : [])),
  };
}
