import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deleteUserData } from '../../src/storage/delete-user-data.js';
import { TokenRefreshError } from '../../src/zalo/token-refresh-error.js';
import { ZaloApiError } from '../../src/zalo/zalo-api-error.js';
import { allowOnlyLocalhost, nock } from '../helpers/local-nock.js';
import {
  OAUTH_URL,
  OPENAPI_URL,
  apiFixture,
  createClientHarness,
  outboundRows,
} from '../helpers/zalo-client-harness.js';

const USER = '5510185758261927916';
const GROUP = 'f414c8f76fa586fbdfb4';
const REFRESHED = apiFixture('access_token_refresh.json') as { access_token: string; refresh_token: string };
const ok = (data: object) => ({ data, error: 0, message: 'Success' });
const fail = (error: number) => ({ error, message: `error ${error}` });

let harness: ReturnType<typeof createClientHarness> | undefined;
function setup(...args: Parameters<typeof createClientHarness>) {
  harness = createClientHarness(...args);
  return harness;
}

/**
 * Mocks one OpenAPI POST: only with the given `access_token` header, JSON, and never an
 * Authorization header. Records every request body it matched.
 */
function mockPost(
  path: string,
  reply: object,
  options: { token?: string; times?: number; status?: number; headers?: Record<string, string> } = {},
) {
  const bodies: unknown[] = [];
  const scope = nock(OPENAPI_URL, { badheaders: ['authorization'] })
    .matchHeader('access_token', options.token ?? 'AT-0')
    .matchHeader('content-type', /application\/json/)
    .post(path, (body: unknown) => {
      bodies.push(body);
      return true;
    })
    .times(options.times ?? 1)
    .reply(options.status ?? 200, reply, options.headers);
  return { scope, bodies };
}

/** Mocks the OAuth refresh endpoint; `count()` tells how many refreshes reached it. */
function mockRefresh(reply: object = REFRESHED) {
  let calls = 0;
  nock(OAUTH_URL)
    .post('/v4/oa/access_token')
    .times(100)
    .reply(() => {
      calls += 1;
      return [200, reply];
    });
  return { count: () => calls };
}

function storedPair() {
  return harness!.db.prepare('SELECT access_token, refresh_token FROM zalo_tokens').get();
}

beforeAll(allowOnlyLocalhost);
afterEach(() => {
  nock.cleanAll();
  harness?.cleanup();
  harness = undefined;
});

