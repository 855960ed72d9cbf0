import type { Db } from '../storage/open-database.js';
import type { ZaloButton } from '../zalo/zalo-api.js';
import type { OutgoingMessage } from './dialog.js';

/** One stored reply message (table `reply_outbox`), as the sender needs it. */
export interface OutboxRow {
  id: number;
  userId: string;
  inboxEventId: number | null;
  seq: number;
  message: OutgoingMessage;
  /** `sending`: a send was in flight when the process stopped (or its outcome could not be written) */
  status: 'pending' | 'sending';
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
  sendingStartedAt: number | null;
  /** set while the outcome of a send that started then is unknown: reconcile before any resend */
  checkFrom: number | null;
  /** reconciliation lookups made for the current unknown outcome */
  checks: number;
  /** where the last lookup stopped in the resident's conversation (0: start from the newest) */
  checkOffset: number;
}

export interface OutboxStats {
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  /** pending rows whose last send has an unknown outcome (being reconciled) */
  unknown: number;
  /** sends made although the outcome of the previous one stayed unknown (the resident may have it twice) */
  resentUnknown: number;
  /**
   * replies whose outcome stayed unknown after every lookup: not resent (no duplicate), left for the
   * officials to check with the resident
   */
  unsettled: number;
}

/** A reply whose outcome stayed unknown after every lookup (`unsettled`): the console lists these. */
export interface UnsettledReply {
  id: number;
  userId: string;
  text: string;
  createdAt: number;
}

export interface ReplyOutboxStore {
  /**
   * Stores one turn's messages (already Zalo-sized) for a resident in one transaction, `seq` 0..n-1,
   * and makes the resident's earlier pending rows due now (they go first, in order).
   */
  enqueue(userId: string, inboxEventId: number | null, messages: OutgoingMessage[], now: number): void;
  /** Whether replies to this inbox event were already stored (the turn ran; do not run it again). */
  hasRepliesFor(inboxEventId: number): boolean;
  /** The oldest unfinished (pending or sending) row of one resident. */
  nextPending(userId: string): OutboxRow | undefined;
  /**
   * The oldest unfinished row of every resident, oldest first, with when it is due: a row left
   * `sending` is due `sendingGraceMs` after its send started at the earliest.
   */
  pendingHeads(sendingGraceMs: number): Array<{ userId: string; nextAttemptAt: number }>;
  /** pending → sending, committed before the HTTP call (attempts + 1). */
  markSending(id: number, now: number): void;
  markSent(id: number, attempts: number, zaloMessageId: string | null, now: number): void;
  /** Back to pending, due at `nextAttemptAt`, after a failure Zalo certainly refused (nothing delivered). */
  markRetry(id: number, attempts: number, nextAttemptAt: number, error: string): void;
  /** Back to pending with the outcome unknown since `checkFrom`: reconciled when due, never resent blindly. */
  markUnknown(id: number, checkFrom: number, nextAttemptAt: number, error: string): void;
  /**
   * One more reconciliation lookup that settled nothing; looked again at `nextAttemptAt`, going on
   * from `checkOffset` in the conversation.
   */
  markChecked(id: number, checks: number, nextAttemptAt: number, error: string, checkOffset: number): void;
  /** The outcome stays unknown for good: out of the resident's queue, never resent, counted. */
  markUnsettled(id: number, checks: number, error: string): void;
  /** The unknown was settled as not delivered (or is resent although still unknown: `blind`). */
  clearUnknown(id: number, blind: boolean): void;
  markFailed(id: number, attempts: number, error: string): void;
  /** Message ids of this resident's replies sent since `since` (they belong to other rows). */
  messageIdsFor(userId: string, since: number): Set<string>;
  /** Deletes sent, failed and unsettled rows created before `before`; unfinished rows stay. Returns rows deleted. */
  purge(before: number): number;
  stats(): OutboxStats;
  /** The latest `limit` unsettled replies, newest first, and how many there are in all. */
  unsettledReplies(limit: number): { items: UnsettledReply[]; total: number };
}

