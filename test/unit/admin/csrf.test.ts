import { describe, expect, it } from 'vitest';
import { isValidCsrfToken } from '../../../src/admin/auth/csrf.js';

describe('isValidCsrfToken', () => {
  const token = 'x8Jf0c2mXb3h7T5Yq1sD4eR6tY8uI0oP2aS4dF6gH8j';

  it('when the submitted token equals the session token, then it is valid', () => {
    expect(isValidCsrfToken(token, token)).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['different', token.slice(0, -1) + 'k'],
    ['a prefix', token.slice(0, 10)],
    ['an array', [token]],
  ])('when the submitted token is %s, then it is refused', (_label, submitted) => {
    expect(isValidCsrfToken(token, submitted)).toBe(false);
  });

  it('when the session has no token, then nothing is accepted', () => {
    expect(isValidCsrfToken('', '')).toBe(false);
  });
});
