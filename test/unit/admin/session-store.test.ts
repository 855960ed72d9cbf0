import { describe, expect, it } from 'vitest';
import { createAccountRepository } from '../../../src/admin/auth/account-repository.js';
import { createSessionStore } from '../../../src/admin/auth/session-store.js';
import { createManualClock } from '../../../src/shared/clock.js';
import { openDatabase } from '../../../src/storage/open-database.js';

const lifetimes = { idleMs: 3600_000, absoluteMs: 4 * 3600_000, anonymousMs: 600_000 };

function setup() {
  const db = openDatabase(':memory:');
  const clock = createManualClock();
  const accounts = createAccountRepository({ db, clock });
  const account = accounts.create('lan', 'editor', 'scrypt$hash');
  return { db, clock, accounts, account, sessions: createSessionStore({ db, clock, lifetimes }) };
}

describe('session store', () => {
  it('when a session is created, then only a hash of its id is stored and it can be read back', () => {
    const { db, sessions, account } = setup();
    const s = sessions.create(account.id);
    const stored = db.prepare('SELECT id_hash FROM admin_sessions').all() as { id_hash: string }[];
    expect(stored.map((r) => r.id_hash)).not.toContain(s.id);
    expect(sessions.get(s.id)).toMatchObject({ accountId: account.id, csrfToken: s.csrfToken });
    expect(sessions.get(s.id + 'x')).toBeUndefined();
  });

  it('when a session is used, then its idle expiry slides but never past the absolute limit', () => {
    const { clock, sessions, account } = setup();
    const s = sessions.create(account.id);
    for (let i = 0; i < 3; i++) {
      clock.advance(50 * 60_000);
      expect(sessions.get(s.id)).toBeDefined();
    }
    clock.advance(50 * 60_000);
    expect(sessions.get(s.id)).toBeDefined();
    clock.advance(45 * 60_000);
    expect(sessions.get(s.id)).toBeUndefined();
  });

  it('when a session sits idle past its limit, then it is gone', () => {
    const { clock, sessions, account } = setup();
    const s = sessions.create(account.id);
    clock.advance(3600_000);
    expect(sessions.get(s.id)).toBeUndefined();
  });

  it('when an account is disabled or its password reset, then its sessions end', () => {
    const { sessions, accounts, account } = setup();
    const a = sessions.create(account.id);
    accounts.setPassword(account.id, 'scrypt$new');
    expect(sessions.get(a.id)).toBeUndefined();
    const b = sessions.create(account.id);
    accounts.setDisabled(account.id, true);
    expect(sessions.get(b.id)).toBeUndefined();
  });
});

describe('session store: signed-out visitors', () => {
  it('when a visitor session is made, then nothing is stored and the cookie alone gives back the same CSRF token', () => {
    const { db, sessions } = setup();
    const v = sessions.anonymous();
    expect(db.prepare('SELECT COUNT(*) AS n FROM admin_sessions').get()).toEqual({ n: 0 });
    expect(sessions.get(v.id)).toEqual({ id: v.id, accountId: null, csrfToken: v.csrfToken, expiresAt: v.expiresAt });
    expect(sessions.anonymous().csrfToken).not.toBe(v.csrfToken);
  });

  it('when the database is reopened, then a visitor token still verifies; a tampered id or an expired one does not', () => {
    const { db, clock, sessions } = setup();
    const v = sessions.anonymous();
    const again = createSessionStore({ db, clock, lifetimes });
    expect(again.get(v.id)?.csrfToken).toBe(v.csrfToken);
    const tampered = v.id.slice(0, -1) + (v.id.endsWith('A') ? 'B' : 'A');
    expect(again.get(tampered)?.csrfToken).not.toBe(v.csrfToken);
    clock.advance(lifetimes.anonymousMs);
    expect(again.get(v.id)).toBeUndefined();
  });

  it('when another installation signs a visitor id, then its token does not verify here', () => {
    const { sessions } = setup();
    const v = sessions.anonymous();
    expect(setup().sessions.get(v.id)?.csrfToken).not.toBe(v.csrfToken);
  });
});
