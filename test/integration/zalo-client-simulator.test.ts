import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n/create-i18n.js';
import { createZaloSimulator, type ZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';
import { createManualScheduler } from '../../src/simulator/scheduler.js';
import { describeZaloError } from '../../src/zalo/describe-zalo-error.js';
import { TokenRefreshError } from '../../src/zalo/token-refresh-error.js';
import { ZaloApiError } from '../../src/zalo/zalo-api-error.js';
import {
  createFakeTime,
  createTempDb,
  createSimulatorTokenManager,
  createTestZaloClient,
  outboundRows,
} from '../helpers/zalo-client-harness.js';

const HOUR = 3_600_000;
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The real client and token manager against the simulator over HTTP on 127.0.0.1, sharing fake time. */
async function setup(options: { rateLimitPerMinute?: number } = {}) {
  const time = createFakeTime();
  const sim: ZaloSimulator = createZaloSimulator({ clock: time.clock, scheduler: createManualScheduler(time.clock) });
  const { url } = await sim.listen();
  cleanups.push(() => sim.close());
  const bootstrap = sim.issueTokens();
  const build = () => {
    const temp = createTempDb();
    cleanups.push(temp.cleanup);
    const tokens = createSimulatorTokenManager(sim, url, { db: temp.db, bootstrap, clock: time.clock });
    const client = createTestZaloClient(time, {
      openapiUrl: url,
      tokens,
      db: temp.db,
      rateLimitPerMinute: options.rateLimitPerMinute ?? 4000,
    });
    return { ...temp, tokens, client };
  };
  return { ...time, sim, bootstrap, build, ...build() };
}

const oauthCalls = (sim: ZaloSimulator) => sim.requests.filter((r) => r.path === '/v4/oa/access_token').length;

describe('createZaloClient against the simulator', () => {
  it('when a resident wrote recently, then the reply lands in their chat and is logged as sent', async () => {
    const { sim, client, db, clock } = await setup();
    const lan = sim.addUser({ displayName: 'Chị Lan', lastInteraction: clock.now() });
    const [sent] = await client.sendText(lan.userId, 'Chị mang sổ hộ khẩu đến UBND xã nhé.', { purpose: 'reply' });
    expect(sim.sentToUser(lan.userId)).toEqual([
      expect.objectContaining({ messageId: sent!.messageId, text: 'Chị mang sổ hộ khẩu đến UBND xã nhé.' }),
    ]);
    expect(outboundRows(db)).toEqual([
      expect.objectContaining({ status: 'sent', zalo_message_id: sent!.messageId, attempts: 1 }),
    ]);
  });

  it('when the resident never interacted, then the send fails with -232 and is logged with that code', async () => {
    const { sim, client, db } = await setup();
    const stranger = sim.addUser();
    await expect(client.sendText(stranger.userId, 'Xin chào')).rejects.toMatchObject({ code: -232 });
    expect(outboundRows(db)).toEqual([expect.objectContaining({ status: 'failed', error_code: '-232', attempts: 1 })]);
  });

  it('when the bootstrap token expires after 25 h, then -216 triggers one refresh and the send goes through', async () => {
    const { sim, client, clock, tokens } = await setup();
    clock.advance(26 * HOUR);
    const user = sim.addUser({ lastInteraction: clock.now() });
    await client.sendText(user.userId, 'Xin chào');
    expect(oauthCalls(sim)).toBe(1);
    expect(sim.sentToUser(user.userId)).toHaveLength(1);
    expect(tokens.status().accessExpiresAt).toBe(clock.now() + 25 * HOUR);
  });

  it('when a refreshed token nears its expiry, then it is renewed before Zalo rejects it', async () => {
    const { sim, client, clock, tokens } = await setup();
    await tokens.refresh();
    clock.advance(20 * HOUR);
    const user = sim.addUser({ lastInteraction: clock.now() });
    await client.sendText(user.userId, 'Xin chào');
    expect(oauthCalls(sim)).toBe(2);
    expect(sim.requests.filter((r) => r.path === '/v3.0/oa/message/cs')).toHaveLength(1);
  });

  it('when another installation already spent the refresh token, then the refresh fails with -14020 and the pair is kept', async () => {
    const setupResult = await setup();
    const other = setupResult.build();
    await other.tokens.refresh();
    const before = setupResult.db.prepare('SELECT * FROM zalo_tokens').get();
    const error = await setupResult.tokens.refresh().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRefreshError);
    expect((error as TokenRefreshError).code).toBe(-14020);
    expect(setupResult.db.prepare('SELECT * FROM zalo_tokens').get()).toEqual(before);
  });

  it('when the package allows 3 calls a minute, then the client waits for the next minute instead of hitting -32', async () => {
    const { sim, client, clock, waits } = await setup();
    sim.setRateLimit(3);
    clock.advance(20_000);
    const user = sim.addUser({ lastInteraction: clock.now() });
    for (let i = 0; i < 5; i++) await client.sendText(user.userId, `Tin ${i}`);
    expect(sim.sentToUser(user.userId)).toHaveLength(5);
    expect(waits).toEqual([40_000]);
  });

  it('when the OA has 120 groups, then listGroups returns them all across pages', async () => {
    const { sim, client } = await setup();
    for (let i = 0; i < 120; i++) sim.addGroup({ name: `Nhóm thôn ${i + 1}` });
    sim.addGroup({ name: 'Nhóm cá nhân của xã', owned: false });
    const groups = await client.listGroups();
    expect(groups).toHaveLength(120);
    expect(groups.map((g) => g.name)).toEqual(Array.from({ length: 120 }, (_, i) => `Nhóm thôn ${i + 1}`));
    expect(sim.requests.filter((r) => r.path === '/v3.0/oa/group/getgroupsofoa')).toHaveLength(3);
  });

  it('when a group is disabled, then the send fails with -237 and the official reads why in Vietnamese', async () => {
    const { sim, client, db } = await setup();
    const group = sim.addGroup({ name: 'Nhóm hết hạn', status: 'disabled' });
    const error = (await client
      .sendGroupMessage(group.groupId, { text: 'Thông báo' })
      .catch((e: unknown) => e)) as ZaloApiError;
    expect(error).toBeInstanceOf(ZaloApiError);
    expect(describeZaloError(error, createI18n().t)).toBe('Nhóm đã bị vô hiệu hoá hoặc hết hạn gói');
    expect(outboundRows(db)[0]).toMatchObject({ target_type: 'group', status: 'failed', error_code: '-237' });
  });

  it('when Zalo answers 503 once, then the group message is retried and delivered once', async () => {
    const { sim, client, db, waits } = await setup();
    const group = sim.addGroup({ name: 'Nhóm thôn Đông' });
    sim.injectFault({ path: '/v3.0/oa/group/message', httpStatus: 503 });
    await client.sendGroupMessage(group.groupId, { text: 'Thông báo họp thôn', imageUrl: 'https://example.org/a.jpg' });
    expect(sim.sentToGroup(group.groupId)).toEqual([expect.objectContaining({ text: 'Thông báo họp thôn' })]);
    expect(waits).toEqual([250]);
    expect(outboundRows(db)[0]).toMatchObject({ kind: 'image', status: 'sent', attempts: 2 });
  });

  it('when reading OA, user and group details, then the simulator answers map onto the ZaloApi types', async () => {
    const { sim, client, clock } = await setup();
    const user = sim.addUser({ displayName: 'Anh Tuấn', isFollower: true, lastInteraction: clock.now() });
    const group = sim.addGroup({ name: 'Nhóm thôn Tây', maxMember: 100 });
    await client.sendGroupMessage(group.groupId, { text: 'Thông báo' });
    expect(await client.getOaInfo()).toMatchObject({ oaId: sim.oaId, oaType: 4, isVerified: true });
    expect(await client.getUserDetail(user.userId)).toMatchObject({
      userId: user.userId,
      displayName: 'Anh Tuấn',
      isFollower: true,
    });
    expect(await client.getGroup(group.groupId)).toMatchObject({
      groupId: group.groupId,
      name: 'Nhóm thôn Tây',
      status: 'enabled',
      maxMember: 100,
    });
    expect(await client.getGroupConversation(group.groupId)).toEqual([
      expect.objectContaining({ src: 0, type: 'text', text: 'Thông báo' }),
    ]);
  });
});
