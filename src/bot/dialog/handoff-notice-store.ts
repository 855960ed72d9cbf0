import type { Db } from '../../storage/open-database.js';

export type NoticeStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'unknown';

export interface NoticeRow {
  id: number;
  userId: string;
  groupId: string;
  text: string | null;
  status: NoticeStatus;
  attempts: number;
  attemptedAt: number | null;
  createdAt: number;
}

export interface HandoffNoticeStore {
  /** Queues a notice (the caller claimed it with `threads.claimNotice` in the same transaction). */
  add(userId: string, groupId: string, now: number): void;
  /** Pending notices, oldest first. */
  pending(limit?: number): NoticeRow[];
  /** Notices left 'sending' (a crash or an unclear failure) since before `before`. */
  unsettled(before: number, limit?: number): NoticeRow[];
  /** pending → sending with its final text, committed before the HTTP call. */
  markSending(id: number, text: string, now: number): void;
  markSent(id: number, messageId: string | null): void;
  /** Back to pending (Zalo refused it for a reason that may pass, or history shows it was not sent). */
  markPending(id: number, error: string): void;
  markFailed(id: number, error: string): void;
  /** The group's history cannot tell whether it went out: never resent, logged for officials. */
  markUnknown(id: number, error: string): void;
  /** Deletes finished notices created before `before`. */
  purge(before: number): number;
}

interface Row {
  id: number;
  user_id: string;
  group_id: string;
  text: string | null;
  status: NoticeStatus;
  attempts: number;
  attempted_at: number | null;
  created_at: number;
}

/** The `handoff_notices` table (071_handoff_notices.sql). */
export function createHandoffNoticeStore(db: Db): HandoffNoticeStore {
  const insert = db.prepare(
    "INSERT INTO handoff_notices (user_id, group_id, status, created_at) VALUES (?, ?, 'pending', ?)",
  );
  const selectPending = db.prepare<[number], Row>(
    "SELECT * FROM handoff_notices WHERE status = 'pending' ORDER BY id LIMIT ?",
  );
  const selectSending = db.prepare<[number, number], Row>(
    "SELECT * FROM handoff_notices WHERE status = 'sending' AND attempted_at <= ? ORDER BY id LIMIT ?",
  );
  const sending = db.prepare(
    `UPDATE handoff_notices SET status = 'sending', text = ?, attempts = attempts + 1, attempted_at = ?
     WHERE id = ? AND status = 'pending'`,
  );
  const setStatus = db.prepare<[NoticeStatus, string | null, string | null, number]>(
    'UPDATE handoff_notices SET status = ?, last_error = ?, zalo_message_id = coalesce(?, zalo_message_id) WHERE id = ?',
  );
  const deleteOld = db.prepare(
    "DELETE FROM handoff_notices WHERE status IN ('sent', 'failed', 'unknown') AND created_at < ?",
  );
  return {
    add: (userId, groupId, now) => void insert.run(userId, groupId, now),
    pending: (limit = 20) => selectPending.all(limit).map(toRow),
    unsettled: (before, limit = 20) => selectSending.all(before, limit).map(toRow),
    markSending: (id, text, now) => void sending.run(text, now, id),
    markSent: (id, messageId) => void setStatus.run('sent', null, messageId, id),
    markPending: (id, error) => void setStatus.run('pending', error, null, id),
    markFailed: (id, error) => void setStatus.run('failed', error, null, id),
    markUnknown: (id, error) => void setStatus.run('unknown', error, null, id),
    purge: (before) => deleteOld.run(before).changes,
  };
}

function toRow(r: Row): NoticeRow {
  return {
    id: r.id,
    userId: r.user_id,
    groupId: r.group_id,
    text: r.text,
    status: r.status,
    attempts: r.attempts,
    attemptedAt: r.attempted_at,
    createdAt: r.created_at,
  };
}
