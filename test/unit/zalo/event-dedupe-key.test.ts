import { describe, expect, it } from 'vitest';
import { eventDedupeKey } from '../../../src/zalo/event-dedupe-key.js';
import { eventUserKey } from '../../../src/zalo/event-user-key.js';
import { parseZaloEvent } from '../../../src/zalo/parse-zalo-event.js';
import type { ZaloEvent } from '../../../src/zalo/zalo-event.js';
import { loadWebhookFixtures, webhookFixture } from '../../helpers/webhook-fixtures.js';

function event(file: string, patch: Record<string, unknown> = {}): ZaloEvent {
  const result = parseZaloEvent({ ...webhookFixture(file).body, ...patch });
  if (!result.ok) throw new Error(result.error);
  return result.event;
}

describe('eventDedupeKey', () => {
  it('when the same body is delivered again, then the key is the same', () => {
    for (const fixture of loadWebhookFixtures()) {
      expect(eventDedupeKey(event(fixture.file))).toBe(eventDedupeKey(event(fixture.file)));
    }
  });

  it('when a message event carries a msg_id, then the key is that msg_id under the event name', () => {
    expect(eventDedupeKey(event('user_send_text.json'))).toBe('user_send_text:96d3cdf3af150460909');
    expect(eventDedupeKey(event('user_send_text.json', { timestamp: '1' }))).toBe('user_send_text:96d3cdf3af150460909');
  });

  it('when an echo, a receipt and a reaction name the same msg_id, then their keys differ', () => {
    const msg = { msg_id: '789f573aecf8a9a4f0eb' };
    const keys = [
      event('oa_send_text.json', { message: { ...msg, text: 'x' } }),
      event('user_received_message.json', { message: msg }),
      event('user_reacted_message.json'),
      event('user_reacted_message.json', { message: { ...msg, react_icon: '/-strong' } }),
      event('oa_reacted_message.json'),
    ].map(eventDedupeKey);

    expect(new Set(keys).size).toBe(keys.length);
  });

  it('when an event has no msg_id, then the key is built from its name, ids and timestamp', () => {
    expect(eventDedupeKey(event('follow.json'))).toBe('follow:24684588352919792:154397978274');
    expect(eventDedupeKey(event('user_join_group.json'))).toBe(
      'user_join_group:48382b0bb7595e070748:8509985270925410066:1696407729124',
    );
    expect(eventDedupeKey(event('follow.json', { timestamp: '154397978275' }))).not.toBe(
      eventDedupeKey(event('follow.json')),
    );
  });

  it('when two unmodelled events share name and timestamp but differ in content, then their keys differ', () => {
    expect(eventDedupeKey(event('add_user_to_tag.json'))).not.toBe(eventDedupeKey(event('add_user_to_tag-2.json')));
  });
});

describe('eventUserKey', () => {
  it.each([
    ['user_send_text.json', '246845883529197922'],
    ['oa_send_text.json', '246845883529197922'],
    ['follow.json', '24684588352919792'],
    ['user_seen_message.json', '246845883529697922'],
    ['oa_reacted_message.json', '186729651760683225'],
    ['user_reacted_message.json', '186729651760683225'],
    ['user_withdraw.json', '4558424660619243532'],
    ['user_click_chatnow.json', '8309215952164870311'],
    ['anonymous_send_text.json', 'anon:1ffedc467f179649cf06'],
    ['oa_send_anonymous_text.json', 'anon:c89fa24b9b5772092b46'],
    ['user_send_group_text.json', 'group:f414c8f76fa586fbdfb4'],
    ['user_join_group.json', 'group:48382b0bb7595e070748'],
    ['user_call_oa.json', 'event:user_call_oa'],
  ])('when %s arrives, then it belongs to %s', (file, key) => {
    expect(eventUserKey(event(file))).toBe(key);
  });
});
