import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createResidentProfiles, type ResidentProfiles } from '../../../src/bot/resident-profiles.js';
import { createResidentRepository, type ResidentRepository } from '../../../src/bot/resident-repository.js';
import { createManualClock } from '../../../src/shared/clock.js';
import { createZaloSimulator, type ZaloSimulator } from '../../../src/simulator/create-zalo-simulator.js';
import { deleteUserData } from '../../../src/storage/delete-user-data.js';
import { openDatabase, type Db } from '../../../src/storage/open-database.js';
import { createZaloClient } from '../../../src/zalo/zalo-client.js';
import { captureLogs, type CapturedLogs } from '../../helpers/capture-logs.js';
import { createSimulatorTokenManager } from '../../helpers/simulator-token-manager.js';

const HOUR = 3_600_000;
const USER_DETAIL = '/v3.0/oa/user/detail';

let dir: string;
let db: Db;
let clock: ReturnType<typeof createManualClock>;
let logs: CapturedLogs;
let sim: ZaloSimulator;
let residents: ResidentRepository;
let profiles: ResidentProfiles;
/** lookups in flight now, and the most seen at once */
let lookups: { now: number; max: number };

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-profiles-unit-'));
  db = openDatabase(path.join(dir, 'loa-xa.sqlite'));
  clock = createManualClock();
  logs = captureLogs();
  sim = createZaloSimulator({ clock, log: logs.log });
  const { url } = await sim.listen();
  const tokens = createSimulatorTokenManager(sim, url, { db, bootstrap: sim.issueTokens(), clock, log: logs.log });
  const zalo = createZaloClient({ openapiUrl: url, tokens, db, log: logs.log, clock, rateLimitPerMinute: 4000 });
  residents = createResidentRepository(db);
  lookups = { now: 0, max: 0 };
  const countingZalo = {
    async getUserDetail(userId: string) {
      lookups.max = Math.max(lookups.max, ++lookups.now);
      try {
        return await zalo.getUserDetail(userId);
      } finally {
        lookups.now -= 1;
      }
    },
  };
  profiles = createResidentProfiles({ zalo: countingZalo, residents, clock, log: logs.log });
});
afterEach(async () => {
  await profiles.stop(1_000);
  await sim.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const detailRequests = () => sim.requests.filter((r) => r.path === USER_DETAIL).length;

describe('resident display names', () => {
  it('when a lookup failed, then it is not tried again within 24 h, and after 24 h the name is stored', async () => {
    const user = sim.addUser({ displayName: 'Chị Lan Hà' });
    residents.noteInteraction(user.userId, clock.now());
    sim.injectFault({ path: USER_DETAIL, code: -223 });

    profiles.refresh(user.userId);
    await profiles.whenIdle();
    clock.advance(23 * HOUR);
    profiles.refresh(user.userId);
    await profiles.whenIdle();
    expect(detailRequests()).toBe(1);
    expect(residents.get(user.userId)?.displayName).toBeNull();

    clock.advance(HOUR);
    profiles.refresh(user.userId);
    await profiles.whenIdle();
    expect(detailRequests()).toBe(2);
    expect(residents.get(user.userId)?.displayName).toBe('Chị Lan Hà');
    expect(logs.text()).not.toContain('Lan Hà');
  });

  it('when the resident withdraws while the lookup runs, then their name is not stored again', async () => {
    const user = sim.addUser({ displayName: 'Chị Lan Hà' });
    residents.noteInteraction(user.userId, clock.now());

    profiles.refresh(user.userId);
    deleteUserData(db, user.userId);
    await profiles.whenIdle();

    expect(detailRequests()).toBe(1);
    expect(residents.get(user.userId)).toBeUndefined();
  });

  it('when many residents write at once, then every name is fetched, at most two at a time', async () => {
    const users = Array.from({ length: 5 }, (_, i) => sim.addUser({ displayName: `Người ${i}` }));
    for (const user of users) residents.noteInteraction(user.userId, clock.now());
    sim.injectFault({ path: USER_DETAIL, latencyMs: 50, times: 5 });

    for (const user of users) profiles.refresh(user.userId);
    await profiles.whenIdle();

    expect(lookups.max).toBe(2);
    expect(detailRequests()).toBe(5);
    expect(users.map((user) => residents.get(user.userId)?.displayName)).toEqual(users.map((u) => u.displayName));
  });
});
