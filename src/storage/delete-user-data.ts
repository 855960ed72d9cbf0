import type { Db } from './open-database.js';

/**
 * Every table that holds a resident's personal data, with the column naming the Zalo user id.
 * A feature that stores per-resident rows adds its table here, so `user_withdraw` erases it.
 */
const PERSONAL_TABLES: ReadonlyArray<{ table: string; column: string }> = [
  // user_id is NULL for group deliveries, so only the resident's 1:1 rows go (011_outbound_messages.sql)
  { table: 'outbound_messages', column: 'user_id' },
  // webhook events (raw bodies hold message texts) keyed by the resident's id (020_inbox_events.sql)
  { table: 'inbox_events', column: 'user_key' },
  { table: 'residents', column: 'user_id' },
  // replies waiting to be sent or kept for a few days after (022_reply_outbox.sql)
  { table: 'reply_outbox', column: 'user_id' },
  // dialog position, hand-off requests and the question log (030–032 migrations)
  { table: 'dialog_state', column: 'user_id' },
  { table: 'handoffs', column: 'user_id' },
  { table: 'questions', column: 'user_id' },
  // the conversation thread and its messages (070_threads.sql)
  { table: 'threads', column: 'user_id' },
  { table: 'thread_messages', column: 'user_id' },
  // notices to the officials' group naming the resident (071_handoff_notices.sql)
  { table: 'handoff_notices', column: 'user_id' },
];

/** Deletes everything stored about one resident, in one transaction. Returns rows deleted. */
export function deleteUserData(db: Db, userId: string): number {
  let deleted = 0;
  db.transaction(() => {
    for (const { table, column } of PERSONAL_TABLES) {
      deleted += db.prepare(`DELETE FROM ${table} WHERE ${column} = ?`).run(userId).changes;
    }
  })();
  return deleted;
}
