import { createHash } from 'node:crypto';
import type { Db } from '../storage/open-database.js';
import type { ZaloEvent } from '../zalo/zalo-event.js';

/** The SHA-256 of a message text as Zalo shows it (NFC, LF line ends, trimmed): texts compare by hash. */
export function replyTextHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\r\n/g, '\n').trim()).digest('hex');
}

export interface ReplyEchoStore {
  /** Records an `oa_send_text` echo (the OA sent a text to a resident); other events are ignored. Idempotent. */
  record(event: ZaloEvent, now: number): void;
  /**
   * The message id of the oldest echo of a bot send (no `admin_id`) to this resident with this text,
   * acknowledged at or after `since`, whose id is not in `exclude` (ids other replies already own).
   */
  find(userId: string, text: string, since: number, exclude: ReadonlySet<string>): string | undefined;
  /** Deletes echoes acknowledged before `before`. Returns rows deleted. */
  purge(before: number): number;
}

/**
 * The `oa_echoes` table: what Zalo's `oa_send_text` webhooks say the OA sent, by message id, with a
 * hash of the text instead of the text. The reply outbox reads it to settle a send whose outcome is
 * unknown without a resend.
 */
export function createReplyEchoStore(db: Db): ReplyEchoStore {
  const insert = db.prepare(
    `INSERT INTO oa_echoes (msg_id, user_id, text_hash, by_admin, received_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (msg_id) DO NOTHING`,
  );
  const candidates = db.prepare(
    `SELECT msg_id AS msgId FROM oa_echoes
     WHERE user_id = ? AND text_hash = ? AND by_admin = 0 AND received_at >= ? ORDER BY received_at, rowid`,
  );
  const deleteOld = db.prepare('DELETE FROM oa_echoes WHERE received_at < ?');
  return {
    record(event, now) {
      if (event.event_name !== 'oa_send_text' || event.message.text === undefined) return;
      insert.run(
        event.message.msg_id,
        event.recipient.id,
        replyTextHash(event.message.text),
        event.sender.admin_id ? 1 : 0,
        now,
      );
    },
    find(userId, text, since, exclude) {
      const rows = candidates.all(userId, replyTextHash(text), since) as Array<{ msgId: string }>;
      return rows.find((r) => !exclude.has(r.msgId))?.msgId;
    },
    purge(before) {
      return deleteOld.run(before).changes;
    },
  };
}
