import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createZaloSimulator, type ZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';
import type { Scheduler } from '../../src/simulator/scheduler.js';
import { freePort } from '../helpers/spawn-app.js';
import { createAppProcess, type AppProcess } from './app-process.js';
import { injectFault, seededRandom, type FaultKind, type Random } from './chaos-faults.js';
import { calibrate, createLedger, sleep, type Ledger, type LedgerCounts } from './resident-traffic.js';
import { startWeeklyBroadcast, type BroadcastCounts } from './weekly-broadcast.js';

export interface ChaosOptions {
  /** stop after this many kill -9 (the chaos trials) */
  kills?: number;
  /** stop after this long (the soak); with `kills`, whichever comes first */
  durationMs?: number;
  /** how long the app runs between two kills, once healthy: [min, max] ms */
  upMs: [number, number];
  faults: readonly FaultKind[];
  /** chance per second that one more fault is armed */
  faultsPerSecond: number;
  residents: number;
  /** messages per second, all residents together */
  messagesPerSecond: number;
  /** a weekly campaign (compressed to every 3 minutes) to 5 groups */
  broadcast: boolean;
  seed: number;
  /** after the last kill: how long every acknowledged message may take to be answered */
  settleTimeoutMs: number;
  progressEveryMs: number;
  onProgress: (line: string) => void;
  /** extra environment for the app (e.g. BOT_WORKER=true) */
  env?: Record<string, string>;
}

export interface ChaosReport extends LedgerCounts {
  kills: number;
  durationMs: number;
  faults: Record<string, number>;
  /** replies resent although their outcome stayed unknown (the app's own count, from /healthz of the last run) */
  resentUnknown: number | undefined;
  broadcast: BroadcastCounts | undefined;
  /** the app's RSS (MB) every 10 s, with the seconds since the start and the process's run number */
  rss: Array<{ atS: number; run: number; mb: number }>;
  /** calibrated pool texts left out, and why the run ended */
  dropped: string[];
  settled: boolean;
  /** exit code of the final SIGTERM */
  exitCode: number | null;
  /** the app's warnings and errors by message (count) */
  warnings: Array<[string, number]>;
}

/** Zalo retries only failed connections, and late; the driver redelivers unacknowledged events itself. */
const NO_RETRIES: Scheduler = { schedule: () => undefined, cancelAll: () => undefined };
const MAX_IN_FLIGHT = 16;

/**
 * Resident traffic against a real `npm start` (live mode, Zalo = an in-process simulator with auto
 * echoes), killed with SIGKILL at random moments and restarted on the same DATA_DIR, while Zalo faults
 * are injected. Every event the app acknowledged with a 200 must be answered exactly once: a duplicate
 * or a missing reply is counted per resident (`createLedger`). Events not acknowledged are delivered
 * again until they are, as Zalo does for a failed connection.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const random = seededRandom(options.seed);
  const sim = createZaloSimulator({ autoEcho: true, scheduler: NO_RETRIES });
  const { url: simUrl } = await sim.listen();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-chaos-'));
  const app = createAppProcess({ sim, simUrl, dataDir, port: await freePort(), env: options.env });
  sim.setWebhook(`${app.url}/webhook/zalo`);
  const startedAt = Date.now();
  const elapsedS = () => Math.round((Date.now() - startedAt) / 1000);
  try {
    await app.start();
    const calibration = await calibrate(sim);
    if (calibration.replyOf.size < 3) throw new Error(`too few calibrated messages: ${calibration.replyOf.size}`);
    const ledger = createLedger(sim, calibration);
    const broadcast = options.broadcast ? await startWeeklyBroadcast(sim, app.url) : undefined;
    const run = { kills: 0, process: 1, stop: false, faults: {} as Record<string, number> };
    const rss: ChaosReport['rss'] = [];
    const traffic = startTraffic(sim, ledger, [...calibration.replyOf.keys()], options, random, () => run.stop);

    const monitor = setInterval(() => {
      const mb = app.rssMb();
      if (mb !== undefined) rss.push({ atS: elapsedS(), run: run.process, mb });
    }, 10_000);
    const progress = setInterval(() => {
      const c = ledger.counts();
      const mb = app.rssMb();
      options.onProgress(
        `[${clock(elapsedS())}] kills ${run.kills} · acknowledged ${c.acknowledged} · replies ${c.repliesSent} · ` +
          `waiting ${c.losses} · duplicates ${c.duplicates} · redeliveries queued ${traffic.queued()} · ` +
          `faults ${Object.values(run.faults).reduce((a, b) => a + b, 0)} · rss ${mb ?? '-'} MB`,
      );
    }, options.progressEveryMs);
    const faults = startFaults(sim, options, random, run);

    const endAt = options.durationMs === undefined ? Infinity : startedAt + options.durationMs;
    while (Date.now() < endAt && (options.kills === undefined || run.kills < options.kills)) {
      const [min, max] = options.upMs;
      await sleep(Math.min(min + random() * (max - min), Math.max(0, endAt - Date.now())));
      if (Date.now() >= endAt) break;
      await app.crash();
      run.kills += 1;
      run.process += 1;
      await restart(app);
    }
    run.stop = true;
    clearInterval(faults);
    sim.clearFaults();
    await traffic.drained(options.settleTimeoutMs);
    if (broadcast) await broadcast.finish(app.url, options.settleTimeoutMs);
    const settled = await settle(app, ledger, options.settleTimeoutMs);
    clearInterval(monitor);
    clearInterval(progress);
    const health = await app.health();
    const broadcastCounts = broadcast ? await broadcast.counts(app.url) : undefined;
    const exitCode = await app.stop();
    return {
      ...ledger.counts(),
      kills: run.kills,
      durationMs: Date.now() - startedAt,
      faults: run.faults,
      resentUnknown: health?.replies.resentUnknown,
      broadcast: broadcastCounts,
      rss,
      dropped: calibration.dropped,
      settled,
      exitCode,
      warnings: [...app.warnings()].sort((a, b) => b[1] - a[1]),
    };
  } finally {
    await app.crash();
    await sim.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Starts the app again after a kill; a start that fails (e.g. the port still held) is tried twice more. */