describe('createZaloClient — sending', () => {
  it.each([
    'message_cs_text.quota_reply.json',
    'message_cs_text.quota_sub.json',
    'message_cs_text.quota_purchase.json',
    'message_cs_text.quota_reward.json',
    'message_cs_text.paid.json',
  ])(
    'when Zalo answers a CS text with %s, then the message id is returned and a sent row is written',
    async (fixture) => {
      const { client, db } = setup();
      const { bodies } = mockPost('/v3.0/oa/message/cs', apiFixture(fixture));
      const sent = await client.sendText(USER, 'Chào bà con, đây là câu trả lời.', { purpose: 'reply', ref: 'q-1' });
      expect(sent).toEqual([{ messageId: '63ecf43f0df7dba892e6' }]);
      expect(bodies).toEqual([{ recipient: { user_id: USER }, message: { text: 'Chào bà con, đây là câu trả lời.' } }]);
      expect(outboundRows(db)).toEqual([
        expect.objectContaining({
          target_type: 'user',
          target_id: USER,
          user_id: USER,
          kind: 'text',
          purpose: 'reply',
          ref: 'q-1',
          chars: 32,
          status: 'sent',
          zalo_message_id: '63ecf43f0df7dba892e6',
          error_code: null,
          attempts: 1,
        }),
      ]);
      expect(JSON.stringify(outboundRows(db))).not.toContain('câu trả lời');
    },
  );

  it('when the text is longer than 2,000 characters, then parts go in order and the buttons ride on the last', async () => {
    const { client, db } = setup();
    const paragraph = `${'Hộ cận nghèo được hỗ trợ đóng bảo hiểm y tế. '.repeat(30).trim()}`;
    const text = `${paragraph}\n\n${paragraph}`;
    const { bodies } = mockPost('/v3.0/oa/message/cs', ok({ message_id: 'm1', user_id: USER }), { times: 2 });
    const buttons = [
      { title: 'Thủ tục', payload: '#faq:thu-tuc' },
      { title: 'Gặp cán bộ', payload: '#handoff', type: 'oa.query.hide' as const },
    ];
    const sent = await client.sendText(USER, text, { buttons });
    expect(sent).toHaveLength(2);
    expect(bodies).toEqual([
      { recipient: { user_id: USER }, message: { text: paragraph } },
      {
        recipient: { user_id: USER },
        message: {
          text: paragraph,
          attachment: {
            type: 'template',
            payload: {
              buttons: [
                { title: 'Thủ tục', type: 'oa.query.show', payload: '#faq:thu-tuc' },
                { title: 'Gặp cán bộ', type: 'oa.query.hide', payload: '#handoff' },
              ],
            },
          },
        },
      },
    ]);
    expect(outboundRows(db).map((r) => [r.kind, r.chars])).toEqual([
      ['text', paragraph.length],
      ['text_buttons', paragraph.length],
    ]);
  });

  it('when more than 5 buttons are given, then nothing is sent', async () => {
    const { client, db } = setup();
    const buttons = Array.from({ length: 6 }, (_, i) => ({ title: `Mục ${i}`, payload: `#${i}` }));
    await expect(client.sendText(USER, 'Chọn mục', { buttons })).rejects.toThrow(/6 buttons/);
    expect(outboundRows(db)).toEqual([]);
  });

  it('when a group text is sent (group_message.json), then the group id and message id round-trip', async () => {
    const { client, db } = setup();
    const { bodies } = mockPost('/v3.0/oa/group/message', apiFixture('group_message.json'));
    const sent = await client.sendGroupMessage(
      GROUP,
      { text: 'Thông báo rà soát hộ nghèo năm 2026' },
      { purpose: 'broadcast', ref: 'delivery-7' },
    );
    expect(sent).toEqual({ messageId: '81d74a9cd71d6f473608' });
    expect(bodies).toEqual([
      { recipient: { group_id: GROUP }, message: { text: 'Thông báo rà soát hộ nghèo năm 2026' } },
    ]);
    expect(outboundRows(db)).toEqual([
      expect.objectContaining({
        target_type: 'group',
        target_id: GROUP,
        user_id: null,
        kind: 'text',
        ref: 'delivery-7',
        status: 'sent',
      }),
    ]);
  });

  it('when a group image is sent, then it is a media template with the url and the text as caption', async () => {
    const { client, db } = setup();
    const { bodies } = mockPost('/v3.0/oa/group/message', apiFixture('group_message.json'));
    await client.sendGroupMessage(GROUP, { text: 'Áp phích tuyên truyền', imageUrl: 'https://example.org/poster.jpg' });
    expect(bodies).toEqual([
      {
        recipient: { group_id: GROUP },
        message: {
          text: 'Áp phích tuyên truyền',
          attachment: {
            type: 'template',
            payload: {
              template_type: 'media',
              elements: [{ media_type: 'image', url: 'https://example.org/poster.jpg' }],
            },
          },
        },
      },
    ]);
    expect(outboundRows(db)[0]).toMatchObject({ kind: 'image', status: 'sent' });
  });

  it('when a group text is over 2,000 characters, then it is refused before any request', async () => {
    const { client } = setup();
    await expect(client.sendGroupMessage(GROUP, { text: 'a '.repeat(1200) })).rejects.toThrow(/Zalo allows 2000/);
  });
});

