import type { Db } from '../storage/open-database.js';

/** The final outcome of one outbound message (after retries). Never holds the message text. */
export interface OutboundRecord {
  targetType: 'user' | 'group';
  targetId: string;
  /** 'text', 'text_buttons', 'image' … */
  kind: string;
  purpose?: string | undefined;
  ref?: string | undefined;
  chars: number;
  status: 'sent' | 'failed';
  zaloMessageId?: string | undefined;
  /** `ZaloApiError.failureCode`: '-230', 'http_503', 'network' … */
  errorCode?: string | undefined;
  errorMessage?: string | undefined;
  attempts: number;
  createdAt: number;
}

/** Append-only log of outbound messages (`outbound_messages`). */
export interface OutboundRepository {
  /** Writes one row; returns its id. */
  record(entry: OutboundRecord): number;
  /** Zalo message ids of the 1:1 messages sent to one resident since `sinceMs` (epoch ms). */
  messageIdsToUser(userId: string, sinceMs: number): Set<string>;
}

/** Creates the repository over an open database (migration 011 applied). */
export function createOutboundRepository(db: Db): OutboundRepository {
  const insert = db.prepare(
    `INSERT INTO outbound_messages (target_type, target_id, kind, purpose, ref, chars, status, zalo_message_id,
       error_code, error_message, attempts, created_at)
     VALUES (@targetType, @targetId, @kind, @purpose, @ref, @chars, @status, @zaloMessageId,
       @errorCode, @errorMessage, @attempts, @createdAt)`,
  );
  const idsTo = db.prepare(
    `SELECT zalo_message_id AS id FROM outbound_messages
     WHERE user_id = ? AND status = 'sent' AND zalo_message_id IS NOT NULL AND created_at >= ?`,
  );
  return {
    messageIdsToUser(userId, sinceMs) {
      return new Set((idsTo.all(userId, sinceMs) as Array<{ id: string }>).map((r) => r.id));
    },
    record(entry) {
      const row = {
        ...entry,
        purpose: entry.purpose ?? null,
        ref: entry.ref ?? null,
        zaloMessageId: entry.zaloMessageId ?? null,
        errorCode: entry.errorCode ?? null,
        errorMessage: entry.errorMessage ?? null,
      };
      return Number(insert.run(row).lastInsertRowid);
    },
  };
}
