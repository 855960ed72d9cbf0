import axios, { type AxiosResponse } from 'axios';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createManualClock } from '../../src/shared/clock.js';
import { createZaloSimulator, type ZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';

const http = axios.create({ validateStatus: () => true, proxy: false, maxRedirects: 0 });
const DAY = 24 * 3600 * 1000;

let clock: ReturnType<typeof createManualClock>;
let sim: ZaloSimulator;
let url: string;
let token: string;

beforeEach(async () => {
  clock = createManualClock();
  sim = createZaloSimulator({ clock });
  url = (await sim.listen()).url;
  token = sim.issueTokens().accessToken;
});

afterEach(async () => {
  await sim.close();
});

function form(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(fields);
}

function refresh(refreshToken: string, secret = sim.appSecret): Promise<AxiosResponse> {
  return http.post(
    `${url}/v4/oa/access_token`,
    form({ refresh_token: refreshToken, app_id: sim.appId, grant_type: 'refresh_token' }),
    {
      headers: { secret_key: secret },
    },
  );
}

function sendCs(body: unknown, accessToken = token): Promise<AxiosResponse> {
  return http.post(`${url}/v3.0/oa/message/cs`, body, { headers: { access_token: accessToken } });
}

const text = (userId: string, t = 'Xin chào') => ({ recipient: { user_id: userId }, message: { text: t } });

describe('OAuth', () => {
  it('when a refresh token is used, then a new pair comes back flat with expires_in "90000" and the old refresh token is dead (-14020)', async () => {
    const first = sim.issueTokens();
    const res = await refresh(first.refreshToken);
    expect(res.status).toBe(200);
    expect(Object.keys(res.data).sort()).toEqual(['access_token', 'expires_in', 'refresh_token']);
    expect(res.data.expires_in).toBe('90000');
    expect(res.data.refresh_token).not.toBe(first.refreshToken);

    const reuse = await refresh(first.refreshToken);
    expect(reuse.status).toBe(200);
    expect(reuse.data.error).toBe(-14020);

    const next = await refresh(res.data.refresh_token);
    expect(next.data.access_token).toEqual(expect.any(String));
  });

  it('when the secret_key header is wrong, then -14004; when grant parameters are missing, then -14003', async () => {
    const { refreshToken } = sim.issueTokens();
    expect((await refresh(refreshToken, 'not-the-secret')).data.error).toBe(-14004);
    const missing = await http.post(
      `${url}/v4/oa/access_token`,
      form({ app_id: sim.appId, grant_type: 'refresh_token' }),
      {
        headers: { secret_key: sim.appSecret },
      },
    );
    expect(missing.data.error).toBe(-14003);
    // the refresh token survived both failed calls
    expect((await refresh(refreshToken)).data.access_token).toEqual(expect.any(String));
  });

  it('when the refresh token is older than 3 months, then -14020', async () => {
    const { refreshToken } = sim.issueTokens();
    clock.advance(91 * DAY);
    expect((await refresh(refreshToken)).data.error).toBe(-14020);
  });

  it('when an OA admin consents with PKCE, then the redirect carries code, oa_id and state, and the code is exchanged once with the right verifier', async () => {
    const verifier = 'a'.repeat(43);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const consent = await http.get(`${url}/v4/oa/permission`, {
      params: {
        app_id: sim.appId,
        redirect_uri: 'https://example.test/callback',
        code_challenge: challenge,
        state: 'xyz',
      },
    });
    expect(consent.status).toBe(302);
    const location = new URL(consent.headers.location as string);
    expect(location.origin + location.pathname).toBe('https://example.test/callback');
    expect(location.searchParams.get('oa_id')).toBe(sim.oaId);
    expect(location.searchParams.get('state')).toBe('xyz');
    const code = location.searchParams.get('code')!;

    const exchange = (v: string) =>
      http.post(
        `${url}/v4/oa/access_token`,
        form({ code, app_id: sim.appId, grant_type: 'authorization_code', code_verifier: v }),
        {
          headers: { secret_key: sim.appSecret },
        },
      );
    expect((await exchange('b'.repeat(43))).data.error).toBe(-14003);
    const ok = await exchange(verifier);
    expect(ok.data.expires_in).toBe('90000');
    const okCs = await http.get(`${url}/v2.0/oa/getoa`, { headers: { access_token: ok.data.access_token } });
    expect(okCs.data.error).toBe(0);
    expect((await exchange(verifier)).data.error).toBe(-14003);
  });
});

describe('access token on OpenAPI routes', () => {
  it('when the access_token header is missing, unknown, sent as Bearer, or expired, then HTTP 200 with error -216', async () => {
    const getoa = (headers: Record<string, string>) => http.get(`${url}/v2.0/oa/getoa`, { headers });
    for (const res of [
      await getoa({}),
      await getoa({ access_token: 'nope' }),
      await getoa({ Authorization: `Bearer ${token}` }),
    ]) {
      expect(res.status).toBe(200);
      expect(res.data).toEqual({ error: -216, message: 'Access token is invalid' });
    }
    expect((await getoa({ access_token: token })).data.error).toBe(0);
    clock.advance(25 * 3600 * 1000);
    expect((await getoa({ access_token: token })).data.error).toBe(-216);
  });

  it('when requests are logged, then the token value is redacted but the header is visible', async () => {
    await http.get(`${url}/v2.0/oa/getoa`, { headers: { access_token: token } });
    const logged = sim.requests.at(-1)!;
    expect(logged.path).toBe('/v2.0/oa/getoa');
    expect(logged.headers.access_token).toBe('[redacted]');
    expect(JSON.stringify(sim.requests)).not.toContain(token);
  });
});

describe('rate limit', () => {
  it('when the per-minute limit is reached, then headers count down and the next call gets -32 until the next minute', async () => {
    sim.setRateLimit(3);
    clock.set(Date.UTC(2026, 10, 29, 3, 0, 10));
    const remains: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await http.get(`${url}/v2.0/oa/getoa`, { headers: { access_token: token } });
      expect(res.data.error).toBe(0);
      expect(res.headers['x-ratelimit-limit']).toBe('3');
      remains.push(res.headers['x-ratelimit-remain'] as string);
    }
    expect(remains).toEqual(['2', '1', '0']);
    const over = await http.get(`${url}/v2.0/oa/getoa`, { headers: { access_token: token } });
    expect(over.data.error).toBe(-32);
    clock.advance(50_000);
    const nextMinute = await http.get(`${url}/v2.0/oa/getoa`, { headers: { access_token: token } });
    expect(nextMinute.data.error).toBe(0);
    expect(nextMinute.headers['x-ratelimit-remain']).toBe('2');
  });
});

