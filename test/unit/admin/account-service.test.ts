import { describe, expect, it } from 'vitest';
import { createAccountRepository } from '../../../src/admin/auth/account-repository.js';
import { AccountRuleError, createAccountService } from '../../../src/admin/auth/account-service.js';
import { verifyPassword } from '../../../src/admin/auth/password-hash.js';
import { createAuditLog } from '../../../src/broadcast/audit-log.js';
import { createManualClock } from '../../../src/shared/clock.js';
import { openDatabase } from '../../../src/storage/open-database.js';

function setup() {
  const db = openDatabase(':memory:');
  const clock = createManualClock();
  const accounts = createAccountRepository({ db, clock });
  const audit = createAuditLog({ db, clock });
  const service = createAccountService({ db, accounts, audit, scryptCost: { N: 1024, r: 8, p: 1 } });
  return { accounts, audit, service };
}

async function refused(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (err) {
    if (err instanceof AccountRuleError) return err.code;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('account service', () => {
  it('when an account is added without a password, then one is generated, works, and the audit names the actor', async () => {
    const { accounts, audit, service } = setup();
    const { account, generatedPassword } = await service.add('cli', { name: 'chu.tich', role: 'approver' });
    expect(generatedPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const stored = accounts.findCredentials('CHU.TICH')!;
    expect(await verifyPassword(generatedPassword!, stored.passwordHash)).toBe(true);
    expect(audit.list()[0]).toMatchObject({
      actor: 'cli',
      action: 'account.create',
      details: { account: account.name, role: 'approver' },
    });
  });

  it('when the name is bad, taken (any case) or the password short, then nothing is created', async () => {
    const { accounts, service } = setup();
    await service.add('cli', { name: 'lan', role: 'editor', password: 'long enough pw' });
    expect(await refused(service.add('cli', { name: 'l<b>', role: 'editor' }))).toBe('name_invalid');
    expect(await refused(service.add('cli', { name: 'LAN', role: 'editor' }))).toBe('name_taken');
    expect(await refused(service.add('cli', { name: 'minh', role: 'editor', password: 'short' }))).toBe(
      'password_short',
    );
    expect(accounts.list().map((a) => a.name)).toEqual(['lan']);
  });

  it('when the last enabled admin would be demoted or disabled, then it is refused', async () => {
    const { service } = setup();
    const { account: root } = await service.add('cli', { name: 'root', role: 'admin' });
    const { account: other } = await service.add('cli', { name: 'other', role: 'admin' });
    expect(await refused(() => service.setDisabled('root', root.id, true))).toBe('self');
    service.setDisabled('root', other.id, true);
    expect(await refused(() => service.setRole('root', root.id, 'viewer'))).toBe('last_admin');
    expect(await refused(() => service.setDisabled('someone', root.id, true))).toBe('last_admin');
  });
});
