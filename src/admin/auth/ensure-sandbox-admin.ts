import type { AuditLog } from '../../broadcast/audit-log.js';
import type { Clock } from '../../shared/clock.js';
import type { Db } from '../../storage/open-database.js';
import { createAccountRepository } from './account-repository.js';
import { createAccountService } from './account-service.js';

export const SANDBOX_ADMIN_NAME = 'sandbox-admin';

/**
 * Sandbox mode only: when the database has no console account yet, creates an admin account with a
 * generated password so a newcomer can open /admin right away. Returns the credentials to show once,
 * or undefined when accounts already exist (nothing is changed then). Never call this in live mode.
 */
export async function ensureSandboxAdmin(deps: {
  db: Db;
  clock: Clock;
  audit: AuditLog;
}): Promise<{ name: string; password: string } | undefined> {
  const accounts = createAccountRepository({ db: deps.db, clock: deps.clock });
  if (accounts.list().length > 0) return undefined;
  const service = createAccountService({ db: deps.db, accounts, audit: deps.audit });
  const { generatedPassword } = await service.add('sandbox', { name: SANDBOX_ADMIN_NAME, role: 'admin' });
  return generatedPassword ? { name: SANDBOX_ADMIN_NAME, password: generatedPassword } : undefined;
}
