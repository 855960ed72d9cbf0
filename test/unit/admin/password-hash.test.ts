import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src/admin/auth/password-hash.js';

const FAST = { N: 1024, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('when a password is hashed, then the same password verifies and another does not', async () => {
    const hash = await hashPassword('mật khẩu dài 123', FAST);
    expect(await verifyPassword('mật khẩu dài 123', hash)).toBe(true);
    expect(await verifyPassword('mật khẩu dài 124', hash)).toBe(false);
  });

  it('when the same password is hashed twice, then the salts differ', async () => {
    const [a, b] = await Promise.all([hashPassword('same password', FAST), hashPassword('same password', FAST)]);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
  });

  it('when no cost is given, then the stored hash records N=32768, r=8, p=1', async () => {
    const hash = await hashPassword('default cost password');
    expect(hash.split('$').slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    expect(await verifyPassword('default cost password', hash)).toBe(true);
  });

  it('when the password is typed with decomposed diacritics, then it still verifies (NFC)', async () => {
    const hash = await hashPassword('Hộ nghèo 2026', FAST);
    expect(await verifyPassword('Hộ nghèo 2026'.normalize('NFD'), hash)).toBe(true);
  });

  it.each(['', 'plain', 'scrypt$1024$8$1$c2FsdA==', 'scrypt$x$8$1$c2FsdA==$AAAA', 'bcrypt$1$2$3$4$5'])(
    'when the stored hash is malformed (%s), then verification is false, not a throw',
    async (stored) => {
      expect(await verifyPassword('anything', stored)).toBe(false);
    },
  );
});
