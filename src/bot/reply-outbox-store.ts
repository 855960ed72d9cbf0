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
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
}

export interface OutboxStats {
  pending: number;
  sent: number;
  failed: number;
}

export interface ReplyOutboxStore {
  /**
   * Stores one turn's messages (already Zalo-sized) for a resident in one transaction, `seq` 0..n-1,
   * and makes the resident's earlier pending rows due now (they go first, in order).
   */
  enqueue(userId: string, inboxEventId: number | null, messages: OutgoingMessage[], now: number): void;
  /** Whether replies to this inbox event were already stored (the turn ran; do not run it again). */
  hasRepliesFor(inboxEventId: number): boolean;
  /** The oldest pending row of one resident. */
  nextPending(userId: string): OutboxRow | undefined;
  /** The oldest pending row of every resident, oldest first. */
  pendingHeads(): Array<{ userId: string; nextAttemptAt: number }>;
  markSent(id: number, attempts: number, zaloMessageId: string | null, now: number): void;
  markRetry(id: number, attempts: number, nextAttemptAt: number, error: string): void;
  markFailed(id: number, attempts: number, error: string): void;
  /** Deletes sent and failed rows created before `before`; pending rows stay. Returns rows deleted. */
  purge(before: number): number;
  stats(): OutboxStats;
}

interface Row {
  id: number;
  userId: string;
  inboxEventId: number | null;
  seq: number;
  text: string;
  buttons: string | null;
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
}

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
  const columns = `id, user_id AS userId, inbox_event_id AS inboxEventId, seq, text, buttons, attempts,
    next_attempt_at AS nextAttemptAt, created_at AS createdAt`;
  const next = db.prepare<[string], Row>(
    `SELECT ${columns} FROM reply_outbox WHERE status = 'pending' AND user_id = ? ORDER BY id LIMIT 1`,
  );
  const heads = db.prepare(
    `SELECT o.user_id AS userId, o.next_attempt_at AS nextAttemptAt FROM reply_outbox o
     JOIN (SELECT MIN(id) AS id FROM reply_outbox WHERE status = 'pending' GROUP BY user_id) h ON h.id = o.id
     ORDER BY o.id`,
  );
  const sent = db.prepare(
    `UPDATE reply_outbox SET status = 'sent', attempts = ?, zalo_message_id = ?, sent_at = ?, last_error = NULL
     WHERE id = ? AND status = 'pending'`,
  );
  const retry = db.prepare(
    `UPDATE reply_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ? AND status = 'pending'`,
  );
  const failed = db.prepare(
    `UPDATE reply_outbox SET status = 'failed', attempts = ?, last_error = ? WHERE id = ? AND status = 'pending'`,
  );
  const deleteFinished = db.prepare(`DELETE FROM reply_outbox WHERE status != 'pending' AND created_at < ?`);
  const countByStatus = db.prepare('SELECT status, COUNT(*) AS n FROM reply_outbox GROUP BY status');

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
    pendingHeads() {
      return heads.all() as Array<{ userId: string; nextAttemptAt: number }>;
    },
    markSent(id, attempts, zaloMessageId, now) {
      sent.run(attempts, zaloMessageId, now, id);
    },
    markRetry(id, attempts, nextAttemptAt, error) {
      retry.run(attempts, nextAttemptAt, error, id);
    },
    markFailed(id, attempts, error) {
      failed.run(attempts, error, id);
    },
    purge(before) {
      return deleteFinished.run(before).changes;
    },
    stats() {
      const stats: OutboxStats = { pending: 0, sent: 0, failed: 0 };
      for (const row of countByStatus.all() as Array<{ status: keyof OutboxStats; n: number }>)
        stats[row.status] = row.n;
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
