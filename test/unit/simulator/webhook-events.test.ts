import { describe, expect, it } from 'vitest';
import { createEventBuilders, type ZaloWebhookBody } from '../../../src/simulator/webhook-events.js';

const ctx = {
  appId: '3570977494304483078',
  oaId: '2057086764452860443',
  now: () => 1764385200123,
  userIdByApp: () => '552177279717587730',
};
const ev = createEventBuilders(ctx);
const USER = '8509985270925410066';
const GROUP = '48382b0bb7595e070748';

/** Every leaf value that is an id (key `id` or ending in `_id`) must be a string. */
function idLeaves(value: unknown, key = ''): Array<[string, unknown]> {
  if (Array.isArray(value)) return value.flatMap((v) => idLeaves(v, key));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => idLeaves(v, k));
  return key === 'id' || key.endsWith('_id') ? [[key, value]] : [];
}

const all: ZaloWebhookBody[] = [
  ev.userSendText(USER, 'hỏi'),
  ...(['image', 'gif', 'link', 'audio', 'video', 'sticker', 'location', 'business_card', 'file'] as const).map((k) =>
    ev.userSend(k, USER),
  ),
  ev.follow(USER),
  ev.unfollow(USER),
  ev.userSubmitInfo(USER, { name: 'Lan' }),
  ev.userReceivedMessage(USER, 'a'.repeat(20)),
  ev.userSeenMessage(USER, ['a'.repeat(20)]),
  ev.userReactedMessage(USER, 'b'.repeat(20)),
  ev.oaReactedMessage(USER, 'b'.repeat(20)),
  ev.userClickChatnow(USER),
  ev.anonymousSend('text', '1ffedc467f179649cf06', 'fa8f3f8701c2e89cb1d3', { text: 'hello' }),
  ev.oaSendAnonymous('sticker', '1ffedc467f179649cf06', 'fa8f3f8701c2e89cb1d3'),
  ev.oaSend('text', USER, { text: 'trả lời' }),
  ev.oaSend('list', USER),
  ev.userSendGroup('text', USER, GROUP, { text: 'chào nhóm' }),
  ev.oaSendGroup('image', GROUP),
  ev.groupEvent('react_request_join_group', GROUP, [USER]),
  ev.groupEvent('disperse_group', GROUP),
  ev.userWithdraw(USER),
];

describe('webhook event builders', () => {
  it.each(all.map((body) => [body.event_name, body] as const))(
    'when %s is built, then ids are strings and the timestamp is a 13-digit ms string',
    (_name, body) => {
      expect(body.timestamp).toBe('1764385200123');
      for (const [key, value] of idLeaves(body)) expect(typeof value, key).toBe('string');
      if (body.app_id !== undefined) expect(body.app_id).toBe(ctx.appId);
    },
  );

  it('when a user sends text, then the body matches the published user_send_text shape and key order', () => {
    const body = ev.userSendText(USER, 'hỏi', { quoteMsgId: 'c'.repeat(20) });
    expect(Object.keys(body)).toEqual([
      'app_id',
      'sender',
      'user_id_by_app',
      'recipient',
      'event_name',
      'message',
      'timestamp',
    ]);
    expect(body.message).toEqual({
      text: 'hỏi',
      msg_id: expect.stringMatching(/^[0-9a-f]{20}$/),
      quote_msg_id: 'c'.repeat(20),
    });
    expect(body.recipient).toEqual({ id: ctx.oaId });
  });

  it('when attachments are built, then their payloads follow the published examples (location strings, business card as link with JSON description)', () => {
    const location = ev.userSend('location', USER).message as {
      attachments: Array<{ type: string; payload: { coordinates: Record<string, unknown> } }>;
    };
    expect(location.attachments[0]!.type).toBe('location');
    expect(typeof location.attachments[0]!.payload.coordinates.latitude).toBe('string');
    const card = ev.userSend('business_card', USER);
    expect(card.event_name).toBe('user_send_business_card');
    const attachment = (card.message as { attachments: Array<{ type: string; payload: { description: string } }> })
      .attachments[0]!;
    expect(attachment.type).toBe('link');
    expect(JSON.parse(attachment.payload.description)).toHaveProperty('phone');
  });

  it('when follow, submit info, seen and click-chatnow are built, then they use follower / numeric phone / msg_ids[] / user_id', () => {
    expect(ev.follow(USER)).toMatchObject({ oa_id: ctx.oaId, follower: { id: USER }, source: 'oa_profile' });
    expect(ev.follow(USER)).not.toHaveProperty('sender');
    expect(typeof (ev.userSubmitInfo(USER).info as { phone: unknown }).phone).toBe('number');
    expect(ev.userSeenMessage(USER, ['x'])).toMatchObject({
      sender: { id: ctx.oaId },
      recipient: { id: USER },
      message: { msg_ids: ['x'] },
    });
    expect(ev.userClickChatnow(USER)).toMatchObject({ oa_id: ctx.oaId, user_id: USER });
  });

  it('when OA echoes are built, then sender is the OA and admin_id appears only for a human admin', () => {
    expect(ev.oaSend('text', USER, { text: 'x' }).sender).toEqual({ id: ctx.oaId });
    expect(ev.oaSend('text', USER, { text: 'x', adminId: '4267886274574868951' }).sender).toEqual({
      id: ctx.oaId,
      admin_id: '4267886274574868951',
    });
  });

  it('when group events are built, then recipient.id is the group with a top-level oa_id, and lifecycle bodies are flat with users[]', () => {
    expect(ev.userSendGroup('text', USER, GROUP, { text: 'x' })).toMatchObject({
      recipient: { id: GROUP },
      oa_id: ctx.oaId,
      sender: { id: USER },
    });
    const join = ev.groupEvent('user_join_group', GROUP, [USER]);
    expect(Object.keys(join)).toEqual(['oa_id', 'group_id', 'event_name', 'app_id', 'users', 'timestamp']);
    expect(join.users).toEqual([{ id: USER }]);
    expect(ev.groupEvent('delete_group', GROUP)).not.toHaveProperty('users');
  });
});