describe('createZaloClient — reading', () => {
  it('when the OA has groups over several pages, then listGroups walks offset/count until total', async () => {
    const { client } = setup();
    const group = (i: number) => ({
      group_id: `g${String(i).padStart(19, '0')}`,
      name: `Nhóm ${i}`,
      total_member: i,
      status: 'enabled',
    });
    const offsets: string[] = [];
    for (const [offset, size] of [
      [0, 50],
      [50, 50],
      [100, 20],
    ] as const) {
      nock(OPENAPI_URL)
        .matchHeader('access_token', 'AT-0')
        .get('/v3.0/oa/group/getgroupsofoa')
        .query({ offset: String(offset), count: '50' })
        .reply(() => {
          offsets.push(String(offset));
          return [
            200,
            ok({ offset, count: 50, total: 120, groups: Array.from({ length: size }, (_, i) => group(offset + i)) }),
          ];
        });
    }
    const groups = await client.listGroups();
    expect(offsets).toEqual(['0', '50', '100']);
    expect(groups).toHaveLength(120);
    expect(groups[119]).toEqual({
      groupId: 'g0000000000000000119',
      name: 'Nhóm 119',
      status: 'enabled',
      totalMember: 119,
      description: undefined,
      link: undefined,
    });
  });

  it('when getgroupsofoa.json is replayed, then both groups map with string ids', async () => {
    const { client } = setup();
    nock(OPENAPI_URL).get('/v3.0/oa/group/getgroupsofoa').query(true).reply(200, apiFixture('getgroupsofoa.json'));
    expect(await client.listGroups()).toEqual([
      {
        groupId: 'f414c8f76fa586fbdfb4',
        name: 'Tư vấn nha khoa nhân viên',
        status: 'enabled',
        totalMember: 2,
        description: 'Group tư vấn nha khoa cho các nhân viên',
        link: 'https://zalo.me/g/ikvhur409',
      },
      expect.objectContaining({ groupId: 'aee702d6bc8455da0c95', name: 'b53' }),
    ]);
  });

  it('when getgroup.json is replayed, then string numbers are converted and asset fields kept', async () => {
    const { client } = setup();
    nock(OPENAPI_URL).get('/v3.0/oa/group/getgroup').query({ group_id: GROUP }).reply(200, apiFixture('getgroup.json'));
    expect(await client.getGroup(GROUP)).toEqual({
      groupId: 'a57a91e562b78be9d2a6',
      name: 'b52',
      status: 'enabled',
      totalMember: 2,
      description: '',
      link: 'https://zalo.me/g/zkfgeb641',
      maxMember: 10,
      autoDeleteDate: '10/11/2024',
      assetType: 'gmf10',
      validThrough: '10/10/2024',
    });
  });

  it.each(['oa_id', 'oaid'])('when getoa spells the id %s, then oaId is read', async (key) => {
    const { client } = setup();
    nock(OPENAPI_URL)
      .get('/v2.0/oa/getoa')
      .reply(
        200,
        ok({
          [key]: '4462152339089565647',
          name: 'UBND xã',
          oa_type: 4,
          is_verified: true,
          package_name: 'Tăng trưởng',
        }),
      );
    expect(await client.getOaInfo()).toEqual({
      oaId: '4462152339089565647',
      name: 'UBND xã',
      oaType: 4,
      isVerified: true,
      packageName: 'Tăng trưởng',
    });
  });

  it('when user detail is read, then the id goes as data={"user_id":…} and stays a string', async () => {
    const { client } = setup();
    nock(OPENAPI_URL)
      .get('/v3.0/oa/user/detail')
      .query({ data: JSON.stringify({ user_id: USER }) })
      .reply(
        200,
        ok({
          user_id: USER,
          display_name: 'Nguyễn Văn A',
          user_is_follower: true,
          user_last_interaction_date: '28/11/2026',
        }),
      );
    expect(await client.getUserDetail(USER)).toEqual({
      userId: USER,
      displayName: 'Nguyễn Văn A',
      isFollower: true,
      lastInteractionDate: '28/11/2026',
    });
  });

  it('when a group conversation is read, then items map with text only for text messages', async () => {
    const { client } = setup();
    nock(OPENAPI_URL)
      .get('/v3.0/oa/group/conversation')
      .query({ group_id: GROUP, offset: '0', count: '5' })
      .reply(
        200,
        ok([
          {
            src: 0,
            time: 1764385200000,
            type: 'text',
            message: 'Thông báo',
            message_id: 'm2',
            from_id: 'oa',
            group_id: GROUP,
          },
          {
            src: 1,
            time: 1764385100000,
            type: 'image',
            message: 'https://img',
            message_id: 'm1',
            from_id: USER,
            group_id: GROUP,
          },
        ]),
      );
    expect(await client.getGroupConversation(GROUP, { count: 5 })).toEqual([
      { messageId: 'm2', src: 0, time: 1764385200000, type: 'text', text: 'Thông báo' },
      { messageId: 'm1', src: 1, time: 1764385100000, type: 'image', text: undefined },
    ]);
  });
});

