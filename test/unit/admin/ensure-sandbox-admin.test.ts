import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccountRepository } from '../../../src/admin/auth/account-repository.js';
import { ensureSandboxAdmin, SANDBOX_ADMIN_NAME } from '../../../src/admin/auth/ensure-sandbox-admin.js';
import { verifyPassword } from '../../../src/admin/auth/password-hash.js';
import { createAuditLog } from '../../../src/broadcast/audit-log.js';
import { createManualClock } from '../../../src/shared/clock.js';
import { openDatabase, type Db } from '../../../src/storage/open-database.js';

describe('ensureSandboxAdmin', () => {
  let dir: string;
  let db: Db;
  const clock = createManualClock();

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-sandbox-admin-'));
    db = openDatabase(path.join(dir, 'loa-xa.sqlite'));
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when no account exists, then it creates an enabled admin whose printed password signs in', async () => {
    const created = await ensureSandboxAdmin({ db, clock, audit: createAuditLog({ db, clock }) });
    expect(created?.name).toBe(SANDBOX_ADMIN_NAME);
    const accounts = createAccountRepository({ db, clock });
    const stored = accounts.findCredentials(SANDBOX_ADMIN_NAME);
    expect(stored?.account.role).toBe('admin');
    expect(await verifyPassword(created!.password, stored!.passwordHash)).toBe(true);
  });

  it('when an account already exists, then it changes nothing and returns undefined', async () => {
    const audit = createAuditLog({ db, clock });
    await ensureSandboxAdmin({ db, clock, audit });
    const before = createAccountRepository({ db, clock }).list();
    expect(await ensureSandboxAdmin({ db, clock, audit })).toBeUndefined();
    expect(createAccountRepository({ db, clock }).list()).toEqual(before);
  });
});
