import { afterEach, describe, expect, it } from 'vitest';
import { startAdminApiServer } from '../helpers/admin-api-server.js';
import { startBroadcastHarness, vn, type BroadcastHarness } from '../helpers/broadcast-harness.js';

const TOKEN = 'test-admin-token-0123456789';
const TEXT = 'Mời bà con dự họp bình xét hộ nghèo lúc 8 giờ sáng Chủ nhật tại nhà văn hoá thôn.';
let h: BroadcastHarness | undefined;
let server: { url: string; close(): Promise<void> } | undefined;
afterEach(async () => {
  await server?.close();
  await h?.close();
  server = h = undefined;
});

async function post(path: string, actor?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  if (actor) headers['x-actor'] = encodeURIComponent(actor);
  const res = await fetch(`${server!.url}/admin/api${path}`, { method: 'POST', headers, body: '{}' });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** g1 receives the campaign; g2 was disabled by Zalo after the sync, so its send fails (-237). */
async function runWithOneFailedGroup(harness: BroadcastHarness) {
  harness.sim.addGroup({ groupId: 'g1', name: 'Xã Đông Phú' });
  harness.sim.addGroup({ groupId: 'g2', name: 'Xã Tam Dị' });
  await harness.broadcast.directory.sync('admin');
  const c = harness.broadcast.campaigns.create(
    { title: 'Họp bình xét', text: TEXT, audience: { all: true }, schedule: { type: 'once', at: '2026-11-02T10:00' } },
    'can-bo-soan',
  );
  harness.broadcast.campaigns.approve(c.id, 'lanh-dao-duyet');
  harness.sim.getGroup('g2')!.status = 'disabled';
  harness.clock.set(vn('2026-11-02T10:00:00'));
  await harness.broadcast.scheduler.tick();
  const runId = harness.broadcast.runs.listRuns(c.id)[0]!.id;
  expect(harness.broadcast.runs.progress(runId).outcome).toBe('partial');
  return runId;
}

describe('resending the failed groups of a run (admin API)', () => {
  it('when the resent message lands but Zalo’s answer is lost, then the group history settles it: one copy, no resend', async () => {
    h = await startBroadcastHarness();
    server = await startAdminApiServer(h, TOKEN);
    const runId = await runWithOneFailedGroup(h);
    h.sim.getGroup('g2')!.status = 'enabled';
    h.sim.injectFault({ path: '/v3.0/oa/group/message', dropResponse: true, times: 1 });

    const queued = await post(`/runs/${runId}/resend-failed`, 'Nguyễn Thị Lan');
    expect(queued).toMatchObject({ status: 200, json: { queued: [{ groupId: 'g2', groupName: 'Xã Tam Dị' }] } });
    await h.broadcast.scheduler.tick();
    // the answer was dropped after Zalo stored the message: the sender must look before sending again
    expect(h.sim.sentToGroup('g2')).toHaveLength(1);
    for (let i = 0; i < 4; i++) {
      h.clock.advance(10 * 60_000);
      await h.broadcast.scheduler.tick();
    }

    expect(h.sim.sentToGroup('g2').map((m) => m.text)).toEqual([TEXT]);
    expect(h.sim.sentToGroup('g1')).toHaveLength(1);
    const report = h.broadcast.runs.report(runId);
    const g2 = report.deliveries.find((d) => d.groupId === 'g2')!;
    expect(g2).toMatchObject({ status: 'sent', messageId: h.sim.sentToGroup('g2')[0]!.messageId });
    expect(h.broadcast.runs.progress(runId).outcome).toBe('delivered');
    const audit = h.broadcast.audit.list({ campaignId: report.run.campaignId });
    expect(audit.find((e) => e.action === 'run.resend_failed')).toMatchObject({
      actor: 'Nguyễn Thị Lan',
      runId,
      details: { groups: 1, groupIds: ['g2'] },
    });
  });

  it('when the resend is asked without a name, twice, or for a cancelled campaign, then it is refused and nothing is sent', async () => {
    h = await startBroadcastHarness();
    server = await startAdminApiServer(h, TOKEN);
    const runId = await runWithOneFailedGroup(h);
    h.sim.getGroup('g2')!.status = 'enabled';
    expect((await post(`/runs/${runId}/resend-failed`)).status).toBe(400);
    expect((await post(`/runs/${runId}/resend-failed`, 'system')).status).toBe(400);
    expect((await post('/runs/9999/resend-failed', 'lan')).status).toBe(404);
    const campaignId = h.broadcast.runs.report(runId).run.campaignId;
    h.broadcast.campaigns.cancel(campaignId, 'lanh-dao-duyet');
    const refused = await post(`/runs/${runId}/resend-failed`, 'lan');
    expect(refused.status).toBe(409);
    await h.broadcast.scheduler.tick();
    expect(h.sim.sentToGroup('g2')).toEqual([]);
    expect(h.broadcast.audit.list().some((e) => e.action === 'run.resend_failed')).toBe(false);
  });
});
