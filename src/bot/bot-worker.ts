import { parentPort, workerData } from 'node:worker_threads';
import { broadcastOptionsFromConfig, createBroadcast } from '../broadcast/create-broadcast.js';
import { createFaqStore } from '../faq/content/create-faq-store.js';
import { createI18n } from '../i18n/create-i18n.js';
import { memoizeT } from '../i18n/memoize-t.js';
import { systemClock } from '../shared/clock.js';
import { createLogger } from '../shared/logger.js';
import { openDatabase } from '../storage/open-database.js';
import { createStorageHealth } from '../storage/storage-health.js';
import { createRemoteTokens, type ThreadPort } from '../zalo/token-bridge.js';
import { createZaloClients } from '../zalo/create-zalo-clients.js';
import { botFromConfig } from './bot-from-config.js';
import { isBotWorkerCommand, type BotWorkerData } from './bot-worker-messages.js';

/** the fallback look for pending events, should a wake-up message ever be missed */
const POLL_MS = 5_000;

/**
 * The bot worker thread (started by `startBotWorker`): the resident side built by `createBot` over
 * its own database connection, so matching and sending never hold up the webhook's event loop. The
 * main thread stores each event, then posts `wake`; the durable inbox is the only hand-over. Tokens
 * come from the main thread's single token manager. `stop` drains and closes, then posts `stopped`.
 */
function runBotWorker(port: ThreadPort, data: BotWorkerData): void {
  const { config } = data;
  const clock = systemClock;
  const log = createLogger({ level: config.log.level }).child({ thread: 'bot' });
  const db = openDatabase(config.databaseFile);
  const storage = createStorageHealth({ clock, log, dataDir: config.dataDir });
  const faq = createFaqStore({ contentDir: config.contentDir, clock, log });
  const i18n = createI18n();
  const tokens = createRemoteTokens(port);
  const { zalo, groupZalo } = createZaloClients({
    openapiUrl: data.openapiUrl,
    tokens,
    db,
    log,
    clock,
    rateLimitPerMinute: config.zalo.rateLimitPerMinute,
    rateLimitState: data.rateLimitState,
    storage,
  });
  // only its group event sink is used here (group webhooks keep the directory current)
  const broadcast = createBroadcast({
    db,
    zalo: groupZalo,
    clock,
    log,
    i18n,
    options: broadcastOptionsFromConfig(config),
    storage,
  });
  // the officials' notices are queued here (a thread starts waiting) and sent by the main thread's jobs
  const { bot } = botFromConfig(config, {
    db,
    zalo,
    groupZalo,
    clock,
    log,
    storage,
    faq,
    t: memoizeT(i18n.getFixedT('vi')),
    groupEvents: broadcast.groupEventSink,
    // the webhook's inserts must not wait behind a whole turn's matching
    sharedWriteLock: true,
  });
  const poll = setInterval(() => bot.processor.wake(), POLL_MS);
  port.on('message', (message) => {
    if (!isBotWorkerCommand(message)) return;
    if (message.type === 'wake') bot.processor.wake(message.userKey);
    else if (message.type === 'deliver') void bot.outbox.deliver(message.userId);
    else void stop(message.deadline);
  });
  async function stop(deadline: number): Promise<void> {
    clearInterval(poll);
    await bot.stop(deadline);
    faq.close();
    db.close();
    port.postMessage({ type: 'stopped' });
  }
  bot.start();
  port.postMessage({ type: 'started' });
}

if (parentPort) runBotWorker(parentPort, workerData as BotWorkerData);
