import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_ZALO } from '../../src/config/parse-config.js';
import { createManualClock } from '../../src/shared/clock.js';
import { createZaloSimulator, type ZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';
import { createManualScheduler } from '../../src/simulator/scheduler.js';
import { buildTestApp, type TestApp, type TestAppOptions } from '../helpers/build-test-app.js';

const CS_PATH = '/v3.0/oa/message/cs';
const CONVERSATION_PATH = '/v2.0/oa/conversation';
/** the client gives up on a send after this; the faults below hold Zalo's answer longer */
const CLIENT_TIMEOUT_MS = 300;
/** Zalo's records prove a send absent this long after it started (production: 30 s) */
const ABSENT_AFTER_MS = CLIENT_TIMEOUT_MS * 6;
const FAST_RECONCILE = { unknownCheckDelayMs: 50, absentAfterMs: ABSENT_AFTER_MS };

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startApp(options: TestAppOptions = {}): Promise<TestApp> {
  const app = await buildTestApp({
    zaloTimeoutMs: CLIENT_TIMEOUT_MS,
    ...options,
    replyRetry: { ...FAST_RECONCILE, ...options.replyRetry },
  });
  cleanups.push(() => app.close().catch(() => undefined));
  return app;
}

async function startSimulator(options: { autoEcho?: boolean } = {}): Promise<{ sim: ZaloSimulator; url: string }> {
  // webhook retries never run by themselves: the crash trials redeliver unacknowledged events by hand
  const sim = createZaloSimulator({
    ...SANDBOX_ZALO,
    scheduler: createManualScheduler(createManualClock()),
    autoEcho: options.autoEcho ?? false,
  });
  const { url } = await sim.listen();
  cleanups.push(() => sim.close());
  return { sim, url };
}

function tempDbFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-once-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'loa-xa.sqlite');
}

const csRequests = (sim: ZaloSimulator) => sim.requests.filter((r) => r.method === 'POST' && r.path === CS_PATH);
const lookups = (sim: ZaloSimulator) => sim.requests.filter((r) => r.path === CONVERSATION_PATH).length;

function rows(app: TestApp) {
  return app.db
    .prepare(
      'SELECT status, attempts, zalo_message_id AS messageId, resent_unknown AS resentUnknown FROM reply_outbox ORDER BY id',
    )
    .all() as Array<{ status: string; attempts: number; messageId: string | null; resentUnknown: number }>;
}

/** A simulator (with `options`), the app on it and a following resident, with `faults` injected once each. */
async function residentUnder(
  faults: Parameters<ZaloSimulator['injectFault']>[0][],
  options?: Parameters<typeof startSimulator>[0],
) {
  const simulator = await startSimulator(options);
  const app = await startApp({ simulator });
  const user = simulator.sim.addUser({ isFollower: true });
  for (const fault of faults) simulator.sim.injectFault({ ...fault, times: 1 });
  return { simulator, app, user };
}

