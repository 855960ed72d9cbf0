import type { OutboundRepository } from '../zalo/outbound-repository.js';

/** Echoes older than Zalo's reply window are not looked for. */
const LOOK_BACK_MS = 8 * 24 * 3_600_000;

/**
 * `HandleEventDeps.isOwnMessage`: whether a Zalo message id is one the app sent to this resident
 * (every API send is in the outbound log), so an echo of it is never taken for an official's.
 */
export function createOwnMessageCheck(outbound: OutboundRepository, now: () => number) {
  return (userId: string, msgId: string): boolean => outbound.messageIdsToUser(userId, now() - LOOK_BACK_MS).has(msgId);
}
