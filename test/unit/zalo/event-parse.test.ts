import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseZaloEvent } from '../../../src/zalo/parse-zalo-event.js';
import type { ZaloEvent } from '../../../src/zalo/zalo-event.js';
import { loadWebhookFixtures, WEBHOOK_FIXTURES_DIR, webhookFixture } from '../../helpers/webhook-fixtures.js';

/** file → the union member it must parse to (events Zalo publishes that the bot does not model are `unknown`). */
const EXPECTED: Record<string, ZaloEvent['event_name']> = {
  'accept_request_join_group.json': 'accept_request_join_group',
  'add_group_admin.json': 'add_group_admin',
  'add_user_to_tag-2.json': 'unknown',
  'add_user_to_tag.json': 'unknown',
  'anonymous_send_text.json': 'anonymous_send_text',
  'create_group.json': 'create_group',
  'delete_group.json': 'delete_group',
  'extension_purchased.json': 'unknown',
  'follow.json': 'follow',
  'oa_reacted_message.json': 'oa_reacted_message',
  'oa_send_anonymous_text.json': 'oa_send_anonymous_text',
  'oa_send_consent.json': 'unknown',
  'oa_send_text.json': 'oa_send_text',
  'reject_request_join_group.json': 'reject_request_join_group',
  'remove_group_admin.json': 'remove_group_admin',
  'remove_tag.json': 'unknown',
  'remove_user_from_tag.json': 'unknown',
  'update_group_info.json': 'update_group_info',
  'update_user_info.json': 'unknown',
  'user_call_oa.json': 'unknown',
  'user_click_chatnow.json': 'user_click_chatnow',
  'user_join_group.json': 'user_join_group',
  'user_out_group.json': 'user_out_group',
  'user_reacted_message.json': 'user_reacted_message',
  'user_received_message.json': 'user_received_message',
  'user_reply_consent.json': 'unknown',
  'user_request_join_group.json': 'user_request_join_group',
  'user_seen_message.json': 'user_seen_message',
  'user_send_group_text.json': 'user_send_group_text',
  'user_send_text.json': 'user_send_text',
  'user_submit_info.json': 'user_submit_info',
  'user_withdraw.json': 'user_withdraw',
  'widget_failed_to_sync_user_external_id.json': 'unknown',
  'widget_interaction_accepted.json': 'unknown',
};

function parsed(json: unknown): ZaloEvent {
  const result = parseZaloEvent(json);
  if (!result.ok) throw new Error(result.error);
  return result.event;
}

describe('parseZaloEvent', () => {
  it('when the fixture folder is listed, then every published example has an expectation', () => {
    expect(loadWebhookFixtures().map((f) => f.file)).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(loadWebhookFixtures().map((f) => [f.file, f] as const))(
    'when %s is parsed, then it becomes the right union member',
    (file, fixture) => {
      const event = parsed(fixture.body);

      expect(event.event_name).toBe(EXPECTED[file]);
      if (event.event_name === 'unknown') expect(event.zalo_event_name).toBe(fixture.body.event_name);
      else expect(event.timestamp).toBe(fixture.body.timestamp);
    },
  );

  it('when ids are longer than 2^53, then they stay exact strings', () => {
    const event = parsed(webhookFixture('user_send_text.json').body);

    expect(event).toMatchObject({
      sender: { id: '246845883529197922' },
      message: { msg_id: '96d3cdf3af150460909', text: 'message' },
    });
  });

  it('when user_submit_info carries the phone as a number, then it is read as its digits', () => {
    const event = parsed(webhookFixture('user_submit_info.json').body);

    expect(event).toMatchObject({
      event_name: 'user_submit_info',
      info: { phone: '841213333111', city: 'Vĩnh Long', ward: '' },
    });
  });

  it('when a read receipt lists several message ids, then all are kept', () => {
    const body = { ...webhookFixture('user_seen_message.json').body, message: { msg_ids: ['a1', 'b2'] } };

    expect(parsed(body)).toMatchObject({ event_name: 'user_seen_message', message: { msg_ids: ['a1', 'b2'] } });
  });

  it('when an OA echo has no admin_id, then it parses without one', () => {
    const body = { ...webhookFixture('oa_send_text.json').body, sender: { id: '388613280879808645' } };
    const event = parsed(body);

    expect(event.event_name === 'oa_send_text' && event.sender.admin_id).toBeUndefined();
    expect(parsed(webhookFixture('oa_send_text.json').body)).toMatchObject({
      sender: { admin_id: '4267886274574868951' },
    });
  });

  it('when a body has fields the model does not know, then they are dropped', () => {
    const event = parsed({ ...webhookFixture('follow.json').body, extra: { nested: true } });

    expect(event).not.toHaveProperty('extra');
    expect(event).toMatchObject({ event_name: 'follow', follower: { id: '24684588352919792' }, source: 'oa_profile' });
  });

  it('when the timestamp arrives as a number, then it is kept as its decimal string', () => {
    const event = parsed({ ...webhookFixture('user_withdraw.json').body, timestamp: 1727770763679 });

    expect(event.timestamp).toBe('1727770763679');
  });

  it.each(
    fs
      .readdirSync(path.join(WEBHOOK_FIXTURES_DIR, 'fragments'))
      .filter((f) => /^user_send\.attachments\.\w+\.json$/.test(f))
      .map((f) => [f] as const),
  )('when a user message carries the published attachments of %s, then it parses with them', (file) => {
    const kind = file.split('.')[2]!;
    const attachments = JSON.parse(
      fs.readFileSync(path.join(WEBHOOK_FIXTURES_DIR, 'fragments', file), 'utf8'),
    ) as unknown[];
    const body = {
      ...webhookFixture('user_send_text.json').body,
      event_name: `user_send_${kind}`,
      message: { msg_id: 'x1', attachments },
    };

    expect(parsed(body)).toMatchObject({ event_name: `user_send_${kind}`, message: { attachments: [{ type: kind }] } });
  });

  it('when the OA template echo carries a bare attachment object, then it is read as a one-element list', () => {
    const template = JSON.parse(
      fs.readFileSync(path.join(WEBHOOK_FIXTURES_DIR, 'fragments/oa_send.attachments.template.json'), 'utf8'),
    ) as object;
    const body = {
      ...webhookFixture('oa_send_text.json').body,
      event_name: 'oa_send_template',
      message: { msg_id: 'x2', attachments: template },
    };

    expect(parsed(body)).toMatchObject({ event_name: 'oa_send_template', message: { attachments: [{}] } });
  });

  it.each([
    ['a JSON array', [], 'body is not a JSON object'],
    ['null', null, 'body is not a JSON object'],
    ['a body without event_name', { app_id: '1' }, 'event_name is missing'],
    [
      'user_send_text without a sender',
      { ...webhookFixture('user_send_text.json').body, sender: undefined },
      /^user_send_text: sender: /,
    ],
    [
      'user_send_text with a numeric sender id',
      // eslint-disable-next-line no-loss-of-precision -- a numeric id is exactly what the parser must refuse
      { ...webhookFixture('user_send_text.json').body, sender: { id: 246845883529197922 } },
      /^user_send_text: sender\.id: /,
    ],
    [
      'a group event without group_id',
      { ...webhookFixture('user_join_group.json').body, group_id: undefined },
      /^user_join_group: group_id: /,
    ],
  ])('when given %s, then the error says what is wrong', (_name, json, error) => {
    const result = parseZaloEvent(json);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(error);
  });
});
