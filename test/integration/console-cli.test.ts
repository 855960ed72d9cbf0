import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAccountRepository } from '../../src/admin/auth/account-repository.js';
import { verifyPassword } from '../../src/admin/auth/password-hash.js';
import { createAuditLog } from '../../src/broadcast/audit-log.js';
import { systemClock } from '../../src/shared/clock.js';
import { openDatabase } from '../../src/storage/open-database.js';

const dirs: string[] = [];

function run(args: string[], input: string | undefined, dataDir: string) {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, SANDBOX: 'true' };
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/admin-user.ts', ...args], {
    input: input ?? '',
    env,
    encoding: 'utf8',
  });
}

describe('npm run admin:user', () => {
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('when an account is added with a password on stdin, then it can sign in with it and the creation is audited as cli', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-cli-'));
    dirs.push(dataDir);
    const res = run(['add', 'chu.tich', '--role', 'admin'], 'mật khẩu rất dài 1\n', dataDir);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Đã tạo tài khoản chu.tich (vai trò Quản trị).');
    expect(res.stdout).not.toContain('mật khẩu rất dài 1');
    const list = run(['list'], undefined, dataDir);
    expect(list.stdout.trim()).toBe('chu.tich\tQuản trị');
    const db = openDatabase(path.join(dataDir, 'loa-xa.sqlite'));
    const found = createAccountRepository({ db, clock: systemClock }).findCredentials('chu.tich')!;
    expect(found.account.role).toBe('admin');
    expect(await verifyPassword('mật khẩu rất dài 1', found.passwordHash)).toBe(true);
    expect(createAuditLog({ db, clock: systemClock }).list()[0]).toMatchObject({
      actor: 'cli',
      action: 'account.create',
    });
    db.close();
  });

  it('when stdin is empty, then a password is generated and printed once; a bad role prints the usage', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-cli-'));
    dirs.push(dataDir);
    const res = run(['add', 'bien.tap', '--role', 'editor'], '', dataDir);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/Mật khẩu \(chỉ hiện một lần\): [A-Za-z0-9_-]{16}/);
    const bad = run(['add', 'x', '--role', 'boss'], '', dataDir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Cách dùng');
  });
});
