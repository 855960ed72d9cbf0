import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBroadcastHarness, vn, type BroadcastHarness } from '../helpers/broadcast-harness.js';
import type { ZaloApi } from '../../src/zalo/zalo-api.js';

const TEXT =
  'Hưởng ứng phong trào “Vì người nghèo – Không để ai bị bỏ lại phía sau”: mời bà con tham gia ủng hộ Quỹ Vì người nghèo.';

let h: BroadcastHarness | undefined;
afterEach(async () => {
  // Tests that start() a scheduler stop it themselves; a "killed" one is left hanging on purpose.
  await h?.close();
  h = undefined;
});

/** Creates, syncs and approves a campaign due at 10:00 on 2/11/2026, then moves the clock there. */
async function approvedCampaign(harness: BroadcastHarness, audience: Record<string, unknown> = { all: true }) {
  await harness.broadcast.directory.sync('admin');
  const c = harness.broadcast.campaigns.create(
    { title: 'Phong trào Vì người nghèo', text: TEXT, audience, schedule: { type: 'once', at: '2026-11-02T10:00' } },
    'can-bo-soan',
  );
  harness.broadcast.campaigns.approve(c.id, 'lanh-dao-duyet');
  harness.clock.set(vn('2026-11-02T10:00:00'));
  return c;
}

const runOf = (harness: BroadcastHarness, campaignId: number) =>
  harness.broadcast.runs.report(harness.broadcast.runs.listRuns(campaignId)[0]!.id);

