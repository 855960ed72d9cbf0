import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBroadcast, type Broadcast, type BroadcastOptions } from '../../src/broadcast/create-broadcast.js';
import { createI18n } from '../../src/i18n/create-i18n.js';
import { createManualClock } from '../../src/shared/clock.js';
import { createSilentLogger } from '../../src/shared/logger.js';
import { createZaloSimulator, type ZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';
import { openDatabase, type Db } from '../../src/storage/open-database.js';
import type { ZaloApi } from '../../src/zalo/zalo-api.js';
import { createZaloClient } from '../../src/zalo/zalo-client.js';
import { createSimulatorTokenManager } from './simulator-token-manager.js';

/** Local wall-clock time in Vietnam (UTC+7) as epoch ms. */
export const vn = (local: string): number => Date.parse(`${local}+07:00`);

export const BROADCAST_TEST_OPTIONS: BroadcastOptions = {
  timeZone: 'Asia/Ho_Chi_Minh',
  quietHours: null,
  twoPersonRule: true,
  graceMs: 6 * 3_600_000,
  tickMs: 15_000,
  concurrency: 8,
  maxAttempts: 4,
  retryBaseMs: 30_000,
  retryCapMs: 15 * 60_000,
  historySkewMs: 60_000,
};

export interface BroadcastHarness {
  clock: ReturnType<typeof createManualClock>;
  sim: ZaloSimulator;
  simUrl: string;
  db: Db;
  dbFile: string;
  zalo: ZaloApi;
  broadcast: Broadcast;
  /** A new process on the same database file and simulator (the old connection must be closed). */
  restart(wrap?: (api: ZaloApi) => ZaloApi): BroadcastHarness;
  close(): Promise<void>;
}

/**
 * The broadcast domain over a real SQLite file, the real Zalo client (tokens, rate limiter) and
 * the simulator listening on 127.0.0.1, all on one manual clock (the client's rate-limit waits
 * advance it). The client gets `maxAttempts: 1`, as main wires it for broadcasts: the sender owns
 * retries and checks the group history before any resend.
 */
export async function startBroadcastHarness(
  opts: {
    start?: number;
    rateLimitPerMinute?: number;
    clientTimeoutMs?: number;
    options?: Partial<BroadcastOptions>;
    wrap?: (api: ZaloApi) => ZaloApi;
  } = {},
): Promise<BroadcastHarness> {
  const clock = createManualClock(opts.start ?? vn('2026-11-02T09:00:00'));
  const sim = createZaloSimulator({ clock, rateLimitPerMinute: opts.rateLimitPerMinute ?? 4000 });
  const listener = await sim.listen();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-broadcast-it-'));
  const dbFile = path.join(dir, 'loa-xa.sqlite');
  const bootstrap = sim.issueTokens();
  const opened: Db[] = [];

  const build = (wrap?: (api: ZaloApi) => ZaloApi): BroadcastHarness => {
    const db = openDatabase(dbFile);
    opened.push(db);
    const log = createSilentLogger();
    const tokens = createSimulatorTokenManager(sim, listener.url, { db, bootstrap, clock, log });
    const client = createZaloClient({
      openapiUrl: listener.url,
      tokens,
      db,
      log,
      clock,
      sleep: async (ms) => clock.advance(ms),
      rateLimitPerMinute: opts.rateLimitPerMinute ?? 4000,
      maxAttempts: 1,
      timeoutMs: opts.clientTimeoutMs ?? 10_000,
    });
    const zalo = wrap ? wrap(client) : client;
    const broadcast = createBroadcast({
      db,
      zalo,
      clock,
      log,
      i18n: createI18n(),
      options: { ...BROADCAST_TEST_OPTIONS, ...opts.options },
    });
    return {
      clock,
      sim,
      simUrl: listener.url,
      db,
      dbFile,
      zalo,
      broadcast,
      restart: (w) => build(w),
      async close() {
        for (const d of opened) if (d.open) d.close();
        await listener.close();
        await sim.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  };
  return build(opts.wrap);
}
