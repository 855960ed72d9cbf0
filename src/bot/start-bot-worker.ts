import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { Service } from '../shared/service.js';
import { answerTokenRequest, isTokenRequest } from '../zalo/token-bridge.js';
import type { TokenManager } from '../zalo/token-manager.js';
import { isBotWorkerNotice, type BotWorkerData } from './bot-worker-messages.js';
import type { ReplyOutbox } from './reply-outbox.js';

/** after the deadline, how long the worker may take to close its database before it is terminated */
const CLOSE_GRACE_MS = 1_000;

export interface BotWorker extends Service {
  /** An event for `userKey` was stored: the worker processes it (ignored before start and after stop). */
  wake(userKey: string): void;
  /** A reply for `userId` was stored outside the worker: the worker's outbox sends it. */
  deliver(userId: string): void;
}

/**
 * The main thread's outbox (not started with a worker) with its sends handed to the worker: rows
 * are stored here, in the caller's transaction, and sent by the worker's outbox.
 */
export function forwardDeliveries(
  outbox: Pick<ReplyOutbox, 'enqueue'>,
  worker: Pick<BotWorker, 'deliver'>,
): Pick<ReplyOutbox, 'enqueue' | 'deliver'> {
  return {
    enqueue: (userId, inboxEventId, messages) => outbox.enqueue(userId, inboxEventId, messages),
    deliver(userId) {
      worker.deliver(userId);
      return Promise.resolve();
    },
  };
}

/**
 * The resident side in its own thread (`bot-worker.ts`, compiled `.js` or `.ts` under tsx alike),
 * spawned at once (it resumes pending work as soon as it is built); `start()` resolves once it runs; `stop(deadline)` lets it
 * drain and close, terminating it at the deadline (plus a short grace) at the latest. The worker
 * asks `tokens` for access tokens and refreshes. A worker that dies on its own calls `onCrash`.
 */
export function startBotWorker(deps: {
  data: BotWorkerData;
  tokens: TokenManager;
  clock: Clock;
  log: Logger;
  onCrash: (err: unknown) => void;
}): BotWorker {
  const here = fileURLToPath(import.meta.url);
  const entry = path.join(path.dirname(here), `bot-worker${path.extname(here)}`);
  let stopping = false;
  let stopped: Promise<void> | undefined;
  // spawned at once, so its content loads while the main thread builds the rest
  const worker = new Worker(entry, { workerData: deps.data });
  worker.on('message', (message: unknown) => {
    if (isTokenRequest(message)) answerTokenRequest(worker, deps.tokens, message);
  });
  worker.on('exit', (code) => {
    if (!stopping) deps.onCrash(new Error(`the bot worker exited with code ${code}`));
  });
  worker.on('error', (err) => {
    deps.log.error({ err }, 'the bot worker failed');
  });
  const started = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: unknown) => {
      if (isBotWorkerNotice(message) && message.type === 'started') resolve();
    });
    worker.once('exit', () => reject(new Error('the bot worker exited before it started')));
  });
  started.catch(() => undefined);

  return {
    start: () => started,
    wake(userKey) {
      if (!stopping) worker.postMessage({ type: 'wake', userKey });
    },
    deliver(userId) {
      if (!stopping) worker.postMessage({ type: 'deliver', userId });
    },
    stop(deadline) {
      stopping = true;
      const w = worker;
      stopped ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => void w.terminate(), Math.max(0, deadline - deps.clock.now()) + CLOSE_GRACE_MS);
        w.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        w.on('message', (message: unknown) => {
          if (isBotWorkerNotice(message) && message.type === 'stopped') void w.terminate();
        });
        w.postMessage({ type: 'stop', deadline });
      });
      return stopped;
    },
  };
}
