import { createHash } from 'node:crypto';
import type { ZaloEvent } from './zalo-event.js';

/**
 * The key under which a delivery is recorded once: Zalo delivers at least once and retries resend the
 * identical body. Message events use their `msg_id` (prefixed by the event name: an echo, a receipt
 * and a reaction can carry the same msg_id). Reactions add icon and timestamp (one message can be
 * reacted to many times); events without a msg_id use event name + ids + timestamp, and unmodelled
 * events their timestamp and a hash of their content.
 */
export function eventDedupeKey(event: ZaloEvent): string {
  const parts = dedupeParts(event);
  return [event.event_name === 'unknown' ? `unknown:${event.zalo_event_name}` : event.event_name, ...parts].join(':');
}

function dedupeParts(event: ZaloEvent): string[] {
  switch (event.event_name) {
    case 'follow':
    case 'unfollow':
      return [event.follower.id, event.timestamp];
    case 'user_submit_info':
      return [event.sender.id, event.timestamp];
    case 'user_seen_message':
      return [event.recipient.id, ...event.message.msg_ids];
    case 'user_reacted_message':
    case 'oa_reacted_message':
      return [event.message.msg_id, event.message.react_icon, event.timestamp];
    case 'user_click_chatnow':
    case 'user_withdraw':
      return [event.user_id, event.timestamp];
    case 'unknown':
      return [event.timestamp, createHash('sha256').update(JSON.stringify(event.payload)).digest('hex').slice(0, 16)];
    default:
      if ('group_id' in event) return [event.group_id, ...event.users.map((u) => u.id), event.timestamp];
      return [event.message.msg_id];
  }
}
