import type { Db } from '../../storage/open-database.js';
import type { Clock } from '../../shared/clock.js';
import type { Role } from './roles.js';

export interface Account {
  id: number;
  name: string;
  role: Role;
  createdAt: number;
  disabledAt: number | null;
  lastLoginAt: number | null;
}

interface AccountRow {
  id: number;
  name: string;
  role: Role;
  password_hash: string;
  created_at: number;
  disabled_at: number | null;
  last_login_at: number | null;
}

/** Account names: 3–32 of a–z, 0–9, dot, dash, underscore (compared case-insensitively). */
export const ACCOUNT_NAME_PATTERN = /^[a-z0-9._-]{3,32}$/i;

/** Thrown by `create` when the name is taken. */
export class AccountExistsError extends Error {
  override name = 'AccountExistsError';
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    lastLoginAt: row.last_login_at,
  };
}

export type AccountRepository = ReturnType<typeof createAccountRepository>;

/**
 * The `admin_accounts` table. Hashing happens in the caller (password-hash.ts); this stores strings.
 * Disabling an account also ends its sessions.
 */
export function createAccountRepository({ db, clock }: { db: Db; clock: Clock }) {
  const byName = db.prepare('SELECT * FROM admin_accounts WHERE name = ?');
  const byId = db.prepare('SELECT * FROM admin_accounts WHERE id = ?');
  return {
    /** Creates an account; throws `AccountExistsError` when the name (case-insensitive) exists. */
    create(name: string, role: Role, passwordHash: string): Account {
      if (!ACCOUNT_NAME_PATTERN.test(name)) throw new RangeError(`invalid account name: ${name}`);
      const now = clock.now();
      try {
        const info = db
          .prepare(
            'INSERT INTO admin_accounts (name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
          )
          .run(name, role, passwordHash, now, now);
        return toAccount(byId.get(info.lastInsertRowid) as AccountRow);
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new AccountExistsError(name);
        throw err;
      }
    },
    /** The account and its hash, for sign-in; disabled accounts are returned too (the caller refuses them). */
    findCredentials(name: string): { account: Account; passwordHash: string } | undefined {
      const row = byName.get(name) as AccountRow | undefined;
      return row && { account: toAccount(row), passwordHash: row.password_hash };
    },
    findById(id: number): Account | undefined {
      const row = byId.get(id) as AccountRow | undefined;
      return row && toAccount(row);
    },
    list(): Account[] {
      return (db.prepare('SELECT * FROM admin_accounts ORDER BY name').all() as AccountRow[]).map(toAccount);
    },
    /** Number of enabled admins: the console refuses to demote or disable the last one. */
    countActiveAdmins(): number {
      const row = db
        .prepare("SELECT COUNT(*) AS n FROM admin_accounts WHERE role = 'admin' AND disabled_at IS NULL")
        .get() as { n: number };
      return row.n;
    },
    setRole(id: number, role: Role): void {
      db.prepare('UPDATE admin_accounts SET role = ?, updated_at = ? WHERE id = ?').run(role, clock.now(), id);
    },
    /** Replaces the password hash and ends the account's sessions (everyone signs in again). */
    setPassword(id: number, passwordHash: string): void {
      db.transaction(() => {
        db.prepare('UPDATE admin_accounts SET password_hash = ?, updated_at = ? WHERE id = ?').run(
          passwordHash,
          clock.now(),
          id,
        );
        db.prepare('DELETE FROM admin_sessions WHERE account_id = ?').run(id);
      })();
    },
    /** Disables (or re-enables) an account; disabling deletes its sessions in the same transaction. */
    setDisabled(id: number, disabled: boolean): void {
      const now = clock.now();
      db.transaction(() => {
        db.prepare('UPDATE admin_accounts SET disabled_at = ?, updated_at = ? WHERE id = ?').run(
          disabled ? now : null,
          now,
          id,
        );
        if (disabled) db.prepare('DELETE FROM admin_sessions WHERE account_id = ?').run(id);
      })();
    },
    recordLogin(id: number): void {
      db.prepare('UPDATE admin_accounts SET last_login_at = ? WHERE id = ?').run(clock.now(), id);
    },
  };
}
