import { createHash, randomBytes, randomInt } from 'node:crypto';

/** A 20-character lowercase hex id, the shape of Zalo's `msg_id`, `message_id` and group ids. */
export function hexId(): string {
  return randomBytes(10).toString('hex');
}

/**
 * A 19-digit decimal Zalo user id. Always larger than 2^53, so code that coerces ids to numbers
 * breaks against the simulator as it would against Zalo.
 */
export function userId(): string {
  let digits = String(randomInt(1, 10));
  while (digits.length < 19) digits += String(randomInt(0, 10));
  return digits;
}

/** The app-scoped `user_id_by_app` for a user id: stable, 18 decimal digits, never equal to the id. */
export function userIdByApp(appId: string, uid: string): string {
  const hex = createHash('sha256').update(`${appId}:${uid}`).digest('hex').slice(0, 15);
  return ((BigInt(`0x${hex}`) % 900000000000000000n) + 100000000000000000n).toString();
}

/** An opaque token like Zalo's access/refresh tokens and authorization codes (base64url). */
export function opaqueToken(bytes = 48): string {
  return randomBytes(bytes).toString('base64url');
}
