import type { AddressInfo } from 'node:net';
import { createAdminApiRouter } from './admin/api/create-admin-api-router.js';
import { createConsoleRouter } from './admin/console/create-console-router.js';
import { ensureSandboxAdmin } from './admin/auth/ensure-sandbox-admin.js';
import { createAdminRouter } from './admin/create-admin-router.js';
import { createApp } from './app.js';
import { acceptWithEchoes } from './bot/accept-with-echoes.js';
import { createReplyDeliveryCheck } from './bot/check-reply-delivered.js';
import { createConversation } from './bot/dialog/conversation.js';
import { createHandoffRepository } from './bot/dialog/handoff-repository.js';
import { createHandoffNotifier } from './bot/dialog/handoff-notifier.js';
import { createHandoffJobs } from './bot/dialog/start-handoff-jobs.js';
import { createQuestionRepository } from './bot/dialog/question-repository.js';
import { createFaqDialog } from './bot/dialog/create-faq-dialog.js';
import { createHouseholdFlow } from './household/create-household-flow.js';
import { startQuestionPurge } from './bot/dialog/purge-question-texts.js';
import { createEventHandler } from './bot/handle-event.js';
import { createInboxProcessor } from './bot/inbox-processor.js';
import { createInboxStore } from './bot/inbox-store.js';
import { createOwnMessageCheck } from './bot/own-message-check.js';
import { createReplyEchoStore } from './bot/reply-echo-store.js';
import { createReplyOutbox } from './bot/reply-outbox.js';
import { createReplySender } from './bot/reply-sender.js';
import { createResidentProfiles } from './bot/resident-profiles.js';
import { createResidentRepository } from './bot/resident-repository.js';
import { broadcastOptionsFromConfig, createBroadcast } from './broadcast/create-broadcast.js';
import { parseConfig, type Config } from './config/parse-config.js';
import { createFaqStore } from './faq/content/create-faq-store.js';
import { createI18n } from './i18n/create-i18n.js';
import { memoizeT } from './i18n/memoize-t.js';
import { startSandbox } from './sandbox/start-sandbox.js';
import { systemClock } from './shared/clock.js';
import { AppError, ConfigError } from './shared/errors.js';
import { createLogger } from './shared/logger.js';
import { listenForStopSignals } from './shared/stop-signals.js';
import { deleteUserData } from './storage/delete-user-data.js';
import { checkDataDir } from './storage/check-data-dir.js';
import { openDatabase, type Db } from './storage/open-database.js';
import { createStorageHealth, storageProblemOf } from './storage/storage-health.js';
import { createOutboundRepository } from './zalo/outbound-repository.js';
import { createTokenManager } from './zalo/token-manager.js';
import { createWebhookRouter } from './zalo/webhook-router.js';
import { createZaloClient } from './zalo/zalo-client.js';

const DAY_MS = 24 * 3_600_000;
/** how long running work may take to finish on SIGTERM before the rest is left pending */
const DRAIN_DEADLINE_MS = 10_000;
/** after this the process exits even if something hangs */
const HARD_EXIT_MS = 20_000;

/**
 * The composition root, and the only reader of `process.env`: parses the config, opens the database,
 * builds every part (sandbox simulator when there are no Zalo credentials), listens on HOST:PORT and
 * shuts down gracefully on SIGTERM/SIGINT.
 */
