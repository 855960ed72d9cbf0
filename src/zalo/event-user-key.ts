import type { ZaloEvent } from './zalo-event.js';

/**
 * Whose conversation an event belongs to: the inbox processes one key's events strictly in order.
 * The resident's Zalo user id for 1:1 events (sender for `user_*`, recipient for OA echoes, receipts and
 * OA reactions), `anon:<id>` for chat-widget visitors, `group:<id>` for group events, `event:<name>`
 * for events about no one. A resident's key is their bare id so `deleteUserData` can match it.
 */
export function eventUserKey(event: ZaloEvent): string {
  switch (event.event_name) {
    case 'follow':
    case 'unfollow':
      return event.follower.id;
    case 'user_click_chatnow':
    case 'user_withdraw':
      return event.user_id;
    case 'user_send_text':
    case 'user_submit_info':
    case 'user_reacted_message':
      return event.sender.id;
    case 'user_received_message':
    case 'user_seen_message':
    case 'oa_reacted_message':
      return event.recipient.id;
    case 'unknown':
      return `event:${event.zalo_event_name}`;
    default:
      if ('group_id' in event) return `group:${event.group_id}`;
      if (event.event_name.startsWith('anonymous_send_')) return `anon:${event.sender.id}`;
      if (event.event_name.startsWith('oa_send_anonymous_')) return `anon:${event.recipient.id}`;
      if (event.event_name.startsWith('user_send_group_') || event.event_name.startsWith('oa_send_group_')) {
        return `group:${event.recipient.id}`;
      }
      return event.event_name.startsWith('oa_send_') ? event.recipient.id : event.sender.id;
  }
}
