import type { ApprovalBinding } from './approval-binding.js';

/**
 * The broadcast domain's data shapes. Times are epoch milliseconds; local wall-clock inputs
 * (`'2026-12-01T08:00'`, `'08:00'`) are read in the configured time zone (Asia/Ho_Chi_Minh).
 */

export type GroupKind = 'agency' | 'commune';

/** One of the OA's Zalo groups as the directory knows it. */
export interface BroadcastGroup {
  groupId: string;
  name: string;
  /** As Zalo reports it: 'enabled' | 'disabled' | 'unknown' (never synced). */
  zaloStatus: string;
  totalMember: number | null;
  assetType: string | null;
  validThrough: string | null;
  autoDeleteDate: string | null;
  /** Set when the group was dissolved (webhook) or is no longer listed by Zalo. */
  deletedAt: number | null;
  kind: GroupKind | null;
  /** The commune or agency the group belongs to. */
  unit: string | null;
  tags: string[];
  syncedAt: number | null;
  updatedAt: number;
}

/**
 * Who receives a campaign: every group (`all`), or the union of groups matching the criteria —
 * `kinds` and `tags` combine with AND (a group must have one of the kinds and one of the tags),
 * `groupIds` adds groups explicitly.
 */
export interface Audience {
  all?: boolean;
  kinds?: GroupKind[];
  tags?: string[];
  groupIds?: string[];
}

/**
 * When a campaign goes out, always in the configured time zone:
 * - `once`: at a local date-time `YYYY-MM-DDTHH:mm`;
 * - `cron`: a 5-field cron expression (minute hour day-of-month month day-of-week);
 * - `monthly`: every month on `day` at `time`; a day the month lacks (31 in April, 29–31 in
 *   February) means the month's last day;
 * - `now`: once, as soon as it is approved ("Gửi ngay"; quiet hours still hold it back).
 */
export type Schedule =
  | { type: 'once'; at: string }
  | { type: 'cron'; expression: string }
  | { type: 'monthly'; day: number; time: string }
  | { type: 'now' };

export type CampaignStatus = 'draft' | 'approved' | 'paused' | 'cancelled' | 'completed';

export interface Campaign {
  id: number;
  title: string;
  text: string;
  imageUrl: string | null;
  audience: Audience;
  schedule: Schedule;
  status: CampaignStatus;
  createdBy: string;
  updatedBy: string;
  approvedBy: string | null;
  approvedAt: number | null;
  /**
   * What the approval covers (content and receiving groups, see approval-binding.ts); null while
   * not approved, and on campaigns approved before approvals were bound (bound at the next review).
   */
  approval: ApprovalBinding | null;
  cursorAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export type RunStatus = 'scheduled' | 'sending' | 'done' | 'missed' | 'cancelled';

export interface BroadcastRun {
  id: number;
  campaignId: number;
  dueAt: number;
  releaseAt: number;
  status: RunStatus;
  text: string | null;
  imageUrl: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'unknown' | 'skipped';

export interface Delivery {
  id: number;
  runId: number;
  groupId: string;
  groupName: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number;
  sendingStartedAt: number | null;
  checkHistoryFrom: number | null;
  messageId: string | null;
  errorCode: string | null;
  reason: string | null;
  needsAttention: boolean;
  sentAt: number | null;
  updatedAt: number;
}

export type DeliveryCounts = Record<DeliveryStatus, number> & { total: number };