describe('POST /v3.0/oa/message/cs', () => {
  it('when the user is outside the window or blocked, then the documented code comes back and nothing is recorded', async () => {
    const never = sim.addUser();
    const stale = sim.addUser({ lastInteraction: clock.now() - 8 * DAY });
    const banned = sim.addUser({ lastInteraction: clock.now(), banned: true });
    const restricted = sim.addUser({ lastInteraction: clock.now(), restricted: true });
    expect((await sendCs(text(never.userId))).data.error).toBe(-232);
    expect((await sendCs(text(stale.userId))).data.error).toBe(-230);
    expect((await sendCs(text(banned.userId))).data.error).toBe(-227);
    expect((await sendCs(text(restricted.userId))).data.error).toBe(-244);
    expect((await sendCs(text('1234567890123456789'))).data.error).toBe(-201);
    for (const u of [never, stale, banned, restricted]) expect(sim.sentToUser(u.userId)).toEqual([]);
  });

  it('when the text is longer than 2,000 characters or the body is malformed, then -210 / -201', async () => {
    const user = sim.touchUser(sim.addUser().userId);
    expect((await sendCs(text(user.userId, 'x'.repeat(2001)))).data.error).toBe(-210);
    expect((await sendCs(text(user.userId, 'x'.repeat(2000)))).data.error).toBe(0);
    expect((await sendCs({ recipient: {}, message: { text: 'a' } })).data.error).toBe(-201);
    expect((await sendCs({ recipient: { user_id: user.userId }, message: {} })).data.error).toBe(-201);
    const notJson = await http.post(`${url}/v3.0/oa/message/cs`, '{"recipient":', {
      headers: { access_token: token, 'Content-Type': 'application/json' },
    });
    expect(notJson.data.error).toBe(-201);
  });

  it('when the OA replies after an interaction, then the first 8 in 48 h carry a reply quota, then the package quota, then none (paid)', async () => {
    sim = await restart({ subQuotaTotal: 1 });
    const user = sim.touchUser(sim.addUser().userId);
    const quotas = [];
    for (let i = 0; i < 10; i += 1) {
      const res = await sendCs(text(user.userId, `tin ${i}`));
      expect(res.data.error).toBe(0);
      expect(res.data.data.user_id).toBe(user.userId);
      expect(res.data.data.message_id).toMatch(/^[0-9a-f]{20}$/);
      quotas.push(res.data.data.quota);
    }
    expect(quotas[0]).toEqual({ quota_type: 'reply', remain: '7', total: '8' });
    expect(quotas[7]).toEqual({ quota_type: 'reply', remain: '0', total: '8' });
    expect(quotas[8]).toMatchObject({
      quota_type: 'sub_quota',
      remain: '0',
      total: '1',
      expired_date: expect.stringMatching(/^\d\d\/\d\d\/\d{4}$/),
    });
    expect(quotas[9]).toBeUndefined();
    expect(sim.sentToUser(user.userId).map((m) => m.text)).toEqual(Array.from({ length: 10 }, (_, i) => `tin ${i}`));
  });

  it('when the last interaction is older than 48 h but within 7 days, then the send succeeds outside the free frame', async () => {
    const user = sim.addUser({ lastInteraction: clock.now() - 3 * DAY });
    const res = await sendCs(text(user.userId));
    expect(res.data.data.quota.quota_type).toBe('sub_quota');
  });

  it('when a message carries buttons, then it is accepted while the switch is on and refused with -201 when off', async () => {
    const user = sim.touchUser(sim.addUser().userId);
    const withButtons = {
      recipient: { user_id: user.userId },
      message: {
        text: 'Chọn một mục:',
        attachment: {
          type: 'template',
          payload: { buttons: [{ title: 'Hộ nghèo', type: 'oa.query.show', payload: '#faq:1' }] },
        },
      },
    };
    expect((await sendCs(withButtons)).data.error).toBe(0);
    expect(sim.sentToUser(user.userId)[0]!.buttons).toEqual([
      { title: 'Hộ nghèo', type: 'oa.query.show', payload: '#faq:1' },
    ]);
    sim.setButtonsOnCs(false);
    expect((await sendCs(withButtons)).data.error).toBe(-201);
    expect(sim.sentToUser(user.userId)).toHaveLength(1);
  });
});