async function restart(app: AppProcess): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await app.start();
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
      await sleep(1_000);
    }
  }
}

interface Traffic {
  queued(): number;
  /** resolves once every event was acknowledged (or the timeout passed) */
  drained(timeoutMs: number): Promise<void>;
}

/** Residents write at `messagesPerSecond`; unacknowledged events are delivered again every half second. */
function startTraffic(
  sim: ZaloSimulator,
  ledger: Ledger,
  texts: string[],
  options: ChaosOptions,
  random: Random,
  stopped: () => boolean,
): Traffic {
  const residents = Array.from({ length: options.residents }, () => sim.addUser({ isFollower: true }).userId);
  const queue: Array<{ userId: string; text: string; rawBody: string }> = [];
  let inFlight = 0;
  const deliver = async (userId: string, text: string, body: Parameters<ZaloSimulator['emit']>[0]) => {
    inFlight += 1;
    try {
      const result = await sim.emit(body);
      if (result.status === 200) ledger.acknowledge(userId, text);
      else queue.push({ userId, text, rawBody: result.rawBody });
    } finally {
      inFlight -= 1;
    }
  };
  const writer = setInterval(() => {
    if (stopped() || inFlight >= MAX_IN_FLIGHT) return;
    const userId = residents[Math.floor(random() * residents.length)]!;
    const text = texts[Math.floor(random() * texts.length)]!;
    void deliver(userId, text, sim.events.userSendText(userId, text));
  }, 1_000 / options.messagesPerSecond);
  let redelivering = false;
  const redeliverer = setInterval(() => {
    if (redelivering) return;
    redelivering = true;
    void (async () => {
      for (const item of queue.splice(0, 20)) await deliver(item.userId, item.text, item.rawBody);
    })().finally(() => (redelivering = false));
  }, 500);
  return {
    queued: () => queue.length,
    async drained(timeoutMs) {
      clearInterval(writer);
      const deadline = Date.now() + timeoutMs;
      while ((queue.length > 0 || inFlight > 0 || redelivering) && Date.now() < deadline) await sleep(200);
      clearInterval(redeliverer);
    },
  };
}

function startFaults(
  sim: ZaloSimulator,
  options: ChaosOptions,
  random: Random,
  run: { faults: Record<string, number> },
): NodeJS.Timeout {
  return setInterval(() => {
    if (options.faults.length === 0 || random() >= options.faultsPerSecond) return;
    const kind = options.faults[Math.floor(random() * options.faults.length)]!;
    injectFault(sim, kind, random);
    run.faults[kind] = (run.faults[kind] ?? 0) + 1;
  }, 1_000);
}

/**
 * Waits until the app has nothing left to do — no pending inbox event, no pending or in-flight reply,
 * twice in a row — so no further send can happen; true when it got there before the timeout.
 * (Replies still missing then are losses.)
 */
async function settle(app: AppProcess, ledger: Ledger, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let idleChecks = 0;
  while (Date.now() < deadline) {
    const health = await app.health();
    const idle =
      health !== undefined &&
      health.inbox.pending === 0 &&
      health.replies.pending === 0 &&
      health.replies.sending === 0 &&
      health.replies.unknown === 0;
    idleChecks = idle ? idleChecks + 1 : 0;
    if (idleChecks >= 2 || (idle && ledger.outstanding() === 0)) {
      await sleep(1_000);
      return true;
    }
    await sleep(1_000);
  }
  return false;
}

function clock(seconds: number): string {
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
