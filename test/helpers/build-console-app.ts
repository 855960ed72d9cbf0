import fs from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAccountRepository } from '../../src/admin/auth/account-repository.js';
import { createAccountService } from '../../src/admin/auth/account-service.js';
import type { LoginLimits } from '../../src/admin/auth/login-rate-limiter.js';
import type { Role } from '../../src/admin/auth/roles.js';
import { createAdmin } from '../../src/admin/create-admin.js';
import { createApp } from '../../src/app.js';
import { acceptWithEchoes } from '../../src/bot/accept-with-echoes.js';
import { createReplyDeliveryCheck } from '../../src/bot/check-reply-delivered.js';
import { createConversation, type Conversation } from '../../src/bot/dialog/conversation.js';
import { createFaqDialog } from '../../src/bot/dialog/create-faq-dialog.js';
import { createHandoffRepository, type HandoffRepository } from '../../src/bot/dialog/handoff-repository.js';
import { createEventHandler } from '../../src/bot/handle-event.js';
import { createInboxProcessor } from '../../src/bot/inbox-processor.js';
import { createInboxStore } from '../../src/bot/inbox-store.js';
import { createReplyEchoStore } from '../../src/bot/reply-echo-store.js';
import { createReplyOutbox, type ReplyOutbox } from '../../src/bot/reply-outbox.js';
import { createReplySender } from '../../src/bot/reply-sender.js';
import { createQuestionRepository, type QuestionRepository } from '../../src/bot/dialog/question-repository.js';
import { createResidentRepository, type ResidentRepository } from '../../src/bot/resident-repository.js';
import { createBroadcast, type Broadcast } from '../../src/broadcast/create-broadcast.js';
import { parseQuietHours } from '../../src/broadcast/quiet-hours.js';
import { createFaqStore, type ReloadableFaqStore } from '../../src/faq/content/create-faq-store.js';
import { createI18n } from '../../src/i18n/create-i18n.js';
import { createManualClock } from '../../src/shared/clock.js';
import { createZaloSimulator, type ZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';
import { deleteUserData } from '../../src/storage/delete-user-data.js';
import { openDatabase, type Db } from '../../src/storage/open-database.js';
import { createOutboundRepository } from '../../src/zalo/outbound-repository.js';
import { createWebhookRouter } from '../../src/zalo/webhook-router.js';
import type { ZaloApi } from '../../src/zalo/zalo-api.js';
import { createZaloClient } from '../../src/zalo/zalo-client.js';
import { captureLogs, type CapturedLogs } from './capture-logs.js';
import { consoleClient, type ConsoleClient } from './console-client.js';
import { createSimulatorTokenManager } from './simulator-token-manager.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const CONSOLE_CONTENT_DIR = path.join(HERE, '../fixtures/content/valid');
export const ADMIN_TOKEN = 'console-test-admin-token-0123456789';
/** every test account gets this password */
export const TEST_PASSWORD = 'mật khẩu thử 2026';
/** the broadcast domain's options in console tests: Hà Nội time, no quiet hours, two-person rule, fast retries */
export const TEST_BROADCAST_OPTIONS = {
  timeZone: 'Asia/Ho_Chi_Minh',
  quietHours: null,
  twoPersonRule: true,
  graceMs: 6 * 3600_000,
  tickMs: 60_000,
  concurrency: 2,
  maxAttempts: 3,
  retryBaseMs: 10,
  retryCapMs: 100,
  historySkewMs: 60_000,
};

export interface ConsoleTestApp {
  url: string;
  db: Db;
  clock: ReturnType<typeof createManualClock>;
  sim: ZaloSimulator;
  /** the real Zalo client the console uses, talking to `sim` */
  zalo: ZaloApi;
  broadcast: Broadcast;
  handoffs: HandoffRepository;
  questions: QuestionRepository;
  residents: ResidentRepository;
  /** the residents' conversation threads, as the console and the dialog see them */
  conversation: Conversation;
  /** the reply outbox the webhook's dialog turns and the console's notices go through */
  outbox: ReplyOutbox;
  faq: ReloadableFaqStore;
  logs: CapturedLogs;
  /** Waits until every resident event is processed and every reply sent. */
  settle(): Promise<void>;
  /** creates an account with TEST_PASSWORD */
  addAccount(name: string, role: Role): Promise<void>;
  /** creates an account with TEST_PASSWORD and returns a console client signed in as it */
  signInAs(name: string, role: Role): Promise<ConsoleClient>;
  close(): Promise<void>;
}

/**
 * The console as production wires it, on 127.0.0.1: `createApp` with `/admin` = bearer API +
 * console, a real SQLite file, the broadcast domain, the dialog's repositories, the FAQ store over
 * the test content, the real Zalo client talking HTTP to the in-process simulator, and the resident
 * side: signed webhooks from the simulator (`sim.sendUserText`) into the inbox, the FAQ dialog and the
 * reply outbox. Time is a
 * manual clock (starts 2026-11-29 10:00 in Hà Nội); the broadcast scheduler is ticked by the test.
 */
export async function buildConsoleApp(
  options: {
    loginLimits?: Partial<LoginLimits>;
    trustProxy?: boolean;
    quietHours?: string;
    approvalNotifyGroupId?: string;
    /** a content folder the test may change (the console writes FAQ edits into it); default the valid fixture, read only */
    contentDir?: string;
    /** watch the content folder and reload on changes (default false) */
    watchContent?: boolean;
  } = {},
): Promise<ConsoleTestApp> {
  const logs = captureLogs('warn');
  const log = logs.log;
  const clock = createManualClock();
  const sim = createZaloSimulator({ log, clock });
  const simServer = await sim.listen();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-console-'));
  const db = openDatabase(path.join(dir, 'loa-xa.sqlite'));
  const tokens = createSimulatorTokenManager(sim, simServer.url, { db, bootstrap: sim.issueTokens(), clock, log });
  const zalo = createZaloClient({ openapiUrl: simServer.url, tokens, db, log, clock, rateLimitPerMinute: 4000 });
  const i18n = createI18n();
  const timeZone = 'Asia/Ho_Chi_Minh';
  const broadcast = createBroadcast({
    db,
    zalo,
    clock,
    log,
    i18n,
    options: {
      ...TEST_BROADCAST_OPTIONS,
      timeZone,
      quietHours: parseQuietHours(options.quietHours ?? ''),
      approvalNotifyGroupId: options.approvalNotifyGroupId ?? null,
    },
  });
  const contentDir = options.contentDir ?? CONSOLE_CONTENT_DIR;
  const faq = createFaqStore({ contentDir, clock, log, watch: options.watchContent ?? false, debounceMs: 50 });
  const handoffs = createHandoffRepository(db);
  const questions = createQuestionRepository(db);
  const residents = createResidentRepository(db);
  const conversation = createConversation(db, { keepText: true });
  const echoes = createReplyEchoStore(db);
  const outbox = createReplyOutbox({
    db,
    sender: createReplySender({ zalo, db, log }),
    check: createReplyDeliveryCheck({ zalo, echoes, outbound: createOutboundRepository(db) }),
    echoes,
    clock,
    log,
  });
  const t = i18n.getFixedT('vi');
  const dialog = createFaqDialog({ faq, db, t, log, conversation, options: { messageRetentionDays: 30, timeZone } });
  const inbox = createInboxStore({ db, clock });
  const processor = createInboxProcessor({
    inbox,
    clock,
    log,
    handle: createEventHandler({
      dialog,
      replies: outbox,
      residents,
      deleteUserData: (userId) => deleteUserData(db, userId),
      log,
    }),
  });
  const scryptCost = { N: 1024, r: 8, p: 1 };
  const admin = createAdmin({
    db,
    clock,
    log,
    i18n,
    faq,
    zalo,
    broadcast,
    handoffs,
    questions,
    residents,
    conversation,
    replies: outbox,
    onHumanReply: (userId, now) => dialog.noteHumanReply(userId, now),
    contentDir,
    timeZone,
    trustProxy: options.trustProxy ?? false,
    scryptCost,
    loginLimits: options.loginLimits,
    adminToken: ADMIN_TOKEN,
  });
  const app = createApp({
    webhook: createWebhookRouter({
      appId: sim.appId,
      oaSecretKey: sim.oaSecretKey,
      inbox: acceptWithEchoes({ db, inbox, echoes, clock }),
      log,
      clock,
    }),
    health: () => ({ ready: true, content: faq.status().version }),
    admin,
    log,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  sim.setWebhook(`${url}/webhook/zalo`);
  outbox.start();
  processor.start();
  const accounts = createAccountService({
    db,
    accounts: createAccountRepository({ db, clock }),
    audit: broadcast.audit,
    scryptCost,
  });
  const addAccount = async (name: string, role: Role): Promise<void> => {
    await accounts.add('test', { name, role, password: TEST_PASSWORD });
  };

  return {
    url,
    db,
    clock,
    sim,
    zalo,
    broadcast,
    handoffs,
    questions,
    residents,
    conversation,
    outbox,
    faq,
    logs,
    addAccount,
    async settle() {
      await processor.whenIdle();
      await outbox.whenIdle();
    },
    async signInAs(name, role) {
      await addAccount(name, role);
      const client = consoleClient(url);
      await client.signIn(name, TEST_PASSWORD);
      return client;
    },
    async close() {
      await broadcast.scheduler.stop();
      await processor.drain(5_000);
      await outbox.stop(5_000);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      faq.close();
      db.close();
      await sim.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