describe('createZaloClient — tokens', () => {
  it('when 100 sends start on an expired token, then exactly one refresh happens and all 100 succeed', async () => {
    const { client, tokens, clock, db } = setup();
    tokens.setTokens({ accessToken: 'AT-old', refreshToken: 'RT-0', expiresInSec: 60 });
    clock.advance(120_000);
    const oauth = mockRefresh();
    const { bodies } = mockPost('/v3.0/oa/message/cs', ok({ message_id: 'm', user_id: USER }), {
      token: REFRESHED.access_token,
      times: 100,
    });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => client.sendText(`${USER}${i}`, `Tin ${i}`)),
    );
    expect(results.flat()).toHaveLength(100);
    expect(oauth.count()).toBe(1);
    expect(bodies).toHaveLength(100);
    expect(outboundRows(db).filter((r) => r.status === 'sent')).toHaveLength(100);
  });

  it('when Zalo answers -216, then the token is refreshed and the send retried once', async () => {
    const { client, db } = setup();
    const oauth = mockRefresh();
    mockPost('/v3.0/oa/message/cs', fail(-216));
    mockPost('/v3.0/oa/message/cs', ok({ message_id: 'm-after', user_id: USER }), { token: REFRESHED.access_token });
    expect(await client.sendText(USER, 'Xin chào')).toEqual([{ messageId: 'm-after' }]);
    expect(oauth.count()).toBe(1);
    expect(outboundRows(db)[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(storedPair()).toEqual({ access_token: REFRESHED.access_token, refresh_token: REFRESHED.refresh_token });
  });

  it('when Zalo answers HTTP 401, then it is treated like -216', async () => {
    const { client } = setup();
    const oauth = mockRefresh();
    mockPost('/v3.0/oa/message/cs', { message: 'Unauthorized' }, { status: 401 });
    mockPost('/v3.0/oa/message/cs', ok({ message_id: 'm-after', user_id: USER }), { token: REFRESHED.access_token });
    expect(await client.sendText(USER, 'Xin chào')).toEqual([{ messageId: 'm-after' }]);
    expect(oauth.count()).toBe(1);
  });

  it('when -216 comes again after the refresh, then the send fails with -216 and no second refresh', async () => {
    const { client, db } = setup();
    const oauth = mockRefresh();
    mockPost('/v3.0/oa/message/cs', fail(-216));
    mockPost('/v3.0/oa/message/cs', fail(-216), { token: REFRESHED.access_token });
    const error = await client.sendText(USER, 'Xin chào').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloApiError);
    expect((error as ZaloApiError).code).toBe(-216);
    expect(oauth.count()).toBe(1);
    expect(outboundRows(db)[0]).toMatchObject({ status: 'failed', error_code: '-216', attempts: 2 });
  });

  it('when the refresh after -216 is refused, then the old pair is kept and the send fails with the refresh error', async () => {
    const { client, db } = setup();
    mockRefresh({ error: -14020, error_name: 'Invalid refresh token' });
    mockPost('/v3.0/oa/message/cs', fail(-216));
    const before = storedPair();
    const error = await client.sendText(USER, 'Xin chào').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRefreshError);
    expect((error as Error).message).toContain('re-authorize');
    expect(storedPair()).toEqual(before);
    expect(outboundRows(db)[0]).toMatchObject({ status: 'failed', error_code: '-14020' });
  });
});

