/**
 * Webhook benchmark: how fast `POST /webhook/zalo` acknowledges signed events and how long a resident
 * waits for the reply, next to a bare express hello-world measured the same way in the same run.
 * Everything is in-process on 127.0.0.1: the real app (router, SQLite inbox in a temp file, processor,
 * FAQ dialog over ./content, Zalo client and token manager) and the Zalo simulator as the fake Zalo.
 * Load: Node http with a keep-alive agent, COUNT requests at CONCURRENCY in flight; one message per
 * resident (so the dialog's flood limit never applies).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { createApp } from '../../src/app.js';
import { createFaqDialog } from '../../src/bot/dialog/create-faq-dialog.js';
import { createEventHandler } from '../../src/bot/handle-event.js';
import { createInboxProcessor } from '../../src/bot/inbox-processor.js';
import { createInboxStore } from '../../src/bot/inbox-store.js';
import { createReplyOutbox } from '../../src/bot/reply-outbox.js';
import { createReplySender } from '../../src/bot/reply-sender.js';
import { createResidentRepository } from '../../src/bot/resident-repository.js';
import { SANDBOX_ZALO } from '../../src/config/parse-config.js';
import { createFaqStore } from '../../src/faq/content/create-faq-store.js';
import { createI18n } from '../../src/i18n/create-i18n.js';
import type { Clock } from '../../src/shared/clock.js';
import { createSilentLogger } from '../../src/shared/logger.js';
import { createZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';
import { deleteUserData } from '../../src/storage/delete-user-data.js';
import { openDatabase } from '../../src/storage/open-database.js';
import { createWebhookRouter } from '../../src/zalo/webhook-router.js';
import { createZaloClient } from '../../src/zalo/zalo-client.js';
import { signZaloBody } from '../../src/zalo/zalo-signature.js';
import { percentile, runLoad, type LoadResult } from './load.js';
import { createSimulatorTokenManager } from '../../test/helpers/simulator-token-manager.js';

const COUNT = 2_000;
const CONCURRENCY = 20;
/** messages sent one after another, each waiting for its reply, for the unloaded reply latency */
const SEQUENTIAL = 200;
const QUESTIONS = [
  'hộ nghèo được hỗ trợ những gì',
  'thủ tục vay vốn ưu đãi',
  'bao hiem y te cho ho can ngheo',
  'xin chào',
  '1',
];

/** Sub-millisecond wall clock shared by the load generator and the fake Zalo, for end-to-end times. */
const clock: Clock = { now: () => performance.timeOrigin + performance.now() };
const log = createSilentLogger();