describe('groups', () => {
  it('when sending to a group the OA does not own, a disabled group, or with buttons, then -403 / -237 / -233', async () => {
    const foreign = sim.addGroup({ name: 'Nhóm cá nhân', owned: false });
    const disabled = sim.addGroup({ name: 'Nhóm hết hạn', status: 'disabled' });
    const live = sim.addGroup({ name: 'Nhóm xã' });
    const send = (groupId: string, message: unknown) =>
      http.post(
        `${url}/v3.0/oa/group/message`,
        { recipient: { group_id: groupId }, message },
        { headers: { access_token: token } },
      );
    expect((await send(foreign.groupId, { text: 'a' })).data.error).toBe(-403);
    expect((await send(disabled.groupId, { text: 'a' })).data.error).toBe(-237);
    const buttons = {
      text: 'a',
      attachment: { type: 'template', payload: { buttons: [{ title: 't', type: 'oa.query.show', payload: 'p' }] } },
    };
    expect((await send(live.groupId, buttons)).data.error).toBe(-233);
    expect(sim.sentToGroup(live.groupId)).toEqual([]);
  });

  it('when the OA posts text and an image to its group, then both are in the history and the conversation lists them newest first with src 0', async () => {
    const group = sim.addGroup({ name: 'UBND xã — Giảm nghèo', members: ['1', '2'] });
    const send = (message: unknown) =>
      http.post(
        `${url}/v3.0/oa/group/message`,
        { recipient: { group_id: group.groupId }, message },
        { headers: { access_token: token } },
      );
    const first = await send({ text: 'Chuyên mục tháng 11' });
    expect(first.data).toEqual({
      data: { message_id: expect.stringMatching(/^[0-9a-f]{20}$/), group_id: group.groupId },
      error: 0,
      message: 'Success',
    });
    clock.advance(1000);
    const image = {
      text: 'Ảnh',
      attachment: {
        type: 'template',
        payload: { template_type: 'media', elements: [{ media_type: 'image', url: 'https://example.test/a.jpg' }] },
      },
    };
    expect((await send(image)).data.error).toBe(0);
    expect(sim.sentToGroup(group.groupId).map((m) => [m.type, m.text, m.imageUrl])).toEqual([
      ['text', 'Chuyên mục tháng 11', undefined],
      ['image', 'Ảnh', 'https://example.test/a.jpg'],
    ]);
    const history = await http.get(`${url}/v3.0/oa/group/conversation`, {
      params: { group_id: group.groupId },
      headers: { access_token: token },
    });
    expect(history.data.data.map((m: { message: string; src: number }) => [m.src, m.message])).toEqual([
      [0, 'Ảnh'],
      [0, 'Chuyên mục tháng 11'],
    ]);
    const info = await http.get(`${url}/v3.0/oa/group/getgroup`, {
      params: { group_id: group.groupId },
      headers: { access_token: token },
    });
    expect(info.data.data.group_info).toMatchObject({
      group_id: group.groupId,
      status: 'enabled',
      total_member: 2,
      max_member: '100',
    });
    expect(Object.keys(info.data.data)).toEqual(['group_info', 'asset_info', 'group_setting']);
  });

  it('when listing groups, then only owned groups are paginated with a default count of 5 and the total', async () => {
    const names = Array.from({ length: 7 }, (_, i) => sim.addGroup({ name: `Nhóm ${i}` }).name);
    sim.addGroup({ name: 'Không sở hữu', owned: false });
    const page = (params: Record<string, number>) =>
      http.get(`${url}/v3.0/oa/group/getgroupsofoa`, { params, headers: { access_token: token } });
    const first = await page({});
    expect(first.data.data).toMatchObject({ offset: 0, count: 5, total: 7 });
    expect(first.data.data.groups.map((g: { name: string }) => g.name)).toEqual(names.slice(0, 5));
    expect(Object.keys(first.data.data.groups[0]).sort()).toEqual(
      ['avatar', 'group_description', 'group_id', 'group_link', 'name', 'status', 'total_member'].sort(),
    );
    const second = await page({ offset: 5, count: 5 });
    expect(second.data.data.groups.map((g: { name: string }) => g.name)).toEqual(names.slice(5));
    expect((await page({ count: 0 })).data.error).toBe(-201);
  });
});