describe('createZaloClient — retries and rate limits', () => {
  it('when Zalo answers -32, then the send waits for the next minute window and succeeds', async () => {
    const { client, clock, waits, db } = setup();
    clock.advance(15_000);
    mockPost('/v3.0/oa/message/cs', fail(-32));
    mockPost('/v3.0/oa/message/cs', ok({ message_id: 'm', user_id: USER }));
    await client.sendText(USER, 'Xin chào');
    expect(waits).toEqual([45_000]);
    expect(outboundRows(db)[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('when Zalo answers HTTP 503, then the send is retried after a jittered backoff', async () => {
    const { client, waits, db } = setup();
    mockPost('/v3.0/oa/message/cs', { message: 'busy' }, { status: 503 });
    mockPost('/v3.0/oa/message/cs', ok({ message_id: 'm', user_id: USER }));
    await client.sendText(USER, 'Xin chào');
    expect(waits).toEqual([250]);
    expect(outboundRows(db)[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('when -200 keeps coming, then the send gives up after 4 attempts with growing waits', async () => {
    const { client, waits, db } = setup();
    mockPost('/v3.0/oa/message/cs', fail(-200), { times: 4 });
    const error = await client.sendText(USER, 'Xin chào').catch((e: unknown) => e);
    expect((error as ZaloApiError).code).toBe(-200);
    expect(waits).toEqual([250, 500, 1000]);
    expect(outboundRows(db)[0]).toMatchObject({ status: 'failed', error_code: '-200', attempts: 4 });
  });

  it('when Zalo cannot be reached, then the send is retried and recorded as a network failure', async () => {
    const { client, waits, db } = setup({ client: { maxAttempts: 2 } });
    const error = await client.sendText(USER, 'Xin chào').catch((e: unknown) => e);
    expect((error as ZaloApiError).failureCode).toBe('network');
    expect(waits).toEqual([250]);
    expect(outboundRows(db)[0]).toMatchObject({ status: 'failed', error_code: 'network', attempts: 2 });
  });

  it.each([-201, -230])('when Zalo answers %s, then the send fails at once with that code', async (code) => {
    const { client, waits, db } = setup();
    const { scope } = mockPost('/v3.0/oa/message/cs', fail(code), { times: 2 });
    const error = await client.sendText(USER, 'Xin chào').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloApiError);
    expect((error as ZaloApiError).code).toBe(code);
    expect(scope.pendingMocks()).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(outboundRows(db)).toEqual([
      expect.objectContaining({ status: 'failed', error_code: String(code), attempts: 1 }),
    ]);
    expect(outboundRows(db)[0]!.error_message).toContain(String(code));
  });

  it('when Zalo answers 200 with a non-JSON page, then it fails as bad_response without retry', async () => {
    const { client } = setup();
    nock(OPENAPI_URL)
      .post('/v3.0/oa/group/message')
      .reply(200, '<html>502 Bad Gateway</html>', { 'Content-Type': 'text/html' });
    const error = await client.sendGroupMessage(GROUP, { text: 'Thông báo' }).catch((e: unknown) => e);
    expect((error as ZaloApiError).failureCode).toBe('bad_response');
  });

  it('when X-RateLimit-Limit is below the configured ceiling, then the client paces to it', async () => {
    const { client, clock, waits } = setup({ client: { rateLimitPerMinute: 100 } });
    clock.advance(10_000);
    mockPost('/v3.0/oa/message/cs', ok({ message_id: 'm', user_id: USER }), {
      times: 3,
      headers: { 'X-RateLimit-Limit': '2', 'X-RateLimit-Remain': '1' },
    });
    await client.sendText(USER, 'Một');
    await client.sendText(USER, 'Hai');
    expect(waits).toEqual([]);
    await client.sendText(USER, 'Ba');
    expect(waits).toEqual([50_000]);
  });

  it('when X-RateLimit-Remain reaches 0, then the next call waits for the next minute', async () => {
    const { client, clock, waits } = setup();
    clock.advance(30_000);
    mockPost('/v3.0/oa/message/cs', ok({ message_id: 'm', user_id: USER }), {
      times: 2,
      headers: { 'X-RateLimit-Limit': '4000', 'X-RateLimit-Remain': '0' },
    });
    await client.sendText(USER, 'Một');
    expect(waits).toEqual([]);
    await client.sendText(USER, 'Hai');
    expect(waits).toEqual([30_000]);
  });
});

describe('outbound_messages and privacy', () => {
  it('when a resident withdraws, then their 1:1 rows are erased and group deliveries stay', async () => {
    const { client, db } = setup();
    mockPost('/v3.0/oa/message/cs', ok({ message_id: 'm1', user_id: USER }));
    mockPost('/v3.0/oa/group/message', apiFixture('group_message.json'));
    await client.sendText(USER, 'Xin chào');
    await client.sendGroupMessage(GROUP, { text: 'Thông báo' });
    expect(deleteUserData(db, USER)).toBe(1);
    expect(outboundRows(db).map((r) => r.target_type)).toEqual(['group']);
  });

  it('when a send fails, then the error payload holds no token, no text and no raw user id', async () => {
    const { client } = setup();
    mockPost('/v3.0/oa/message/cs', fail(-230));
    const error = (await client.sendText(USER, 'Nội dung riêng tư').catch((e: unknown) => e)) as ZaloApiError;
    const dump = JSON.stringify({ message: error.message, hint: error.hint, payload: error.payload });
    expect(dump).not.toMatch(/AT-0|Nội dung riêng tư/);
    expect(dump).not.toContain(USER);
  });
});
