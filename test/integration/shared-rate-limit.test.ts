import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/shared/clock.js';
import { createSilentLogger } from '../../src/shared/logger.js';
import { createZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';
import { createManualScheduler } from '../../src/simulator/scheduler.js';
import { createZaloClients } from '../../src/zalo/create-zalo-clients.js';
import { createRateLimitState } from '../../src/zalo/rate-limiter.js';
import type { ZaloApi } from '../../src/zalo/zalo-api.js';
import { createTempDb, createSimulatorTokenManager } from '../helpers/zalo-client-harness.js';

const LIMIT = 4;
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * Both OpenAPI clients of one process (or of two over one rate state) against the simulator, on a
 * manual clock whose sleeps wait until the test releases them (so "in one window" is exact).
 */
async function setup() {
  const clock = createManualClock();
  const sleepers: Array<() => void> = [];
  const sleep = () => new Promise<void>((wake) => sleepers.push(wake));
  const sim = createZaloSimulator({ clock, scheduler: createManualScheduler(clock) });
  const { url } = await sim.listen();
  cleanups.push(() => sim.close());
  const bootstrap = sim.issueTokens();
  const temp = createTempDb();
  cleanups.push(temp.cleanup);
  const tokens = createSimulatorTokenManager(sim, url, { db: temp.db, bootstrap, clock });
  const clients = (rateLimitState?: SharedArrayBuffer) =>
    createZaloClients({
      openapiUrl: url,
      tokens,
      db: temp.db,
      log: createSilentLogger(),
      clock,
      sleep,
      random: () => 0.5,
      rateLimitPerMinute: LIMIT,
      ...(rateLimitState ? { rateLimitState } : {}),
    });
  const messageSends = () => sim.requests.filter((q) => q.method === 'POST' && q.path.includes('/message')).length;

  /** Sends LIMIT replies and LIMIT group messages at once; stops when each has been sent or is waiting. */
  async function sendBoth(replies: ZaloApi, groups: ZaloApi) {
    const group = sim.addGroup({ name: 'Nhóm thôn Đông' });
    const residents = Array.from({ length: LIMIT }, () => sim.addUser({ lastInteraction: clock.now() }));
    let settled = 0;
    const all = Promise.all(
      [
        ...residents.map((r) => replies.sendText(r.userId, 'Chị mang sổ hộ khẩu đến UBND xã nhé.')),
        ...residents.map((_, i) => groups.sendGroupMessage(group.groupId, { text: `Thông báo họp thôn ${i + 1}` })),
      ].map((p) => p.finally(() => (settled += 1))),
    );
    while (settled + sleepers.length < 2 * LIMIT) await new Promise((resolve) => setImmediate(resolve));
    const inFirstWindow = messageSends();
    clock.advance(60_000);
    sleepers.splice(0).forEach((wake) => wake());
    await all;
    return { group, inFirstWindow };
  }
  return { sim, clients, sendBoth, messageSends };
}

describe('one Zalo rate budget per process', () => {
  it('when the replies and groups clients both send, then together they send no more than the limit in a window', async () => {
    const { sim, clients, sendBoth, messageSends } = await setup();
    const { zalo, groupZalo } = clients();
    const { group, inFirstWindow } = await sendBoth(zalo, groupZalo);
    expect(inFirstWindow).toBe(LIMIT);
    expect(messageSends()).toBe(2 * LIMIT);
    expect(sim.sentToGroup(group.groupId)).toHaveLength(LIMIT);
  });

  it('when the main thread and the bot worker build their clients over one rate state, then they share the budget', async () => {
    const { clients, sendBoth, messageSends } = await setup();
    const state = createRateLimitState();
    const main = clients(state);
    const worker = clients(state);
    const { inFirstWindow } = await sendBoth(worker.zalo, main.groupZalo);
    expect(inFirstWindow).toBe(LIMIT);
    expect(messageSends()).toBe(2 * LIMIT);
  });
});
