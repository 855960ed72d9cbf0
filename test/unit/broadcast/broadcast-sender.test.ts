import { describe, expect, it } from 'vitest';
import { ZaloApiError } from '../../../src/zalo/zalo-api-error.js';
import { campaignInput, setupBroadcast, vn } from './broadcast-fixture.js';

/** A campaign due at 10:00 to groups g1…gN, approved and ticked once at 10:00. */
async function dueCampaign(n: number, opts: Parameters<typeof setupBroadcast>[0] = {}) {
  const env = setupBroadcast(opts);
  for (let i = 1; i <= n; i++) env.zalo.addGroup(`g${i}`);
  await env.broadcast.directory.sync('admin');
  const c = env.broadcast.campaigns.create(campaignInput(), 'lan');
  env.broadcast.campaigns.approve(c.id, 'hung');
  env.clock.set(vn('2026-11-02T10:00:00'));
  const runId = () => env.broadcast.runs.listRuns(c.id)[0]!.id;
  const report = () => env.broadcast.runs.report(runId());
  return { ...env, campaignId: c.id, runId, report };
}

describe('delivery state machine', () => {
  it('when Zalo answers -32 then succeeds, then the delivery is retried after the minute and sent once', async () => {
    const env = await dueCampaign(2);
    let failures = 1;
    env.zalo.setFault((g) => (g === 'g1' && failures-- > 0 ? env.zalo.apiError(-32) : null));
    await env.broadcast.scheduler.tick();
    expect(env.report().counts).toMatchObject({ sent: 1, pending: 1 });
    const pending = env.report().deliveries.find((d) => d.groupId === 'g1')!;
    expect(pending.nextAttemptAt).toBeGreaterThanOrEqual(vn('2026-11-02T10:01:00'));
    expect(pending.reason).toMatch(/quá nhiều tin/);
    env.clock.advance(60_000);
    await env.broadcast.scheduler.tick();
    expect(env.report().counts).toMatchObject({ sent: 2, pending: 0 });
    expect(env.report().run.status).toBe('done');
    expect(env.zalo.history('g1')).toHaveLength(1);
  });

  it('when a send times out after Zalo delivered it, then the retry finds it in the group history and does not resend', async () => {
    const env = await dueCampaign(1);
    let once = true;
    env.zalo.setFault(() => (once ? ((once = false), 'deliver-then-timeout') : null));
    await env.broadcast.scheduler.tick();
    expect(env.report().counts.pending).toBe(1);
    env.clock.advance(10 * 60_000);
    await env.broadcast.scheduler.tick();
    const [d] = env.report().deliveries;
    expect(d).toMatchObject({ status: 'sent', messageId: env.zalo.history('g1')[0]!.messageId });
    expect(env.zalo.history('g1')).toHaveLength(1);
  });

  it('when a send fails with 5xx and did not land, then the retry checks history, sends, and the group gets it once', async () => {
    const env = await dueCampaign(1);
    let once = true;
    env.zalo.setFault(() =>
      once
        ? ((once = false), new ZaloApiError({ kind: 'http', code: null, status: 502, method: 'POST', path: '/x' }))
        : null,
    );
    await env.broadcast.scheduler.tick();
    env.clock.advance(10 * 60_000);
    await env.broadcast.scheduler.tick();
    expect(env.report().deliveries[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(env.zalo.history('g1')).toHaveLength(1);
  });

  it('when a temporary failure never clears, then after the bounded attempts it is failed with the Vietnamese reason and the count', async () => {
    const env = await dueCampaign(1);
    env.zalo.setFault(() => env.zalo.apiError(-200));
    for (let i = 0; i < 5; i++) {
      await env.broadcast.scheduler.tick();
      env.clock.advance(60 * 60_000);
    }
    const [d] = env.report().deliveries;
    expect(d).toMatchObject({ status: 'failed', attempts: 3, errorCode: '-200' });
    expect(d!.reason).toMatch(/đã thử 3 lần/);
  });

  it('when groups are disabled or not owned by the OA, then they are reported with their reasons and the rest are sent', async () => {
    const env = await dueCampaign(3);
    env.zalo.setStatus('g2', 'disabled');
    await env.broadcast.directory.sync('admin');
    env.zalo.setStatus('g3', 'disabled'); // disabled after the last sync: Zalo answers -237
    const c = env.broadcast.campaigns.create(
      campaignInput({
        schedule: { type: 'once', at: '2026-11-02T11:00' },
        audience: { all: true, groupIds: ['foreign1'] },
      }),
      'lan',
    );
    env.broadcast.campaigns.approve(c.id, 'hung');
    env.clock.set(vn('2026-11-02T11:00:00'));
    await env.broadcast.scheduler.tick();
    const run = env.broadcast.runs.listRuns(c.id)[0]!;
    const byGroup = Object.fromEntries(
      env.broadcast.runs.report(run.id).deliveries.map((d) => [d.groupId, [d.status, d.errorCode, d.reason]]),
    );
    expect(byGroup).toEqual({
      g1: ['sent', null, null],
      g2: ['skipped', 'group_disabled', expect.stringMatching(/vô hiệu hoá/)],
      g3: ['failed', '-237', expect.stringMatching(/vô hiệu hoá hoặc hết hạn/)],
      foreign1: ['failed', '-403', expect.stringMatching(/không sở hữu nhóm/)],
    });
    expect(env.broadcast.runs.report(run.id).counts).toMatchObject({
      sent: 1,
      failed: 2,
      skipped: 1,
      pending: 0,
      unknown: 0,
    });
  });
});

describe('crash and restart', () => {
  it('when the process dies mid-run with deliveries in sending, then a new process on the same file sends no duplicates and loses none', async () => {
    const env = await dueCampaign(12, { options: { concurrency: 3 } });
    // "Kill" after 5 sends: the 6th–8th calls reach Zalo (or not) and never return.
    let calls = 0;
    let allStuck: () => void = () => undefined;
    const stuck = new Promise<void>((resolve) => (allStuck = resolve));
    const never = new Promise<never>(() => undefined);
    const realSend = env.zalo.api.sendGroupMessage.bind(env.zalo.api);
    env.zalo.api.sendGroupMessage = async (groupId, message, o) => {
      calls++;
      if (calls <= 5) return realSend(groupId, message, o);
      if (calls === 6) await realSend(groupId, message, o); // landed, answer lost
      if (calls === 8) allStuck();
      return never;
    };
    void env.broadcast.scheduler.tick();
    await stuck;
    expect(env.report().counts).toMatchObject({ sent: 5, sending: 3 });
    const runId = env.runId();
    env.db.close();

    env.zalo.api.sendGroupMessage = realSend;
    const next = setupBroadcast({ file: env.file, clock: env.clock, zalo: env.zalo, options: { concurrency: 3 } });
    env.clock.advance(60_000);
    await next.broadcast.scheduler.start();
    await next.broadcast.scheduler.tick();
    await next.broadcast.scheduler.stop();

    const report = next.broadcast.runs.report(runId);
    expect(report.counts).toMatchObject({ sent: 12, sending: 0, pending: 0, unknown: 0 });
    for (let i = 1; i <= 12; i++) expect(env.zalo.history(`g${i}`)).toHaveLength(1);
    expect(report.deliveries.every((d) => d.messageId === env.zalo.history(d.groupId)[0]!.messageId)).toBe(true);
  });

  it('when the history cannot be read on restart, then the delivery is marked unknown, flagged and never resent', async () => {
    const env = await dueCampaign(1);
    let inFlight: () => void = () => undefined;
    const called = new Promise<void>((resolve) => (inFlight = resolve));
    env.zalo.api.sendGroupMessage = () => {
      inFlight();
      return new Promise(() => undefined);
    };
    void env.broadcast.scheduler.tick();
    await called;
    const runId = env.runId();
    env.db.close();
    const fresh = setupBroadcast({ file: env.file, clock: env.clock, options: {} });
    fresh.zalo.addGroup('g1');
    fresh.zalo.setHistoryBroken(true);
    await fresh.broadcast.scheduler.start();
    await fresh.broadcast.scheduler.tick();
    const [d] = fresh.broadcast.runs.report(runId).deliveries;
    expect(d).toMatchObject({ status: 'unknown', needsAttention: true });
    expect(d!.reason).toMatch(/không tự gửi lại/);
    expect(fresh.zalo.sends).toHaveLength(0);
    expect(fresh.broadcast.audit.list().some((a) => a.action === 'delivery.unknown')).toBe(true);

    // The official looks at the group and asks for a resend: only then does it go out.
    fresh.zalo.setHistoryBroken(false);
    fresh.broadcast.runs.resolveDelivery(d!.id, 'resend', 'hung');
    await fresh.broadcast.scheduler.tick();
    expect(fresh.broadcast.runs.report(runId).deliveries[0]!.status).toBe('sent');
    expect(fresh.zalo.sends).toHaveLength(1);
    await fresh.broadcast.scheduler.stop();
  });
});