describe('campaign broadcast through the real client and the simulator', () => {
  it('when a campaign goes to 1,000 groups, then each enabled group gets it exactly once and disabled and foreign groups are reported with reasons', async () => {
    h = await startBroadcastHarness({ options: { concurrency: 16 } });
    const enabled = Array.from(
      { length: 995 },
      (_, i) => h!.sim.addGroup({ name: `Nhóm xã ${String(i).padStart(4, '0')}` }).groupId,
    );
    const disabled = Array.from(
      { length: 5 },
      (_, i) => h!.sim.addGroup({ name: `Nhóm hết hạn ${i}`, status: 'disabled' }).groupId,
    );
    const foreign = [h.sim.addGroup({ name: 'Nhóm cá nhân của xã', owned: false }).groupId];
    const c = await approvedCampaign(h, { all: true, groupIds: foreign });

    await h.broadcast.scheduler.tick();

    for (const g of enabled) expect(h.sim.sentToGroup(g).map((m) => m.text)).toEqual([TEXT]);
    for (const g of [...disabled, ...foreign]) expect(h.sim.sentToGroup(g)).toEqual([]);
    const report = runOf(h, c.id);
    expect(report.run.status).toBe('done');
    expect(report.counts).toMatchObject({
      total: 1001,
      sent: 995,
      skipped: 5,
      failed: 1,
      pending: 0,
      sending: 0,
      unknown: 0,
    });
    const byId = new Map(report.deliveries.map((d) => [d.groupId, d]));
    expect(byId.get(disabled[0]!)).toMatchObject({ status: 'skipped', errorCode: 'group_disabled' });
    expect(byId.get(foreign[0]!)).toMatchObject({
      status: 'failed',
      errorCode: '-403',
      reason: 'OA không sở hữu nhóm này',
    });
    expect(byId.get(enabled[0]!)!.messageId).toBe(h.sim.sentToGroup(enabled[0]!)[0]!.messageId);

    const csv = h.broadcast.runs.csv(
      report.run.id,
      (await import('../../src/i18n/create-i18n.js')).createI18n().getFixedT('vi'),
    );
    expect(csv.startsWith('\uFEFFMã nhóm,Tên nhóm,Trạng thái')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1002);
  });

  it('when Zalo answers -32, HTTP 503 and times out, then every group still gets the message exactly once', async () => {
    h = await startBroadcastHarness({ clientTimeoutMs: 300, options: { concurrency: 1 } });
    const groups = Array.from({ length: 6 }, (_, i) => h!.sim.addGroup({ name: `Nhóm ${i}` }).groupId);
    const c = await approvedCampaign(h);
    const path = '/v3.0/oa/group/message';
    h.sim.injectFault({ path, code: -32, times: 1 });
    h.sim.injectFault({ path, httpStatus: 503, times: 1 });
    h.sim.injectFault({ path, latencyMs: 900, times: 1 }); // lands after the client gave up

    await h.broadcast.scheduler.tick();
    // The late send lands in the simulator after the timeout.
    await vi.waitFor(() => expect(groups.reduce((n, g) => n + h!.sim.sentToGroup(g).length, 0)).toBe(4), {
      timeout: 5_000,
    });
    for (let i = 0; i < 4 && runOf(h, c.id).run.status !== 'done'; i++) {
      h.clock.advance(10 * 60_000);
      await h.broadcast.scheduler.tick();
    }

    const report = runOf(h, c.id);
    expect(report.counts).toMatchObject({ sent: 6, failed: 0, unknown: 0 });
    for (const g of groups) expect(h.sim.sentToGroup(g)).toHaveLength(1);
    expect(report.deliveries.filter((d) => d.attempts > 1)).toHaveLength(3);
  });

  it('when the process is killed mid-run and restarted on the same file, then no group gets a duplicate and none is lost', async () => {
    let calls = 0;
    let stuck: () => void = () => undefined;
    const allStuck = new Promise<void>((resolve) => (stuck = resolve));
    const dying = (api: ZaloApi): ZaloApi => ({
      ...api,
      async sendGroupMessage(groupId, message, options) {
        calls++;
        if (calls <= 20) return api.sendGroupMessage(groupId, message, options);
        if (calls <= 22) await api.sendGroupMessage(groupId, message, options); // reached Zalo, reply lost
        if (calls === 24) stuck();
        return new Promise<never>(() => undefined);
      },
    });
    h = await startBroadcastHarness({ wrap: dying, options: { concurrency: 4 } });
    const groups = Array.from(
      { length: 50 },
      (_, i) => h!.sim.addGroup({ name: `Nhóm ${String(i).padStart(2, '0')}` }).groupId,
    );
    const c = await approvedCampaign(h);
    void h.broadcast.scheduler.tick();
    await allStuck;
    const runId = runOf(h, c.id).run.id;
    expect(h.broadcast.runs.report(runId).counts).toMatchObject({ sent: 20, sending: 4 });
    h.db.close(); // the process is gone: nothing more is written by it

    const next = h.restart();
    h.clock.advance(2 * 60_000);
    await next.broadcast.scheduler.start();
    await next.broadcast.scheduler.tick();
    await next.broadcast.scheduler.stop();

    const report = next.broadcast.runs.report(runId);
    expect(report.counts).toMatchObject({ sent: 50, sending: 0, pending: 0, unknown: 0, failed: 0 });
    for (const g of groups) expect(h.sim.sentToGroup(g)).toHaveLength(1);
    for (const d of report.deliveries) expect(d.messageId).toBe(h.sim.sentToGroup(d.groupId)[0]!.messageId);
  });

  it('when the package allows 100 calls a minute, then a 150-group run spreads over two minute windows without a -32 failure', async () => {
    h = await startBroadcastHarness({ rateLimitPerMinute: 100 });
    const groups = Array.from({ length: 150 }, (_, i) => h!.sim.addGroup({ name: `Nhóm ${i}` }).groupId);
    const c = await approvedCampaign(h);
    const start = h.clock.now();
    await h.broadcast.scheduler.tick();
    expect(runOf(h, c.id).counts).toMatchObject({ sent: 150, failed: 0 });
    expect(h.clock.now() - start).toBeGreaterThanOrEqual(60_000);
    for (const g of groups) expect(h.sim.sentToGroup(g)).toHaveLength(1);
  });
});
