import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SANDBOX_ZALO } from '../../src/config/parse-config.js';
import { createManualClock } from '../../src/shared/clock.js';
import { createZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';
import { createManualScheduler } from '../../src/simulator/scheduler.js';
import { waitFor } from '../e2e/wait-for.js';
import { buildTestApp } from '../helpers/build-test-app.js';

const CS_PATH = '/v3.0/oa/message/cs';
const CLIENT_TIMEOUT_MS = 300;
const FIRST_REPLY_CHECK_MS = 5_000;

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A reply Zalo delivered but answered too late (outcome unknown), then the process stopped; while it
 * was down the resident wrote `later` more messages (restart churn), so the reply lies deeper in the
 * conversation than one lookup reads (30 pages of 10). Then the app starts again over the same file.
 */
async function unknownReplyBehind(later: number) {
  const sim = createZaloSimulator({ ...SANDBOX_ZALO, scheduler: createManualScheduler(createManualClock()) });
  const { url } = await sim.listen();
  cleanups.push(() => sim.close());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-resend-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const dbFile = path.join(dir, 'app.sqlite');
  const { userId } = sim.addUser({ isFollower: true });

  const first = await buildTestApp({
    simulator: { sim, url },
    dbFile,
    zaloTimeoutMs: CLIENT_TIMEOUT_MS,
    replyRetry: { unknownCheckDelayMs: FIRST_REPLY_CHECK_MS, absentAfterMs: 0 },
  });
  sim.injectFault({ path: CS_PATH, responseDelayMs: CLIENT_TIMEOUT_MS * 4, times: 1 });
  await sim.sendUserText(userId, 'câu hỏi đầu tiên');
  await waitFor('the first reply’s outcome to be unknown', () => first.outbox.stats().unknown === 1);
  await first.close();

  sim.setWebhook(null);
  for (let i = 0; i < later; i++) await sim.sendUserText(userId, `tin nhắn khi máy chủ tắt ${i + 1}`);

  const app = await buildTestApp({
    simulator: { sim, url },
    dbFile,
    zaloTimeoutMs: CLIENT_TIMEOUT_MS,
    replyRetry: { unknownCheckDelayMs: 100, absentAfterMs: 0 },
  });
  cleanups.push(() => app.close());
  return { sim, app, userId };
}

const lookups = (sim: { requests: Array<{ path: string }> }) =>
  sim.requests.filter((r) => r.path.endsWith('/conversation')).length;

describe('no blind resend of a reply whose outcome is unknown', () => {
  it('when the reply is 310 messages deep, then the next lookup reads on from where the last stopped and finds it', async () => {
    const { sim, app, userId } = await unknownReplyBehind(310);
    await app.settleReplies(30_000);

    expect(sim.sentToUser(userId)).toHaveLength(1);
    expect(app.outbox.stats()).toMatchObject({ sent: 1, resentUnknown: 0, unsettled: 0 });
    expect(app.logs.lines()).toContainEqual(expect.objectContaining({ via: 'conversation' }));
    // one lookup of 30 pages, then one going on from page 29, not the same 30 pages again
    expect(lookups(sim)).toBeLessThanOrEqual(30 + 3);
  }, 60_000);

  it('when the reply is deeper than every lookup reads, then it is not resent, ends unsettled, and later replies go on', async () => {
    const { sim, app, userId } = await unknownReplyBehind(1_600);
    await app.settleReplies(30_000);

    expect(sim.sentToUser(userId)).toHaveLength(1);
    expect(app.outbox.stats()).toMatchObject({ sent: 0, resentUnknown: 0, unsettled: 1, pending: 0 });
    expect(app.logs.lines()).toContainEqual(
      expect.objectContaining({ level: 40, why: 'history_incomplete', msg: expect.stringMatching(/not resent/) }),
    );

    await sim.sendUserText(userId, 'cảm ơn');
    await app.settleReplies(10_000);
    expect(sim.sentToUser(userId)).toHaveLength(2);
  }, 60_000);
});
