import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../../storage/open-database.js';
import type { Clock } from '../../shared/clock.js';

export interface Session {
  /** the cookie value (never stored) */
  id: string;
  /** null for a signed-out visitor: that session is stateless (nothing stored, see `anonymous`) */
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
  /** a signed-out visitor's cookie (only carries the sign-in form's CSRF token) */
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

/** a visitor id: 'v', the expiry in base 36 (9 digits, good until the year 5188), 43 random characters */
const VISITOR_ID = /^v([0-9a-z]{9})[A-Za-z0-9_-]{43}$/;
/** where the key that signs visitors' CSRF tokens is kept (the installation's key/value table) */
const CSRF_KEY_META = 'admin_console.visitor_csrf_key';

/** The installation's random key for visitors' CSRF tokens, created on first use and kept across restarts. */
function visitorCsrfKey(db: Db): Buffer {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(
    CSRF_KEY_META,
    randomBytes(32).toString('base64'),
  );
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(CSRF_KEY_META) as { value: string };
  return Buffer.from(row.value, 'base64');
}

export type SessionStore = ReturnType<typeof createSessionStore>;

/**
 * Server-side sessions in SQLite (`admin_sessions`) for signed-in accounts. Ids and CSRF tokens are
 * 256-bit random values; only the id's SHA-256 is stored. Signing in always starts a NEW session (no
 * fixation). Expired rows are purged whenever a session is created.
 *
 * A signed-out visitor (the sign-in form) stores NOTHING: its cookie holds a random id with an expiry,
 * and its CSRF token is an HMAC of that id under an installation key (signed double submit), so
 * anonymous requests cannot grow the database.
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
  const key = visitorCsrfKey(db);
  const visitorToken = (id: string) => createHmac('sha256', key).update(`visitor-csrf:${id}`).digest('base64url');

  function visitor(id: string): Session | undefined {
    const match = VISITOR_ID.exec(id);
    if (!match) return undefined;
    const expiresAt = parseInt(match[1]!, 36);
    return expiresAt > clock.now() ? { id, accountId: null, csrfToken: visitorToken(id), expiresAt } : undefined;
  }

  return {
    /** Starts a signed-in session for `accountId` (a stored row). */
    create(accountId: number): Session {
      const now = clock.now();
      db.prepare('DELETE FROM admin_sessions WHERE expires_at <= ?').run(now);
      const id = token();
      const csrfToken = token();
      const expiresAt = now + lifetimes.idleMs;
      insert.run(hashId(id), accountId, csrfToken, now, now, expiresAt);
      return { id, accountId, csrfToken, expiresAt };
    },
    /** A new signed-out visitor, for the sign-in form's CSRF token. Stores nothing. */
    anonymous(): Session {
      const expiresAt = clock.now() + lifetimes.anonymousMs;
      return visitor(`v${expiresAt.toString(36).padStart(9, '0')}${token()}`)!;
    },
    /**
     * The live session for a cookie value, sliding a signed-in session's idle expiry; a visitor's
     * stateless session while its expiry lasts; undefined when unknown or expired.
     */
    get(id: string): Session | undefined {
      // 53 characters: never one of the 43-character signed-in ids
      if (VISITOR_ID.test(id)) return visitor(id);
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
