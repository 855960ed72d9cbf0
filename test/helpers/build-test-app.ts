import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/app.js';
import { createBot } from '../../src/bot/create-bot.js';
import type { Dialog } from '../../src/bot/dialog.js';
import type { GroupEventSink } from '../../src/bot/group-event-sink.js';
import { createHoldingDialog } from '../../src/bot/holding-dialog.js';
import type { InboxProcessor } from '../../src/bot/inbox-processor.js';
import type { InboxStore } from '../../src/bot/inbox-store.js';
import type { ReplyOutbox, ReplyOutboxOptions } from '../../src/bot/reply-outbox.js';
import type { ResidentProfiles } from '../../src/bot/resident-profiles.js';
import type { ResidentRepository } from '../../src/bot/resident-repository.js';
import type { ZaloApi } from '../../src/zalo/zalo-api.js';
import { SANDBOX_ZALO } from '../../src/config/parse-config.js';
import { createI18n } from '../../src/i18n/create-i18n.js';
import { systemClock } from '../../src/shared/clock.js';
import { openDatabase, type Db } from '../../src/storage/open-database.js';
import { createStorageHealth, type StorageHealth } from '../../src/storage/storage-health.js';
import { createZaloSimulator, type ZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';
import { createWebhookRouter } from '../../src/zalo/webhook-router.js';
import type { Clock } from '../../src/shared/clock.js';
import type { Logger } from '../../src/shared/logger.js';
import type { Router } from 'express';
import { createZaloClient } from '../../src/zalo/zalo-client.js';
import { listen } from './listen.js';
import { captureLogs, type CapturedLogs } from './capture-logs.js';
import { signZaloRequest } from './sign-zalo.js';
import { createSimulatorTokenManager } from './simulator-token-manager.js';

export interface TestAppOptions {
  /** reuse a database file (restart tests); default a fresh file in a temp folder */
  dbFile?: string;
  /** reuse a listening simulator (restart tests); default a fresh one, closed with the app */
  simulator?: { sim: ZaloSimulator; url: string };
  /** the app id the webhook accepts; default the simulator's */
  appId?: string;
  /** default the holding dialog */
  dialog?: Dialog;
  /** builds the dialog over the app's own database (wins over `dialog`) */
  makeDialog?: (db: Db, parts: { zalo: ZaloApi; outbox: ReplyOutbox; residents: ResidentRepository }) => Dialog;
  /** mounts `/admin` (the console) over the app's database and Zalo client */
  admin?: (deps: { db: Db; zalo: ZaloApi; clock: Clock; log: Logger; outbox: ReplyOutbox }) => Router;
  groupEvents?: GroupEventSink;
  logs?: CapturedLogs;
  /** false: events are stored but not processed (a crash right after the acknowledgement) */
  startProcessor?: boolean;
  /** false: replies are stored in the outbox but never sent (a crash right after the event was processed) */
  startOutbox?: boolean;
  /** reply outbox backoff, max age and reconciliation; default production values (30 s … 15 min, 24 h, 5 s) */
  replyRetry?: Pick<
    ReplyOutboxOptions,
    'retryBaseMs' | 'retryCapMs' | 'maxAgeMs' | 'unknownCheckDelayMs' | 'maxChecks' | 'absentAfterMs'
  >;
  /** the Zalo client's per-request timeout; default 10 s */
  zaloTimeoutMs?: number;
  /** storage backoff; default production values (1 s … 30 s) */
  storage?: { baseDelayMs?: number; capDelayMs?: number };
  verifierCode?: string;
  maxBodyBytes?: number;
  logMessageText?: boolean;
  retryDelaysMs?: number[];
}

export interface TestApp {
  url: string;
  webhookUrl: string;
  dbFile: string;
  db: Db;
  sim: ZaloSimulator;
  simUrl: string;
  /** the token pair the app started with (to check that logs never show them) */
  bootstrapTokens: { accessToken: string; refreshToken: string };
  logs: CapturedLogs;
  inbox: InboxStore;
  processor: InboxProcessor;
  outbox: ReplyOutbox;
  /** the shared storage state (full disk) the webhook, processor and outbox report to */
  storage: StorageHealth;
  /** the background display-name lookups the event router starts after each reply */
  profiles: ResidentProfiles;
  /** POSTs raw bytes to /webhook/zalo with the given headers (JSON content type by default). */
  post(raw: string | Buffer, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  /** POSTs raw bytes signed with the simulator's OA secret (body app_id, else the app's). */
  postSigned(raw: string, options?: { prefix?: boolean }): Promise<{ status: number; body: unknown }>;
  /** Waits until the inbox processor, the reply outbox and the display-name lookups have nothing due. */
  settle(): Promise<void>;
  inboxRows(): number;
  /**
   * Waits until every acknowledged event is processed and every reply is settled (sent or failed),
   * unknown outcomes included (`settle` returns while one waits for its reconciliation).
   */
  settleReplies(timeoutMs?: number): Promise<void>;
  /** Stops listening, drains the processor, closes the database (and the simulator it owns). */
  close(): Promise<void>;
  /**
   * A crash as kill -9 leaves it: listening stops, nothing new starts, the database is closed at once
   * while sends may be in flight (their outcome is never written). Reopen `dbFile` to "restart".
   */
  crash(): Promise<void>;
}

/**
 * The production wiring on 127.0.0.1 for integration tests: a real SQLite file, the real webhook
 * router, inbox and processor, event router and reply sender, and the real Zalo client and token
 * manager talking HTTP to the in-process Zalo simulator (which also delivers signed webhooks here).
 * The simulator carries the sandbox credentials (`SANDBOX_ZALO`), as in `npm start` sandbox mode.
 */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const logs = options.logs ?? captureLogs();
  const log = logs.log;
  const ownsSim = !options.simulator;
  const sim = options.simulator?.sim ?? createZaloSimulator({ ...SANDBOX_ZALO, log });
  const simUrl = options.simulator?.url ?? (await sim.listen()).url;
  const dbFile = options.dbFile ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-test-')), 'loa-xa.sqlite');
  const db = openDatabase(dbFile);
  const clock = systemClock;
  const appId = options.appId ?? sim.appId;

  const bootstrapTokens = sim.issueTokens();
  const tokens = createSimulatorTokenManager(sim, simUrl, { db, bootstrap: bootstrapTokens, clock, log });
  const storage = createStorageHealth({ clock, log, dataDir: path.dirname(dbFile), ...options.storage });
  const zalo = createZaloClient({
    openapiUrl: simUrl,
    tokens,
    db,
    log,
    clock,
    rateLimitPerMinute: 4000,
    storage,
    ...(options.zaloTimeoutMs ? { timeoutMs: options.zaloTimeoutMs } : {}),
  });
  const t = createI18n().getFixedT('vi');
  const bot = createBot({
    db,
    zalo,
    clock,
    log,
    storage,
    dialog: ({ outbox, residents }) =>
      options.makeDialog?.(db, { zalo, outbox, residents }) ?? options.dialog ?? createHoldingDialog(t),
    groupEvents: options.groupEvents,
    options: {
      logMessageText: options.logMessageText,
      replies: options.replyRetry,
      retryDelaysMs: options.retryDelaysMs ?? [5, 5],
    },
  });
  const { inbox, processor, outbox, profiles } = bot;
  const app = createApp({
    ...(options.admin ? { admin: options.admin({ db, zalo, clock, log, outbox }) } : {}),
    webhook: createWebhookRouter({
      appId,
      oaSecretKey: sim.oaSecretKey,
      inbox: bot.accept,
      storage,
      log,
      maxBodyBytes: options.maxBodyBytes,
      logMessageText: options.logMessageText,
    }),
    health: () => {
      const disk = storage.status();
      return {
        ready: disk.ok,
        content: 'test',
        storage: disk.ok ? 'ok' : disk.problem,
        inbox: inbox.stats(),
        replies: outbox.stats(),
      };
    },
    verifierCode: options.verifierCode,
    log,
  });
  const server = await listen(app);
  const url = server.url;
  const webhookUrl = `${url}/webhook/zalo`;
  sim.setWebhook(webhookUrl);
  if (options.startOutbox !== false && options.startProcessor !== false) bot.start();
  else if (options.startOutbox !== false) outbox.start();
  else if (options.startProcessor !== false) processor.start();

  async function post(raw: string | Buffer, headers: Record<string, string> = {}) {
    const res = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof raw === 'string' ? raw : new Uint8Array(raw),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  return {
    url,
    webhookUrl,
    dbFile,
    db,
    sim,
    simUrl,
    bootstrapTokens,
    logs,
    inbox,
    processor,
    outbox,
    storage,
    profiles,
    post,
    postSigned: (raw, signOptions) =>
      post(raw, {
        'x-zevent-signature': signZaloRequest(raw, {
          oaSecretKey: sim.oaSecretKey,
          fallbackAppId: appId,
          ...signOptions,
        }),
      }),
    async settle() {
      await processor.whenIdle();
      await outbox.whenIdle();
      // the name lookup is queued once the reply's send settled, just after the outbox went idle
      await new Promise((resolve) => setImmediate(resolve));
      await profiles.whenIdle();
    },
    inboxRows: () => (db.prepare('SELECT COUNT(*) AS n FROM inbox_events').get() as { n: number }).n,
    async settleReplies(timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await processor.whenIdle();
        await outbox.whenIdle();
        const r = outbox.stats();
        if (inbox.stats().pending === 0 && r.pending === 0 && r.sending === 0) return;
        if (Date.now() > deadline) throw new Error(`replies not settled: ${JSON.stringify(r)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async crash() {
      void processor.drain(0);
      void outbox.stop(0);
      void profiles.stop(0);
      db.close();
      await server.close();
      if (ownsSim) await sim.close();
    },
    async close() {
      await server.close();
      await bot.stop(Date.now() + 5_000);
      db.close();
      if (ownsSim) await sim.close();
    },
  };
}
