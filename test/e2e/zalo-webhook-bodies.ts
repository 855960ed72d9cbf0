import { randomBytes } from 'node:crypto';
import type { ZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';
import { signZaloBody } from '../../src/zalo/zalo-signature.js';

/**
 * Raw webhook bodies shaped like Zalo's deliveries (ids as strings, 13-digit millisecond `timestamp`
 * string, 20-hex `msg_id`), for the simulator's app and OA. Each builder first records on the simulator
 * what Zalo records when the resident acts (the interaction that opens the 1:1 reply window).
 */
export function zaloWebhookBodies(sim: ZaloSimulator) {
  const byApp = (userId: string): string => sim.getUser(userId)?.userIdByApp ?? userId;
  return {
    userSendText(userId: string, text: string): string {
      sim.touchUser(userId);
      return JSON.stringify({
        app_id: sim.appId,
        sender: { id: userId },
        user_id_by_app: byApp(userId),
        recipient: { id: sim.oaId },
        event_name: 'user_send_text',
        message: { text, msg_id: randomBytes(10).toString('hex') },
        timestamp: String(Date.now()),
      });
    },
    follow(userId: string): string {
      sim.touchUser(userId);
      sim.updateUser(userId, { isFollower: true });
      return JSON.stringify({
        oa_id: sim.oaId,
        follower: { id: userId },
        user_id_by_app: byApp(userId),
        event_name: 'follow',
        source: 'oa_profile',
        app_id: sim.appId,
        timestamp: String(Date.now()),
      });
    },
  };
}

/**
 * POSTs a raw body to `POST /webhook/zalo` as Zalo does, signed with the simulator's OA secret key
 * unless `signature` is given. Aborts after 2 s, Zalo's own deadline for the 200.
 */
export async function deliverWebhook(
  appUrl: string,
  sim: ZaloSimulator,
  rawBody: string,
  signature?: string,
): Promise<Response> {
  return fetch(`${appUrl}/webhook/zalo`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-ZEvent-Signature': signature ?? signZaloBody(rawBody, sim.oaSecretKey),
    },
    body: rawBody,
    signal: AbortSignal.timeout(2_000),
  });
}
