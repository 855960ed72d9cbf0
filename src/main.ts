import type { AddressInfo } from 'node:net';
import { ensureSandboxAdmin } from './admin/auth/ensure-sandbox-admin.js';
import { createAdmin } from './admin/create-admin.js';
import { createApp } from './app.js';
import { botFromConfig } from './bot/bot-from-config.js';
import { forwardDeliveries, startBotWorker } from './bot/start-bot-worker.js';
import { createHandoffJobs } from './bot/dialog/start-handoff-jobs.js';
import { broadcastOptionsFromConfig, createBroadcast } from './broadcast/create-broadcast.js';
import { parseConfig, type Config } from './config/parse-config.js';
import { createFaqStore } from './faq/content/create-faq-store.js';
import { createI18n } from './i18n/create-i18n.js';
import { memoizeT } from './i18n/memoize-t.js';
import { startSandbox } from './sandbox/start-sandbox.js';
import { systemClock } from './shared/clock.js';
import { AppError, ConfigError } from './shared/errors.js';
import { createLogger } from './shared/logger.js';
import { stopServices, type Service } from './shared/service.js';
import { listenForStopSignals } from './shared/stop-signals.js';
import { checkDataDir } from './storage/check-data-dir.js';
import { openDatabase, type Db } from './storage/open-database.js';
import { createStorageHealth, storageProblemOf } from './storage/storage-health.js';
import { createTokenManager } from './zalo/token-manager.js';
import { createWebhookRouter } from './zalo/webhook-router.js';
import { createZaloClients } from './zalo/create-zalo-clients.js';
import { createRateLimitState } from './zalo/rate-limiter.js';

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
  // BOT_WORKER: the resident side runs in its own thread, over its own connection, woken after each insert
  // one Zalo rate counter for every client of the process, the worker's included
  const rateLimitState = createRateLimitState();
  const botWorker = config.botWorker
    ? startBotWorker({
        data: { config, openapiUrl: sandbox?.openapiUrl ?? config.zalo.openapiUrl, rateLimitState },
        tokens,
        clock,
        log,
        onCrash: (err) => {
          log.error({ err }, 'the bot worker stopped unexpectedly; exiting (pending events resume at the next start)');
          process.exit(1);
        },
      })
    : undefined;
  const faq = createFaqStore({ contentDir: config.contentDir, clock, log });

  const { zalo, groupZalo } = createZaloClients({
    openapiUrl: sandbox?.openapiUrl ?? config.zalo.openapiUrl,
    tokens,
    db,
    log,
    clock,
    rateLimitPerMinute: config.zalo.rateLimitPerMinute,
    rateLimitState,
    storage,
  });

  const broadcast = createBroadcast({
    db,
    zalo: groupZalo,
    clock,
    log,
    i18n,
    options: broadcastOptionsFromConfig(config),
    storage,
  });
  // with a bot worker, built here only for the webhook's hand-over, /healthz, the console and the hand-off jobs
  const { bot, conversation, notifier } = botFromConfig(config, {
    db,
    zalo,
    groupZalo,
    clock,
    log,
    storage,
    faq,
    t,
    groupEvents: broadcast.groupEventSink,
    processesHere: !botWorker,
  });
  if (botWorker) bot.inbox.onAccepted((userKey) => botWorker.wake(userKey));
  // replies stored here (the console, the hand-off jobs) are sent by whichever thread processes
  const replies = botWorker ? forwardDeliveries(bot.outbox, botWorker) : bot.outbox;
  // quiet hand-offs back to the bot, the officials' notices
  const handoffJobs = createHandoffJobs({
    db,
    conversation,
    replies,
    notifier,
    quietMs: config.handoff.quietMs,
    t,
    clock,
    log,
  });
  // stopped side by side against one deadline on SIGTERM
  const services: Service[] = [botWorker ?? bot, broadcast, handoffJobs];

  let ready = false;
  const app = createApp({
    webhook: createWebhookRouter({
      appId: config.zalo.appId,
      oaSecretKey: config.zalo.oaSecretKey,
      inbox: bot.accept,
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
        inbox: bot.inbox.stats(),
        replies: bot.outbox.stats(),
        tokens: tokens.status(),
      };
    },
    verifierCode: config.zalo.verifierCode,
    sandbox: sandbox?.router,
    admin: createAdmin({
      db,
      clock,
      log,
      i18n,
      faq,
      zalo,
      broadcast,
      conversation,
      bot: { residents: bot.residents, dialog: bot.dialog, outbox: replies },
      config,
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
    // running events, reply sends and group sends finish until the deadline; the rest stays pending
    await stopServices(services, clock.now() + DRAIN_DEADLINE_MS);
    server.closeAllConnections();
    await closed;
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
  for (const service of services) await service.start();
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
