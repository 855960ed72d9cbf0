import { computeZaloMac } from '../../src/zalo/zalo-signature.js';

/**
 * Signs a raw webhook body with the production MAC, as Zalo would: `app_id` and `timestamp` are read
 * from the body; a body without `app_id` is signed with `fallbackAppId` (the app it is delivered to).
 * @returns the `X-ZEvent-Signature` value, `mac=<hex>` (or the bare hex with `prefix: false`)
 */
export function signZaloRequest(
  rawBody: string,
  { oaSecretKey, fallbackAppId = '', prefix = true }: { oaSecretKey: string; fallbackAppId?: string; prefix?: boolean },
): string {
  const body = JSON.parse(rawBody) as { app_id?: unknown; timestamp?: unknown };
  const appId = typeof body.app_id === 'string' ? body.app_id : fallbackAppId;
  const timestamp = typeof body.timestamp === 'string' ? body.timestamp : '';
  const mac = computeZaloMac(appId, rawBody, timestamp, oaSecretKey);
  return prefix ? `mac=${mac}` : mac;
}