interface Row {
  id: number;
  userId: string;
  inboxEventId: number | null;
  seq: number;
  text: string;
  buttons: string | null;
  status: 'pending' | 'sending';
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
  sendingStartedAt: number | null;
  checkFrom: number | null;
  checks: number;
  checkOffset: number;
}

const OPEN = `status IN ('pending', 'sending')`;

/** The SQL behind the reply outbox; the worker (reply-outbox.ts) sees methods. */
export function createReplyOutboxStore(db: Db): ReplyOutboxStore {
  const insert = db.prepare(
    `INSERT INTO reply_outbox (user_id, inbox_event_id, seq, text, buttons, created_at, next_attempt_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const dueNow = db.prepare(
    `UPDATE reply_outbox SET next_attempt_at = ? WHERE status = 'pending' AND user_id = ? AND next_attempt_at > ?`,
  );
  const hasRows = db.prepare('SELECT 1 FROM reply_outbox WHERE inbox_event_id = ? LIMIT 1');
  const columns = `id, user_id AS userId, inbox_event_id AS inboxEventId, seq, text, buttons, status, attempts,
    next_attempt_at AS nextAttemptAt, created_at AS createdAt, sending_started_at AS sendingStartedAt,
    check_from AS checkFrom, checks, check_offset AS checkOffset`;
  const next = db.prepare<[string], Row>(
    `SELECT ${columns} FROM reply_outbox WHERE ${OPEN} AND user_id = ? ORDER BY id LIMIT 1`,
  );
  const heads = db.prepare(
    `SELECT o.user_id AS userId, CASE WHEN o.status = 'sending'
       THEN MAX(o.next_attempt_at, COALESCE(o.sending_started_at, 0) + ?) ELSE o.next_attempt_at END AS nextAttemptAt
     FROM reply_outbox o
     JOIN (SELECT MIN(id) AS id FROM reply_outbox WHERE ${OPEN} GROUP BY user_id) h ON h.id = o.id
     ORDER BY o.id`,
  );
  const sending = db.prepare(
    `UPDATE reply_outbox SET status = 'sending', attempts = attempts + 1, sending_started_at = ?
     WHERE id = ? AND status = 'pending'`,
  );
  const sent = db.prepare(
    `UPDATE reply_outbox SET status = 'sent', attempts = ?, zalo_message_id = ?, sent_at = ?, last_error = NULL,
       check_from = NULL WHERE id = ? AND ${OPEN}`,
  );
  const retry = db.prepare(
    `UPDATE reply_outbox SET status = 'pending', attempts = ?, next_attempt_at = ?, last_error = ?
     WHERE id = ? AND ${OPEN}`,
  );
  const unknown = db.prepare(
    `UPDATE reply_outbox SET status = 'pending', check_from = ?, checks = 0, check_offset = 0, next_attempt_at = ?,
       last_error = ? WHERE id = ? AND ${OPEN}`,
  );
  const checked = db.prepare(
    `UPDATE reply_outbox SET status = 'pending', check_from = COALESCE(check_from, sending_started_at), checks = ?,
       next_attempt_at = ?, last_error = ?, check_offset = ? WHERE id = ? AND ${OPEN}`,
  );
  const unsettled = db.prepare(
    `UPDATE reply_outbox SET status = 'unsettled', checks = ?, last_error = ? WHERE id = ? AND ${OPEN}`,
  );
  const cleared = db.prepare(
    `UPDATE reply_outbox SET status = 'pending', check_from = NULL, checks = 0, check_offset = 0,
       resent_unknown = resent_unknown + ? WHERE id = ? AND ${OPEN}`,
  );
  const failed = db.prepare(
    `UPDATE reply_outbox SET status = 'failed', attempts = ?, last_error = ?, check_from = NULL WHERE id = ? AND ${OPEN}`,
  );
  const idsFor = db.prepare(
    `SELECT zalo_message_id AS id FROM reply_outbox WHERE user_id = ? AND zalo_message_id IS NOT NULL AND sent_at >= ?`,
  );
  const deleteFinished = db.prepare(
    `DELETE FROM reply_outbox WHERE status IN ('sent', 'failed', 'unsettled') AND created_at < ?`,
  );
  const latestUnsettled = db.prepare<[number], UnsettledReply>(
    `SELECT id, user_id AS userId, text, created_at AS createdAt FROM reply_outbox
     WHERE status = 'unsettled' ORDER BY id DESC LIMIT ?`,
  );
  const countUnsettled = db.prepare(`SELECT COUNT(*) AS n FROM reply_outbox WHERE status = 'unsettled'`);
  const countByStatus = db.prepare('SELECT status, COUNT(*) AS n FROM reply_outbox GROUP BY status');
  const countUnknown = db.prepare(
    `SELECT COUNT(*) AS n, (SELECT COALESCE(SUM(resent_unknown), 0) FROM reply_outbox) AS resent
     FROM reply_outbox WHERE status = 'pending' AND check_from IS NOT NULL`,
  );

  const enqueue = db.transaction(
    (userId: string, inboxEventId: number | null, messages: OutgoingMessage[], now: number) => {
      dueNow.run(now, userId, now);
      messages.forEach((message, seq) => {
        const buttons = message.buttons?.length ? JSON.stringify(message.buttons) : null;
        insert.run(userId, inboxEventId, seq, message.text, buttons, now, now);
      });
    },
  );

  return {
    enqueue(userId, inboxEventId, messages, now) {
      enqueue(userId, inboxEventId, messages, now);
    },
    hasRepliesFor(inboxEventId) {
      return hasRows.get(inboxEventId) !== undefined;
    },
    nextPending(userId) {
      const row = next.get(userId);
      if (!row) return undefined;
      const { text, buttons, ...rest } = row;
      const parsed = buttons ? parseButtons(buttons) : [];
      return { ...rest, message: parsed.length ? { text, buttons: parsed } : { text } };
    },
    pendingHeads(sendingGraceMs) {
      return heads.all(sendingGraceMs) as Array<{ userId: string; nextAttemptAt: number }>;
    },
    markSending(id, now) {
      sending.run(now, id);
    },
    markSent(id, attempts, zaloMessageId, now) {
      sent.run(attempts, zaloMessageId, now, id);
    },
    markRetry(id, attempts, nextAttemptAt, error) {
      retry.run(attempts, nextAttemptAt, error, id);
    },
    markUnknown(id, checkFrom, nextAttemptAt, error) {
      unknown.run(checkFrom, nextAttemptAt, error, id);
    },
    markChecked(id, checks, nextAttemptAt, error, checkOffset) {
      checked.run(checks, nextAttemptAt, error, checkOffset, id);
    },
    markUnsettled(id, checks, error) {
      unsettled.run(checks, error, id);
    },
    clearUnknown(id, blind) {
      cleared.run(blind ? 1 : 0, id);
    },
    markFailed(id, attempts, error) {
      failed.run(attempts, error, id);
    },
    messageIdsFor(userId, since) {
      return new Set((idsFor.all(userId, since) as Array<{ id: string }>).map((r) => r.id));
    },
    purge(before) {
      return deleteFinished.run(before).changes;
    },
    unsettledReplies(limit) {
      return { items: latestUnsettled.all(limit), total: (countUnsettled.get() as { n: number }).n };
    },
    stats() {
      const stats: OutboxStats = {
        pending: 0,
        sending: 0,
        sent: 0,
        failed: 0,
        unknown: 0,
        resentUnknown: 0,
        unsettled: 0,
      };
      type Status = 'pending' | 'sending' | 'sent' | 'failed' | 'unsettled';
      for (const row of countByStatus.all() as Array<{ status: Status; n: number }>) stats[row.status] = row.n;
      const { n, resent } = countUnknown.get() as { n: number; resent: number };
      stats.unknown = n;
      stats.resentUnknown = resent;
      return stats;
    },
  };
}

/** Buttons JSON as stored; a hand-edited, malformed value sends the message without buttons. */
function parseButtons(json: string): ZaloButton[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as ZaloButton[]) : [];
  } catch {
    return [];
  }
}