async function listen(app: express.Express): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', (err?: Error) => {
      if (err) return reject(err);
      const address = server.address();
      resolve({
        url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

async function baseline(): Promise<LoadResult> {
  const app = express();
  app.post('/', (_req, res) => {
    res.json({ ok: true });
  });
  const server = await listen(app);
  try {
    return await runLoad({
      url: `${server.url}/`,
      count: COUNT,
      concurrency: CONCURRENCY,
      body: () => ({ raw: '{"hello":"world"}' }),
    });
  } finally {
    await server.close();
  }
}

async function webhook() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-bench-'));
  const sim = createZaloSimulator({ ...SANDBOX_ZALO, clock, rateLimitPerMinute: 1_000_000_000 });
  const simServer = await sim.listen();
  const db = openDatabase(path.join(dir, 'loa-xa.sqlite'));
  const tokens = createSimulatorTokenManager(sim, simServer.url, { db, bootstrap: sim.issueTokens(), clock, log });
  const zalo = createZaloClient({ openapiUrl: simServer.url, tokens, db, log, clock, rateLimitPerMinute: Infinity });
  const faq = createFaqStore({ contentDir: path.resolve('content'), clock, log, watch: false });
  const t = createI18n().getFixedT('vi');
  const inbox = createInboxStore({ db, clock });
  const outbox = createReplyOutbox({ db, sender: createReplySender({ zalo, db, log }), clock, log });
  const processor = createInboxProcessor({
    inbox,
    clock,
    log,
    handle: createEventHandler({
      dialog: createFaqDialog({ faq, db, t, log }),
      replies: outbox,
      residents: createResidentRepository(db),
      deleteUserData: (userId) => deleteUserData(db, userId),
      log,
    }),
  });
  const app = createApp({
    webhook: createWebhookRouter({ appId: sim.appId, oaSecretKey: sim.oaSecretKey, inbox, log }),
    health: () => ({ ready: true }),
    log,
  });
  const server = await listen(app);
  outbox.start();
  processor.start();

  const users = Array.from(
    { length: COUNT },
    () => sim.addUser({ isFollower: true, lastInteraction: clock.now() }).userId,
  );
  const bodies = users.map((userId, i) => {
    const raw = JSON.stringify(sim.events.userSendText(userId, QUESTIONS[i % QUESTIONS.length]!));
    return { raw, headers: { 'x-zevent-signature': signZaloBody(raw, sim.oaSecretKey) } };
  });
  const sentAt: number[] = [];
  const acks = await runLoad({
    url: `${server.url}/webhook/zalo`,
    count: COUNT,
    concurrency: CONCURRENCY,
    body: (i) => {
      sentAt[i] = clock.now();
      return bodies[i]!;
    },
  });
  await processor.whenIdle();
  const doneAt = clock.now();
  const endToEnd = users.map((userId, i) => (sim.sentToUser(userId)[0]?.time ?? NaN) - sentAt[i]!);
  const replied = endToEnd.filter((ms) => !Number.isNaN(ms));

  // One resident at a time (no queue): what a resident waits for when the bot is not busy.
  const single: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i += 1) {
    const userId = sim.addUser({ isFollower: true, lastInteraction: clock.now() }).userId;
    const raw = JSON.stringify(sim.events.userSendText(userId, QUESTIONS[i % QUESTIONS.length]!));
    const started = clock.now();
    await runLoad({
      url: `${server.url}/webhook/zalo`,
      count: 1,
      concurrency: 1,
      body: () => ({ raw, headers: { 'x-zevent-signature': signZaloBody(raw, sim.oaSecretKey) } }),
    });
    const deadline = started + 5_000;
    while (sim.sentToUser(userId).length === 0 && clock.now() < deadline) await new Promise((r) => setTimeout(r, 1));
    const reply = sim.sentToUser(userId)[0];
    if (reply) single.push(reply.time - started);
  }

  await server.close();
  await processor.drain(5_000);
  await outbox.stop(5_000);
  faq.close();
  db.close();
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { acks, replied, single, repliesPerSecond: replied.length / ((doneAt - Math.min(...sentAt)) / 1000) };
}

const row = (name: string, r: LoadResult) =>
  `${name.padEnd(34)} ${r.rate.toFixed(0).padStart(8)} ${percentile(r.latencies, 50).toFixed(2).padStart(8)} ${percentile(r.latencies, 99).toFixed(2).padStart(8)}`;

const base = await baseline();
const result = await webhook();
const ok = result.acks.statuses.filter((s) => s === 200).length;
console.log(
  `${COUNT} POSTs per target, ${CONCURRENCY} in flight, keep-alive, 127.0.0.1; Node ${process.version}, ${os.cpus().length} CPU(s)`,
);
console.log(`${'target'.padEnd(34)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
console.log(row('baseline: express hello-world', base));
console.log(row('POST /webhook/zalo (acknowledged)', result.acks));
console.log(
  `end-to-end under the burst (webhook in → reply received by fake Zalo; includes queueing): ${result.replied.length}/${COUNT} replied, ` +
    `p50 ${percentile(result.replied, 50).toFixed(1)} ms, p99 ${percentile(result.replied, 99).toFixed(1)} ms, ` +
    `${result.repliesPerSecond.toFixed(0)} replies/s`,
);
console.log(
  `end-to-end, one resident at a time (${SEQUENTIAL} messages, no queue): ${result.single.length}/${SEQUENTIAL} replied, ` +
    `p50 ${percentile(result.single, 50).toFixed(1)} ms, p99 ${percentile(result.single, 99).toFixed(1)} ms`,
);
if (ok !== COUNT || result.replied.length !== COUNT || result.single.length !== SEQUENTIAL) {
  console.error(`expected ${COUNT} acknowledgements and replies, got ${ok} and ${result.replied.length}`);
  process.exit(1);
}
