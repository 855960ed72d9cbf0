import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Checks a submitted CSRF token against the session's synchronizer token in constant time.
 * Missing, empty or non-string submissions are refused. Both sides are hashed first so that the
 * comparison does not leak the token's length.
 */
export function isValidCsrfToken(expected: string, submitted: unknown): boolean {
  if (typeof submitted !== 'string' || submitted.length === 0 || expected.length === 0) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(submitted).digest();
  return timingSafeEqual(a, b);
}