describe('exactly-once replies', () => {
  it('when Zalo accepts a reply but answers after the client’s timeout, then the conversation shows it delivered and it is not sent again', async () => {
    const { simulator, app, user } = await residentUnder([{ path: CS_PATH, responseDelayMs: CLIENT_TIMEOUT_MS * 4 }]);

    await simulator.sim.sendUserText(user.userId, 'hộ nghèo là gì');
    await app.settleReplies();

    const sent = simulator.sim.sentToUser(user.userId);
    expect(sent).toHaveLength(1);
    expect(csRequests(simulator.sim)).toHaveLength(1);
    expect(lookups(simulator.sim)).toBeGreaterThanOrEqual(1);
    expect(rows(app)).toEqual([{ status: 'sent', attempts: 1, messageId: sent[0]!.messageId, resentUnknown: 0 }]);
    expect(app.logs.lines()).toContainEqual(
      expect.objectContaining({ via: 'conversation', msg: expect.stringMatching(/reconciled: Zalo had delivered it/) }),
    );
  });

  it('when the oa_send_text echo arrived before the late answer, then the echo settles it without asking Zalo’s conversation', async () => {
    const { simulator, app, user } = await residentUnder([{ path: CS_PATH, responseDelayMs: CLIENT_TIMEOUT_MS * 4 }], {
      autoEcho: true,
    });

    await simulator.sim.sendUserText(user.userId, 'hộ nghèo là gì');
    await app.settleReplies();

    const sent = simulator.sim.sentToUser(user.userId);
    expect(sent).toHaveLength(1);
    expect(lookups(simulator.sim)).toBe(0);
    expect(rows(app)).toEqual([{ status: 'sent', attempts: 1, messageId: sent[0]!.messageId, resentUnknown: 0 }]);
    expect(app.db.prepare('SELECT msg_id AS msgId FROM oa_echoes').all()).toEqual([{ msgId: sent[0]!.messageId }]);
    expect(app.logs.lines()).toContainEqual(expect.objectContaining({ via: 'echo' }));
  });

  it('when Zalo accepts a reply and the connection drops before the answer, then it is reconciled, not resent', async () => {
    const { simulator, app, user } = await residentUnder([{ path: CS_PATH, dropResponse: true }]);

    await simulator.sim.sendUserText(user.userId, 'một');
    await simulator.sim.sendUserText(user.userId, 'hai');
    await app.settleReplies();

    expect(simulator.sim.sentToUser(user.userId)).toHaveLength(2);
    expect(csRequests(simulator.sim)).toHaveLength(2);
    expect(rows(app).map((r) => r.status)).toEqual(['sent', 'sent']);
  });

  it('when Zalo receives a reply, keeps it longer than the client’s timeout and then accepts it, then it is not sent again', async () => {
    // Zalo works on the request after the client gave up: absent at the first lookup, delivered later
    const { simulator, app, user } = await residentUnder([{ path: CS_PATH, latencyMs: CLIENT_TIMEOUT_MS * 3 }]);

    await simulator.sim.sendUserText(user.userId, 'hộ nghèo là gì');
    await app.settleReplies();

    const sent = simulator.sim.sentToUser(user.userId);
    expect(sent).toHaveLength(1);
    expect(csRequests(simulator.sim)).toHaveLength(1);
    expect(rows(app)).toEqual([{ status: 'sent', attempts: 1, messageId: sent[0]!.messageId, resentUnknown: 0 }]);
    expect(app.logs.lines()).toContainEqual(
      expect.objectContaining({ msg: expect.stringMatching(/not in Zalo’s records yet; looking again/) }),
    );
  });

  it('when the send timed out before Zalo accepted it, then the conversation proves it absent and it is sent once more', async () => {
    // held past the client's timeout, then refused: nothing recorded
    const { simulator, app, user } = await residentUnder([
      { path: CS_PATH, latencyMs: CLIENT_TIMEOUT_MS * 3, httpStatus: 503 },
    ]);

    await simulator.sim.sendUserText(user.userId, 'hộ nghèo là gì');
    await app.settleReplies();

    expect(simulator.sim.sentToUser(user.userId)).toHaveLength(1);
    expect(csRequests(simulator.sim)).toHaveLength(2);
    expect(rows(app)).toEqual([expect.objectContaining({ status: 'sent', attempts: 2, resentUnknown: 0 })]);
    expect(app.logs.lines()).toContainEqual(
      expect.objectContaining({ msg: expect.stringMatching(/Zalo has no such message; sending it again/) }),
    );
  });

  it('when Zalo refuses the conversation lookup for good, then the unknown reply is resent once, counted and logged', async () => {
    const { simulator, app, user } = await residentUnder([
      { path: CS_PATH, latencyMs: CLIENT_TIMEOUT_MS * 3, httpStatus: 503 },
      { path: CONVERSATION_PATH, code: -223 },
    ]);

    await simulator.sim.sendUserText(user.userId, 'hộ nghèo là gì');
    await app.settleReplies();

    expect(simulator.sim.sentToUser(user.userId)).toHaveLength(1);
    expect(app.outbox.stats()).toMatchObject({ sent: 1, resentUnknown: 1, unknown: 0 });
    expect(app.logs.lines()).toContainEqual(
      expect.objectContaining({ level: 40, code: '-223', msg: expect.stringMatching(/may get it twice/) }),
    );
  });

  it('when the process is killed in the middle of sends, 50 times under load, then every acknowledged event is answered exactly once', async () => {
    const simulator = await startSimulator();
    const { sim } = simulator;
    const residents = 6;
    const perResident = 3;
    let duplicates = 0;
    let losses = 0;
    let interrupted = 0;
    for (let trial = 0; trial < 50; trial++) {
      const dbFile = tempDbFile();
      const users = Array.from({ length: residents }, () => sim.addUser({ isFollower: true }).userId);
      // Zalo holds some answers: those sends are accepted but their outcome is still unknown at the crash
      sim.injectFault({ path: CS_PATH, responseDelayMs: 400, times: 1 + (trial % 6) });
      const first = await buildTestApp({
        dbFile,
        simulator,
        zaloTimeoutMs: 2_000,
        replyRetry: { unknownCheckDelayMs: 150 },
      });
      const deliveries = users.flatMap((userId) =>
        Array.from({ length: perResident }, (_, i) => sim.sendUserText(userId, `câu hỏi ${i + 1}`)),
      );
      await new Promise((resolve) => setTimeout(resolve, 5 + ((trial * 37) % 120)));
      interrupted += (
        first.db.prepare(`SELECT COUNT(*) AS n FROM reply_outbox WHERE status = 'sending'`).get() as {
          n: number;
        }
      ).n;
      await first.crash();
      const results = await Promise.all(deliveries);

      const second = await buildTestApp({
        dbFile,
        simulator,
        replyRetry: { unknownCheckDelayMs: 150, absentAfterMs: 1_000 },
      });
      // what Zalo would do: deliver again what was never acknowledged with a 200
      for (const result of results) if (result.status !== 200) await sim.emit(result.rawBody);
      await second.settleReplies();
      await second.close();
      sim.clearFaults();

      for (const userId of users) {
        const got = sim.sentToUser(userId).length;
        duplicates += Math.max(0, got - perResident);
        losses += Math.max(0, perResident - got);
      }
    }
    expect({ duplicates, losses }).toEqual({ duplicates: 0, losses: 0 });
    expect(interrupted).toBeGreaterThan(0);
  }, 120_000);
});
