import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../storage/open-database.js';
import type { Clock } from '../../shared/clock.js';

export interface Session {
  /** the cookie value (never stored) */
  id: string;
  accountId: number | null;
  /** synchronizer token every console form must echo back */
  csrfToken: string;
  expiresAt: number;
}

interface SessionRow {
  account_id: number | null;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export interface SessionLifetimes {
  /** a signed-in session ends after this long without a request */
  idleMs: number;
  /** … and after this long in any case */
  absoluteMs: number;
  /** a signed-out visitor's session (only carries the sign-in form's CSRF token) */
  anonymousMs: number;
}

export const DEFAULT_SESSION_LIFETIMES: SessionLifetimes = {
  idleMs: 12 * 3600_000,
  absoluteMs: 7 * 24 * 3600_000,
  anonymousMs: 2 * 3600_000,
};

const TOUCH_INTERVAL_MS = 60_000;

function hashId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

function token(): string {
  return randomBytes(32).toString('base64url');
}

export type SessionStore = ReturnType<typeof createSessionStore>;

/**
 * Server-side sessions in SQLite (`admin_sessions`). Ids and CSRF tokens are 256-bit random values;
 * only the id's SHA-256 is stored. Signing in always starts a NEW session (no fixation).
 * Expired rows are purged whenever a session is created.
 */
export function createSessionStore({
  db,
  clock,
  lifetimes = DEFAULT_SESSION_LIFETIMES,
}: {
  db: Db;
  clock: Clock;
  lifetimes?: SessionLifetimes;
}) {
  const insert = db.prepare(
    'INSERT INTO admin_sessions (id_hash, account_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  return {
    /** Starts a session: signed in when `accountId` is given, anonymous (for the sign-in form) otherwise. */
    create(accountId: number | null): Session {
      const now = clock.now();
      db.prepare('DELETE FROM admin_sessions WHERE expires_at <= ?').run(now);
      const id = token();
      const csrfToken = token();
      const expiresAt = now + (accountId === null ? lifetimes.anonymousMs : lifetimes.idleMs);
      insert.run(hashId(id), accountId, csrfToken, now, now, expiresAt);
      return { id, accountId, csrfToken, expiresAt };
    },
    /** The live session for a cookie value, sliding its idle expiry; undefined when unknown or expired. */
    get(id: string): Session | undefined {
      const now = clock.now();
      const idHash = hashId(id);
      const row = db.prepare('SELECT * FROM admin_sessions WHERE id_hash = ?').get(idHash) as SessionRow | undefined;
      if (!row) return undefined;
      if (row.expires_at <= now) {
        db.prepare('DELETE FROM admin_sessions WHERE id_hash = ?').run(idHash);
        return undefined;
      }
      let expiresAt = row.expires_at;
      if (row.account_id !== null && now - row.last_seen_at >= TOUCH_INTERVAL_MS) {
        expiresAt = Math.min(now + lifetimes.idleMs, row.created_at + lifetimes.absoluteMs);
        db.prepare('UPDATE admin_sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?').run(
          now,
          expiresAt,
          idHash,
        );
      }
      return { id, accountId: row.account_id, csrfToken: row.csrf_token, expiresAt };
    },
    destroy(id: string): void {
      db.prepare('DELETE FROM admin_sessions WHERE id_hash = ?').run(hashId(id));
    },
  };
}
