import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createManualClock } from '../../src/shared/clock.js';
import { createSilentLogger } from '../../src/shared/logger.js';
import { openDatabase, type Db } from '../../src/storage/open-database.js';
import { createTokenManager, type TokenManagerDeps } from '../../src/zalo/token-manager.js';
import { createZaloClient, type ZaloClientDeps } from '../../src/zalo/zalo-client.js';

/** Fake Zalo hosts for nock: nothing listens there, so an unmocked call fails loudly. */
export const OPENAPI_URL = 'http://127.0.0.1:65501';
export const OAUTH_URL = 'http://127.0.0.1:65502';
export const APP_ID = '1000000000000000001';
export const APP_SECRET = 'test-app-secret';

/** A SQLite database in a fresh temp dir (all migrations applied); `cleanup` closes and removes it. */
export function createTempDb(): { db: Db; file: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-zalo-'));
  const file = path.join(dir, 'test.sqlite');
  const db = openDatabase(file);
  return {
    db,
    file,
    cleanup() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A manual clock plus a sleep that records each wait and moves the clock by it (no real time passes). */
export function createFakeTime() {
  const clock = createManualClock();
  const waits: number[] = [];
  const sleep = async (ms: number): Promise<void> => {
    waits.push(ms);
    clock.advance(ms);
  };
  return { clock, waits, sleep };
}

export type FakeTime = ReturnType<typeof createFakeTime>;

/**
 * The token manager as the tests build it: the nock OAuth host, the test app credentials, the
 * bootstrap pair `{ accessToken: 'AT-0', refreshToken: 'RT-0' }` and a silent log, unless `deps` say otherwise.
 */
export function createTestTokenManager(deps: Pick<TokenManagerDeps, 'db' | 'clock'> & Partial<TokenManagerDeps>) {
  return createTokenManager({
    oauthUrl: OAUTH_URL,
    appId: APP_ID,
    appSecret: APP_SECRET,
    bootstrap: { accessToken: 'AT-0', refreshToken: 'RT-0' },
    log: createSilentLogger(),
    ...deps,
  });
}

/** The token manager against the simulator's OAuth host, with its app credentials and `bootstrap` pair. */
export function createSimulatorTokenManager(
  sim: { appId: string; appSecret: string },
  url: string,
  deps: Pick<TokenManagerDeps, 'db' | 'clock' | 'bootstrap'>,
) {
  return createTestTokenManager({ oauthUrl: url, appId: sim.appId, appSecret: sim.appSecret, ...deps });
}

/**
 * The Zalo client on fake `time` (its clock and recording sleep), jitter fixed at 0.5, 4000/min,
 * pointed at the nock OpenAPI host with a silent log, unless `deps` say otherwise.
 */
export function createTestZaloClient(
  time: FakeTime,
  deps: Pick<ZaloClientDeps, 'tokens' | 'db'> & Partial<ZaloClientDeps>,
) {
  return createZaloClient({
    openapiUrl: OPENAPI_URL,
    log: createSilentLogger(),
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    rateLimitPerMinute: 4000,
    ...deps,
  });
}

/** Token manager + Zalo client (as above) over a temp database and fake time. */
export function createClientHarness(
  options: { client?: Partial<ZaloClientDeps>; tokens?: Partial<TokenManagerDeps> } = {},
) {
  const temp = createTempDb();
  const time = createFakeTime();
  const tokens = createTestTokenManager({ db: temp.db, clock: time.clock, ...options.tokens });
  const client = createTestZaloClient(time, { tokens, db: temp.db, ...options.client });
  return { ...temp, ...time, tokens, client };
}

/** The `outbound_messages` rows, oldest first. */
export function outboundRows(db: Db): Array<Record<string, unknown>> {
  return db.prepare('SELECT * FROM outbound_messages ORDER BY id').all() as Array<Record<string, unknown>>;
}

/** Reads a fixture from test/fixtures/zalo/api. */
export function apiFixture(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/zalo/api', name), 'utf8')) as Record<
    string,
    unknown
  >;
}
