import { randomBytes } from 'node:crypto';
import type { AuditLog } from '../../broadcast/audit-log.js';
import { parseActorName } from '../../broadcast/parse-actor-name.js';
import type { Db } from '../../storage/open-database.js';
import {
  ACCOUNT_NAME_PATTERN,
  AccountExistsError,
  type Account,
  type AccountRepository,
} from './account-repository.js';
import { DEFAULT_SCRYPT_COST, hashPassword, type ScryptCost } from './password-hash.js';
import type { Role } from './roles.js';

export const MIN_PASSWORD_LENGTH = 10;

export type AccountRuleCode =
  'name_invalid' | 'role_invalid' | 'name_taken' | 'password_short' | 'last_admin' | 'self' | 'not_found';

/** A refused account change; `code` maps to a message in locales/<lang>/admin.json (`users.errors.*`). */
export class AccountRuleError extends Error {
  override name = 'AccountRuleError';
  constructor(readonly code: AccountRuleCode) {
    super(code);
  }
}

/** A random 16-character password (96 bits), for new accounts and resets when none is given. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

export type AccountService = ReturnType<typeof createAccountService>;

/**
 * Account management shared by the console's users page and `npm run admin:user`: validation,
 * hashing, the "keep one enabled admin" rule, and an audit entry in the same transaction as the change.
 * `actor` is the name written to the audit log ('cli' for the command line).
 */
export function createAccountService(deps: {
  db: Db;
  accounts: AccountRepository;
  audit: AuditLog;
  scryptCost?: ScryptCost;
}) {
  const { db, accounts, audit } = deps;
  const cost = deps.scryptCost ?? DEFAULT_SCRYPT_COST;

  async function hashChecked(password: string | undefined): Promise<{ hash: string; generated?: string }> {
    const generated = password ? undefined : generatePassword();
    const plain = password ?? generated!;
    if ([...plain].length < MIN_PASSWORD_LENGTH) throw new AccountRuleError('password_short');
    return { hash: await hashPassword(plain, cost), generated };
  }

  function existing(id: number): Account {
    const account = accounts.findById(id);
    if (!account) throw new AccountRuleError('not_found');
    return account;
  }

  /** Refuses a change that would leave no enabled admin. */
  function keepAnAdmin(target: Account, stillAdmin: boolean): void {
    if (target.role === 'admin' && target.disabledAt === null && !stillAdmin && accounts.countActiveAdmins() <= 1) {
      throw new AccountRuleError('last_admin');
    }
  }

  return {
    /** Creates an account; generates a password when none is given and returns it (shown once). */
    async add(actor: string, input: { name: string; role: Role; password?: string }) {
      // an account acts under its name: it must also be a valid actor (not 'system', 'cli', 'sandbox')
      if (!ACCOUNT_NAME_PATTERN.test(input.name) || !parseActorName(input.name).ok) {
        throw new AccountRuleError('name_invalid');
      }
      const { hash, generated } = await hashChecked(input.password);
      try {
        const account = db.transaction(() => {
          const created = accounts.create(input.name, input.role, hash);
          audit.record({ actor, action: 'account.create', details: { account: created.name, role: created.role } });
          return created;
        })();
        return { account, generatedPassword: generated };
      } catch (err) {
        if (err instanceof AccountExistsError) throw new AccountRuleError('name_taken');
        throw err;
      }
    },
    setRole(actor: string, id: number, role: Role): void {
      const target = existing(id);
      keepAnAdmin(target, role === 'admin');
      db.transaction(() => {
        accounts.setRole(id, role);
        audit.record({ actor, action: 'account.role', details: { account: target.name, from: target.role, to: role } });
      })();
    },
    /** Sets (or generates) a new password and ends the account's sessions. */
    async resetPassword(actor: string, id: number, password?: string) {
      const target = existing(id);
      const { hash, generated } = await hashChecked(password);
      db.transaction(() => {
        accounts.setPassword(id, hash);
        audit.record({ actor, action: 'account.password', details: { account: target.name } });
      })();
      return { account: target, generatedPassword: generated };
    },
    /** Disables or re-enables an account; one cannot disable oneself or the last admin. */
    setDisabled(actor: string, id: number, disabled: boolean): void {
      const target = existing(id);
      if (disabled && target.name.toLowerCase() === actor.toLowerCase()) throw new AccountRuleError('self');
      if (disabled) keepAnAdmin(target, false);
      db.transaction(() => {
        accounts.setDisabled(id, disabled);
        audit.record({
          actor,
          action: disabled ? 'account.disable' : 'account.enable',
          details: { account: target.name },
        });
      })();
    },
  };
}
