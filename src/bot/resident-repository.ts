import type { Db } from '../storage/open-database.js';

export interface Resident {
  userId: string;
  /** null until a follow/unfollow event was seen */
  followed: boolean | null;
  firstSeenAt: number;
  /** last time the resident wrote, followed or tapped: the 7-day reply window starts here */
  lastInteractionAt: number | null;
  /** the resident's Zalo name, filled in the background by `createResidentProfiles`; null until known */
  displayName: string | null;
  /** when the display name was last looked up (epoch ms), successful or not; null if never */
  displayNameCheckedAt: number | null;
}

export interface ResidentRepository {
  /** The resident wrote, tapped or followed at `at` (epoch ms); an older time never moves it back. */
  noteInteraction(userId: string, at: number): void;
  setFollowed(userId: string, followed: boolean, at: number): void;
  get(userId: string): Resident | undefined;
  /**
   * Records that a display-name lookup starts at `at` and returns true, unless the resident has no row,
   * their name is already known or the last lookup started less than `retryAfterMs` ago (then false).
   * One statement, so two events of the same resident never both start a lookup.
   */
  startDisplayNameCheck(userId: string, at: number, retryAfterMs: number): boolean;
  /** Stores the resident's Zalo display name; a resident without a row (erased meanwhile) stays absent. */
  setDisplayName(userId: string, displayName: string): void;
}

/** The `residents` table (021_residents.sql); rows are erased by `deleteUserData`. */
export function createResidentRepository(db: Db): ResidentRepository {
  const interact = db.prepare(
    `INSERT INTO residents (user_id, first_seen_at, last_interaction_at) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET last_interaction_at = MAX(COALESCE(last_interaction_at, 0), excluded.last_interaction_at)`,
  );
  const follow = db.prepare(
    `INSERT INTO residents (user_id, followed, first_seen_at) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET followed = excluded.followed`,
  );
  // An unfollow never creates a row: after a user_withdraw erased the resident, it must not bring the id back.
  const unfollow = db.prepare('UPDATE residents SET followed = 0 WHERE user_id = ?');
  const select = db.prepare(
    `SELECT user_id AS userId, followed, first_seen_at AS firstSeenAt, last_interaction_at AS lastInteractionAt,
       display_name AS displayName, display_name_checked_at AS displayNameCheckedAt FROM residents WHERE user_id = ?`,
  );
  const startCheck = db.prepare(
    `UPDATE residents SET display_name_checked_at = ?
     WHERE user_id = ? AND display_name IS NULL AND (display_name_checked_at IS NULL OR display_name_checked_at <= ?)`,
  );
  const storeName = db.prepare('UPDATE residents SET display_name = ? WHERE user_id = ?');
  return {
    noteInteraction(userId, at) {
      interact.run(userId, at, at);
    },
    setFollowed(userId, followed, at) {
      if (followed) follow.run(userId, 1, at);
      else unfollow.run(userId);
    },
    get(userId) {
      const row = select.get(userId) as (Omit<Resident, 'followed'> & { followed: number | null }) | undefined;
      return row && { ...row, followed: row.followed === null ? null : row.followed === 1 };
    },
    startDisplayNameCheck(userId, at, retryAfterMs) {
      return startCheck.run(at, userId, at - retryAfterMs).changes === 1;
    },
    setDisplayName(userId, displayName) {
      storeName.run(displayName, userId);
    },
  };
}
