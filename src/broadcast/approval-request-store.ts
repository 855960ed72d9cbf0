import type { Db } from '../storage/open-database.js';

/** A drafter's request that someone approve a campaign (090_approval_requests.sql). */
export interface ApprovalRequest {
  id: number;
  campaignId: number;
  requestedBy: string;
  requestedAt: number;
  closedAt: number | null;
  notifyGroupId: string | null;
  notifyText: string | null;
  notifyStatus: 'none' | 'pending' | 'sending' | 'sent' | 'failed' | 'unknown';
  notifyStartedAt: number | null;
  notifyMessageId: string | null;
}

interface Row {
  id: number;
  campaign_id: number;
  requested_by: string;
  requested_at: number;
  closed_at: number | null;
  notify_group_id: string | null;
  notify_text: string | null;
  notify_status: ApprovalRequest['notifyStatus'];
  notify_started_at: number | null;
  notify_message_id: string | null;
}

const toRequest = (r: Row): ApprovalRequest => ({
  id: r.id,
  campaignId: r.campaign_id,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  closedAt: r.closed_at,
  notifyGroupId: r.notify_group_id,
  notifyText: r.notify_text,
  notifyStatus: r.notify_status,
  notifyStartedAt: r.notify_started_at,
  notifyMessageId: r.notify_message_id,
});

export type ApprovalRequestStore = ReturnType<typeof createApprovalRequestStore>;

/** The one owner of `approval_requests`. */
export function createApprovalRequestStore(db: Db) {
  const setNotify = db.prepare(
    `UPDATE approval_requests SET notify_status = @status, notify_message_id = COALESCE(@messageId, notify_message_id),
     notify_error = @error WHERE id = @id`,
  );
  return {
    insert(r: { campaignId: number; requestedBy: string; at: number; groupId: string | null; text: string | null }) {
      return Number(
        db
          .prepare(
            `INSERT INTO approval_requests (campaign_id, requested_by, requested_at, notify_group_id, notify_text, notify_status)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(r.campaignId, r.requestedBy, r.at, r.groupId, r.text, r.groupId ? 'pending' : 'none').lastInsertRowid,
      );
    },
    /** The open request of a campaign, if any. */
    openFor(campaignId: number): ApprovalRequest | null {
      const row = db
        .prepare('SELECT * FROM approval_requests WHERE campaign_id = ? AND closed_at IS NULL')
        .get(campaignId) as Row | undefined;
      return row ? toRequest(row) : null;
    },
    /** Every open request of a campaign still in draft, oldest first. */
    openOnDrafts(): ApprovalRequest[] {
      return (
        db
          .prepare(
            `SELECT r.* FROM approval_requests r JOIN broadcast_campaigns c ON c.id = r.campaign_id
             WHERE r.closed_at IS NULL AND c.status = 'draft' ORDER BY r.requested_at, r.id`,
          )
          .all() as Row[]
      ).map(toRequest);
    },
    close(campaignId: number, at: number): void {
      db.prepare('UPDATE approval_requests SET closed_at = ? WHERE campaign_id = ? AND closed_at IS NULL').run(
        at,
        campaignId,
      );
    },
    /** Notices to send (`pending`) or left `sending` by a process that stopped before `staleBefore`. */
    notifyWork(staleBefore: number): ApprovalRequest[] {
      return (
        db
          .prepare(
            `SELECT * FROM approval_requests WHERE notify_status = 'pending'
             OR (notify_status = 'sending' AND notify_started_at < ?) ORDER BY id`,
          )
          .all(staleBefore) as Row[]
      ).map(toRequest);
    },
    /** Claims a notice before the call to Zalo; false when another pass claimed it first. */
    claim(id: number, at: number): boolean {
      return (
        db
          .prepare(
            `UPDATE approval_requests SET notify_status = 'sending', notify_started_at = ? WHERE id = ? AND notify_status = 'pending'`,
          )
          .run(at, id).changes === 1
      );
    },
    setNotify(id: number, status: ApprovalRequest['notifyStatus'], messageId: string | null, error: string | null) {
      setNotify.run({ id, status, messageId, error });
    },
  };
}
