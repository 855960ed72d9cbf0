import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Zalo's webhook MAC: lowercase hex `sha256(appId + rawBody + timestamp + oaSecretKey)`.
 * Plain SHA-256 over the concatenation, not HMAC. `appId` and `timestamp` come from the body.
 * @see ../../../shared/zalo-oa-api.md §1
 */
export function computeZaloMac(
  appId: string,
  rawBody: string | Buffer,
  timestamp: string,
  oaSecretKey: string,
): string {
  return createHash('sha256').update(appId).update(rawBody).update(timestamp).update(oaSecretKey).digest('hex');
}

/**
 * Checks an `X-ZEvent-Signature` header (with or without the `mac=` prefix) in constant time.
 * Returns false for a missing or malformed header rather than throwing.
 */
export function isValidZaloSignature(
  header: string | undefined,
  expected: { appId: string; rawBody: string | Buffer; timestamp: string; oaSecretKey: string },
): boolean {
  if (!header) return false;
  const given = header.trim().replace(/^mac=/i, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  const mac = computeZaloMac(expected.appId, expected.rawBody, expected.timestamp, expected.oaSecretKey);
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(mac, 'hex'));
}

/**
 * Signs a raw webhook body as Zalo does, reading `app_id` and `timestamp` from it.
 * Used by the simulator's webhook emitter and by tests that replay fixtures.
 * @returns the header value, `mac=<hex>`
 */
export function signZaloBody(rawBody: string, oaSecretKey: string): string {
  const parsed = JSON.parse(rawBody) as { app_id?: unknown; timestamp?: unknown };
  const appId = typeof parsed.app_id === 'string' ? parsed.app_id : '';
  const timestamp = typeof parsed.timestamp === 'string' ? parsed.timestamp : '';
  return `mac=${computeZaloMac(appId, rawBody, timestamp, oaSecretKey)}`;
}
