import type { Db } from './open-database.js';

/**
 * Every table that holds a resident's personal data, with the column naming the Zalo user id.
 * A feature that stores per-resident rows adds its table here, so `user_withdraw` erases it.
 */
const PERSONAL_TABLES: ReadonlyArray<{ table: string; column: string }> = [];

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