async function main(): Promise<void> {
  const config = readConfigOrExit();
  const log = createLogger({ level: config.log.level });
  // before any start-up work: a Ctrl-C from here on stops cleanly, a second one is "already stopping"
  const signals = listenForStopSignals({ log });
  const clock = systemClock;
  const i18n = createI18n();
  // the dialog's strings are resolved once each, not on every turn
  const t = memoizeT(i18n.getFixedT('vi'));
  const db = openDataDirOrExit(config);
  const storage = createStorageHealth({ clock, log, dataDir: config.dataDir });
  const faq = createFaqStore({ contentDir: config.contentDir, clock, log });

  const sandbox = config.sandbox
    ? await startSandbox({ credentials: config.zalo, dataDir: config.dataDir, t, log })
    : undefined;
  const tokens = createTokenManager({
    db,
    oauthUrl: sandbox?.oauthUrl ?? config.zalo.oauthUrl,
    appId: config.zalo.appId,
    appSecret: config.zalo.appSecret,
    bootstrap: sandbox?.tokens ?? { accessToken: config.zalo.accessToken, refreshToken: config.zalo.refreshToken },
    clock,
    log,
  });
  const zaloClient = (retry: { maxAttempts?: number } = {}) =>
    createZaloClient({
      openapiUrl: sandbox?.openapiUrl ?? config.zalo.openapiUrl,
      tokens,
      db,
      log,
      clock,
      rateLimitPerMinute: config.zalo.rateLimitPerMinute,
      storage,
      ...retry,
    });
  const zalo = zaloClient();

  // The broadcast sender owns its retries (it reconciles an unclear send against the group's history
  // before any resend), so its client must not retry a POST blindly.
  const broadcastZalo = zaloClient({ maxAttempts: 1 });

  const replies = createReplySender({ zalo, db, log });
  // Zalo's oa_send_text echoes, recorded as the webhook stores them: evidence for an unclear send
  const echoes = createReplyEchoStore(db);
  // replies are stored before their event is marked done, and sent (or retried) from there; a send
  // whose outcome is unknown is checked against the echoes and Zalo's conversation before any resend
  const outbox = createReplyOutbox({
    db,
    sender: replies,
    check: createReplyDeliveryCheck({ zalo, echoes, outbound: createOutboundRepository(db) }),
    storage,
    echoes,
    clock,
    log,
    options: { retentionMs: config.messageRetentionDays * DAY_MS, absentAfterMs: config.replies.absentAfterMs },
  });
  // one thread per resident: the dialog records every message, the console reads and answers them
  const conversation = createConversation(db, { keepText: config.messageRetentionDays > 0 });
  const residents = createResidentRepository(db);
  // "a resident needs an official" to the officials' OA group; its client never retries blindly
  const notifyGroupId = config.handoff.notifyGroupId;
  const notifier = notifyGroupId
    ? createHandoffNotifier({ db, conversation, residents, zalo: broadcastZalo, groupId: notifyGroupId, t, clock, log })
    : undefined;
  const dialog = createFaqDialog({
    faq,
    db,
    t,
    log,
    conversation,
    options: {
      timeZone: config.timeZone,
      buttons: config.dialog.buttons && replies.buttonsEnabled(),
      humanQuietMs: config.dialog.humanQuietMs,
      flood: { max: config.dialog.floodMax, windowMs: config.dialog.floodWindowMs },
      messageRetentionDays: config.messageRetentionDays,
    },
    household: createHouseholdFlow(),
    ...(notifier && { onWaiting: notifier.onWaiting }),
  });
  const handoffJobs = createHandoffJobs({
    db,
    conversation,
    replies: outbox,
    notifier,
    quietMs: config.handoff.quietMs,
    t,
    clock,
    log,
  });
  const questionPurge = startQuestionPurge({ db, clock, log, retentionDays: config.messageRetentionDays });
  const broadcast = createBroadcast({
    db,
    zalo: broadcastZalo,
    clock,
    log,
    i18n,
    options: broadcastOptionsFromConfig(config),
    storage,
  });
  // residents' Zalo names for the console, looked up in the background after their reply
  const profiles = createResidentProfiles({ zalo, residents, clock, log });

  const inbox = createInboxStore({ db, clock });
  const processor = createInboxProcessor({
    inbox,
    clock,
    log,
    storage,
    rawRetentionMs: config.messageRetentionDays * DAY_MS,
    handle: createEventHandler({
      dialog,
      replies: outbox,
      residents,
      profiles,
      deleteUserData: (userId) => deleteUserData(db, userId),
      groupEvents: broadcast.groupEventSink,
      log,
      logMessageText: config.log.messageText,
      isOwnMessage: createOwnMessageCheck(createOutboundRepository(db), clock.now),
      nonTextLine: (kind) => t('dialog:handoffReply.nonText', { kind }),
    }),
  });

  let ready = false;
  const app = createApp({
    webhook: createWebhookRouter({
      appId: config.zalo.appId,
      oaSecretKey: config.zalo.oaSecretKey,
      inbox: acceptWithEchoes({ db, inbox, echoes, clock }),
      storage,
      log,
      logMessageText: config.log.messageText,
      clock,
    }),
    health: () => {
      const content = faq.status();
      // a full disk makes the app unready: events are refused with 503 until space is freed
      const disk = storage.status();
      return {
        ready: ready && disk.ok,
        ...(disk.ok ? {} : { storage: disk.problem, storageSince: disk.since }),
        freeBytes: disk.freeBytes,
        content: content.version,
        // a refused content edit: the previous version stays live until the files are fixed
        contentError: content.lastError,
        sandbox: config.sandbox,
        inbox: inbox.stats(),
        replies: outbox.stats(),
        tokens: tokens.status(),
      };
    },
    verifierCode: config.zalo.verifierCode,
    sandbox: sandbox?.router,
    admin: createAdminRouter({
      api: createAdminApiRouter({ broadcast, adminToken: config.adminToken, i18n, clock, log }),
      console: createConsoleRouter({
        db,
        clock,
        log,
        i18n,
        faq,
        zalo,
        broadcast,
        handoffs: createHandoffRepository(db),
        questions: createQuestionRepository(db),
        residents,
        conversation,
        replies: outbox,
        onHumanReply: (userId, now) => dialog.noteHumanReply(userId, now),
        contentDir: config.contentDir,
        timeZone: config.timeZone,
        trustProxy: config.trustProxy,
      }),
    }),
    log,
  });

  const demoAdmin = sandbox ? await ensureSandboxAdmin({ db, clock, audit: broadcast.audit }) : undefined;
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const url = `http://${config.host}:${(server.address() as AddressInfo).port}`;
  // Called once, on the first stop signal (`signals` ignores the later ones, e.g. npm's forwarded SIGINT).
  async function shutdown(signal: NodeJS.Signals): Promise<void> {
    ready = false;
    log.info({ signal }, 'shutting down: no new connections, finishing running work');
    setTimeout(() => {
      log.error('shutdown took too long; exiting now (pending events are resumed at the next start)');
      process.exit(1);
    }, HARD_EXIT_MS).unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // a group send in flight may take a while: never let it eat the inbox's drain time
    await Promise.race([broadcast.scheduler.stop(), new Promise((resolve) => setTimeout(resolve, DRAIN_DEADLINE_MS))]);
    const drainUntil = clock.now() + DRAIN_DEADLINE_MS;
    await processor.drain(DRAIN_DEADLINE_MS);
    await handoffJobs.stop();
    // the same deadline for a reply retry in flight; unsent replies stay pending for the next start
    await outbox.stop(Math.max(0, drainUntil - clock.now()));
    await profiles.stop(Math.max(0, drainUntil - clock.now()));
    server.closeAllConnections();
    await closed;
    questionPurge.stop();
    faq.close();
    await sandbox?.close();
    db.close();
    log.info('stopped');
    process.exit(0);
  }
  // before anything starts working, so a signal during start-up still drains cleanly
  signals.onStop((signal) => void shutdown(signal));
  if (signals.requested) return;
  sandbox?.setWebhookUrl(`${url}/webhook/zalo`);
  outbox.start();
  processor.start();
  handoffJobs.start();
  await broadcast.scheduler.start();
  ready = true;
  log.info(
    {
      url,
      mode: config.sandbox ? 'sandbox' : 'live',
      sandboxUrl: sandbox ? `${url}/sandbox` : undefined,
      content: faq.status().version,
    },
    config.sandbox
      ? `Loa xã is up in sandbox mode: open ${url}/sandbox`
      : `Loa xã is up on ${url}; Zalo webhook path /webhook/zalo`,
  );
  if (demoAdmin) {
    // Printed once to the terminal, not to the structured log: a local sandbox-only credential.
    console.log(`\nSandbox console: ${url}/admin  account: ${demoAdmin.name}  password: ${demoAdmin.password}\n`);
  }
}

