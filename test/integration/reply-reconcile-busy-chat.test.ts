import { afterEach, expect, it } from 'vitest';
import { SANDBOX_ZALO } from '../../src/config/parse-config.js';
import { createManualClock } from '../../src/shared/clock.js';
import { createZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';
import { createManualScheduler } from '../../src/simulator/scheduler.js';
import { buildTestApp } from '../helpers/build-test-app.js';

const CS_PATH = '/v3.0/oa/message/cs';
const CLIENT_TIMEOUT_MS = 300;
/** more than the lookup's old limit of 5 pages of 10: the kill -9 chaos run's busy residents had that many */
const LATER_MESSAGES = 80;

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it('when a reply’s outcome is unknown and the resident writes 80 more messages, then the reply is found deep in the conversation and not sent again', async () => {
  const sim = createZaloSimulator({ ...SANDBOX_ZALO, scheduler: createManualScheduler(createManualClock()) });
  const { url } = await sim.listen();
  cleanups.push(() => sim.close());
  const app = await buildTestApp({
    simulator: { sim, url },
    zaloTimeoutMs: CLIENT_TIMEOUT_MS,
    replyRetry: { unknownCheckDelayMs: 3_000, absentAfterMs: 3_000 },
  });
  cleanups.push(() => app.close());
  const { userId } = sim.addUser({ isFollower: true });
  // Zalo accepts the first reply but answers after the client gave up: delivered, outcome unknown
  sim.injectFault({ path: CS_PATH, responseDelayMs: CLIENT_TIMEOUT_MS * 4, times: 1 });

  await sim.sendUserText(userId, 'câu hỏi đầu tiên');
  for (let i = 0; i < LATER_MESSAGES; i++) await sim.sendUserText(userId, `câu hỏi ${i + 2}`);
  await app.settleReplies(30_000);

  const csPosts = sim.requests.filter((r) => r.method === 'POST' && r.path === CS_PATH);
  expect(sim.sentToUser(userId)).toHaveLength(1 + LATER_MESSAGES);
  expect(csPosts).toHaveLength(1 + LATER_MESSAGES);
  expect(app.outbox.stats()).toMatchObject({ sent: 1 + LATER_MESSAGES, resentUnknown: 0 });
  expect(app.logs.lines()).toContainEqual(expect.objectContaining({ via: 'conversation' }));
}, 60_000);