describe('reads', () => {
  it('when user detail is asked with data={"user_id"}, then display name, follower flag and dd/mm/yyyy last interaction come back', async () => {
    const user = sim.addUser({
      displayName: 'Nguyễn Thị Lan',
      isFollower: true,
      lastInteraction: Date.UTC(2026, 10, 28, 20, 0),
    });
    const res = await http.get(`${url}/v3.0/oa/user/detail`, {
      params: { data: JSON.stringify({ user_id: user.userId }) },
      headers: { access_token: token },
    });
    expect(res.data.data).toMatchObject({
      user_id: user.userId,
      display_name: 'Nguyễn Thị Lan',
      user_is_follower: true,
      user_last_interaction_date: '29/11/2026',
    });
    const bad = await http.get(`${url}/v3.0/oa/user/detail`, {
      params: { data: '{oops' },
      headers: { access_token: token },
    });
    expect(bad.data.error).toBe(-201);
  });
});

describe('fault injection', () => {
  it('when a fault is armed for a path, then exactly the next N matching calls fail that way and others pass', async () => {
    const user = sim.touchUser(sim.addUser().userId);
    sim.injectFault({ path: '/v3.0/oa/message/cs', code: -32, times: 2 });
    expect((await http.get(`${url}/v2.0/oa/getoa`, { headers: { access_token: token } })).data.error).toBe(0);
    expect((await sendCs(text(user.userId))).data.error).toBe(-32);
    expect((await sendCs(text(user.userId))).data.error).toBe(-32);
    expect((await sendCs(text(user.userId))).data.error).toBe(0);
  });

  it('when an HTTP status or a malformed body is injected, then the client sees a 503 and then a non-JSON 200', async () => {
    sim.injectFault({ httpStatus: 503 });
    sim.injectFault({ malformed: true });
    const first = await http.get(`${url}/v2.0/oa/getoa`, { headers: { access_token: token } });
    expect(first.status).toBe(503);
    const second = await http.get(`${url}/v2.0/oa/getoa`, { headers: { access_token: token }, responseType: 'text' });
    expect(second.status).toBe(200);
    expect(() => JSON.parse(second.data as string)).toThrow();
    expect((await http.get(`${url}/v2.0/oa/getoa`, { headers: { access_token: token } })).data.error).toBe(0);
  });

  it('when a fault is armed on the OAuth path, then the refresh fails with that code and the refresh token is not consumed', async () => {
    const { refreshToken } = sim.issueTokens();
    sim.injectFault({ path: '/v4/oa/access_token', code: -14003 });
    expect((await refresh(refreshToken)).data.error).toBe(-14003);
    expect((await refresh(refreshToken)).data.access_token).toEqual(expect.any(String));
  });
});

async function restart(options: Parameters<typeof createZaloSimulator>[0]): Promise<ZaloSimulator> {
  await sim.close();
  const next = createZaloSimulator({ clock, ...options });
  url = (await next.listen()).url;
  token = next.issueTokens().accessToken;
  return next;
}