/** Parses the environment; on a bad value prints which variable and what to do, and exits 1. */
function readConfigOrExit(): Config {
  try {
    return parseConfig(process.env);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    console.error(`Configuration error: ${withHint(err)}`);
    process.exit(1);
  }
}

/**
 * Checks DATA_DIR (created only when it is the default ./data) and opens the database in it; on a
 * missing, unwritable or full folder prints which variable and path, and exits 1 (no stack trace).
 */
function openDataDirOrExit(config: Config): Db {
  try {
    checkDataDir(config.dataDir, { create: config.dataDirDefault });
    return openDatabase(config.databaseFile);
  } catch (err) {
    const problem = storageProblemOf(err);
    const error =
      err instanceof AppError
        ? err
        : problem
          ? new ConfigError('DATA_DIR', `DATA_DIR=${config.dataDir}: the database cannot be written (${problem})`)
          : undefined;
    if (!error) throw err;
    console.error(`Configuration error: ${withHint(error)}`);
    process.exit(1);
  }
}

/** An operator-facing error line: the message, then the hint on its own line when there is one. */
function withHint(err: AppError): string {
  return `${err.message}${err.hint ? `\n  → ${err.hint}` : ''}`;
}

main().catch((err: unknown) => {
  // e.g. a ContentError: the app never starts on broken content (a later broken edit keeps the last good tree)
  console.error('Startup failed:', err instanceof AppError ? withHint(err) : err);
  process.exit(1);
});
