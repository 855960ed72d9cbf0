import { afterEach, describe, expect, it } from 'vitest';
import { parseQuietHours } from '../../../src/broadcast/quiet-hours.js';
import { formatZoned } from '../../../src/broadcast/zoned-time.js';
import { campaignInput, setupBroadcast, TZ, vn } from './broadcast-fixture.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

function monthlySetup(start: string, opts: Parameters<typeof setupBroadcast>[0] = {}) {
  const env = setupBroadcast({ start: vn(start), ...opts });
  env.zalo.addGroup('g1', { name: 'Xã An Bá' });
  env.zalo.addGroup('g2', { name: 'Xã Bình Sơn' });
  return env;
}

type Env = ReturnType<typeof setupBroadcast>;

/** Syncs the groups, then creates and approves a campaign (overrides as in `campaignInput`). */
async function approvedCampaign(env: Env, overrides: Record<string, unknown> = {}) {
  await env.broadcast.directory.sync('admin');
  const c = env.broadcast.campaigns.create(campaignInput(overrides), 'lan');
  env.broadcast.campaigns.approve(c.id, 'hung');
  return c;
}

/** Stops `prev` and closes its database, then starts a new process on the same file at `at`. */
async function restartAt(prev: Env, at: string): Promise<Env> {
  await prev.broadcast.scheduler.stop();
  prev.db.close();
  const next = setupBroadcast({ file: prev.file, clock: prev.clock, zalo: prev.zalo });
  prev.clock.set(vn(at));
  await next.broadcast.scheduler.start();
  stops.push(() => next.broadcast.scheduler.stop());
  return next;
}

const runsOf = (env: Env, campaignId: number) =>
  env.broadcast.runs
    .listRuns(campaignId)
    .map((r) => [formatZoned(r.dueAt, TZ), r.status, r.counts.sent])
    .reverse();

describe('recurring campaigns across month ends and restarts', () => {
  it('when a monthly day-31 campaign runs for months with a restart around Tết, then each month goes out once and a too-late run is marked missed', async () => {
    const env = monthlySetup('2026-12-20T09:00:00');
    const c = await approvedCampaign(env, { schedule: { type: 'monthly', day: 31, time: '08:00' } });

    env.clock.set(vn('2026-12-31T08:00:00'));
    await env.broadcast.scheduler.tick();
    await env.broadcast.scheduler.tick();

    // Server down over Tết (28/1 → 8/2/2027): 31/1 is far beyond the 6 h grace window.
    const restarted = await restartAt(env, '2027-02-08T08:00:00');
    await restarted.broadcast.scheduler.tick();

    // Down again the night before 28/2, back at 11:00: 3 h late, inside the grace window → sent on start.
    const again = await restartAt(restarted, '2027-02-28T11:00:00');
    await again.broadcast.scheduler.tick();
    await again.broadcast.scheduler.tick();

    expect(runsOf(again, c.id)).toEqual([
      ['2026-12-31T08:00:00+07:00', 'done', 2],
      ['2027-01-31T08:00:00+07:00', 'missed', 0],
      ['2027-02-28T08:00:00+07:00', 'done', 2],
    ]);
    expect(env.zalo.history('g1')).toHaveLength(2);
    expect(env.zalo.history('g2')).toHaveLength(2);
    expect(again.broadcast.audit.list({ campaignId: c.id }).some((a) => a.action === 'run.missed')).toBe(true);
  });

  it('when the leap-year February comes, then the day-31 campaign goes out on 29/2', async () => {
    const env = monthlySetup('2028-02-10T09:00:00');
    const c = await approvedCampaign(env, { schedule: { type: 'monthly', day: 31, time: '08:00' } });
    env.clock.set(vn('2028-02-28T08:00:00'));
    await env.broadcast.scheduler.tick();
    expect(env.broadcast.runs.listRuns(c.id)).toHaveLength(0);
    env.clock.set(vn('2028-02-29T08:00:00'));
    await env.broadcast.scheduler.tick();
    expect(runsOf(env, c.id)).toEqual([['2028-02-29T08:00:00+07:00', 'done', 2]]);
  });

  it('when ticks repeat at the same instant, then a run is created once (unique campaign × due time)', async () => {
    const env = monthlySetup('2026-11-02T09:00:00');
    const c = await approvedCampaign(env, { schedule: { type: 'cron', expression: '0 8 * * *' } });
    env.clock.set(vn('2026-11-03T08:00:00'));
    await Promise.all([env.broadcast.scheduler.tick(), env.broadcast.scheduler.tick()]);
    await env.broadcast.scheduler.tick();
    expect(env.broadcast.runs.listRuns(c.id)).toHaveLength(1);
    expect(env.zalo.history('g1')).toHaveLength(1);
  });
});

describe('quiet hours and one-off campaigns', () => {
  it('when a run falls due at 22:00 with quiet hours 21:00–07:00, then nothing goes out until 07:00', async () => {
    const env = monthlySetup('2026-11-02T09:00:00', { options: { quietHours: parseQuietHours('21:00-07:00') } });
    const c = await approvedCampaign(env, { schedule: { type: 'once', at: '2026-11-02T22:00' } });
    env.clock.set(vn('2026-11-02T22:00:00'));
    await env.broadcast.scheduler.tick();
    env.clock.set(vn('2026-11-03T06:59:00'));
    await env.broadcast.scheduler.tick();
    expect(env.zalo.sends).toHaveLength(0);
    const [run] = env.broadcast.runs.listRuns(c.id);
    expect(formatZoned(run!.releaseAt, TZ)).toBe('2026-11-03T07:00:00+07:00');
    env.clock.set(vn('2026-11-03T07:00:00'));
    await env.broadcast.scheduler.tick();
    expect(env.zalo.sends).toHaveLength(2);
    await env.broadcast.scheduler.tick();
    expect(env.broadcast.campaigns.get(c.id).status).toBe('completed');
  });

  it('when a campaign is paused before its time, then nothing goes out until it is resumed', async () => {
    const env = monthlySetup('2026-11-02T09:00:00');
    const c = await approvedCampaign(env);
    env.broadcast.campaigns.pause(c.id, 'hung');
    env.clock.set(vn('2026-11-02T10:05:00'));
    await env.broadcast.scheduler.tick();
    expect(env.zalo.sends).toHaveLength(0);
    env.broadcast.campaigns.resume(c.id, 'hung');
    await env.broadcast.scheduler.tick();
    expect(env.zalo.sends.map((s) => s.groupId).sort()).toEqual(['g1', 'g2']);
  });

  it('when a campaign is cancelled after its run was held by quiet hours, then the run is cancelled and nothing is sent', async () => {
    const env = monthlySetup('2026-11-02T09:00:00', { options: { quietHours: parseQuietHours('21:00-07:00') } });
    const c = await approvedCampaign(env, { schedule: { type: 'once', at: '2026-11-02T23:00' } });
    env.clock.set(vn('2026-11-02T23:00:00'));
    await env.broadcast.scheduler.tick();
    env.broadcast.campaigns.cancel(c.id, 'lan');
    env.clock.set(vn('2026-11-03T07:00:00'));
    await env.broadcast.scheduler.tick();
    expect(env.zalo.sends).toHaveLength(0);
    expect(env.broadcast.runs.listRuns(c.id).map((r) => r.status)).toEqual(['cancelled']);
  });
});
