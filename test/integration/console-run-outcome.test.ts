import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConsoleApp, type ConsoleTestApp } from '../helpers/build-console-app.js';
import type { ConsoleClient } from '../helpers/console-client.js';

const TEXT = 'Kính gửi bà con: hồ sơ rà soát hộ nghèo nộp trước 15/12.';

/** Issue 12 item 7 / issue 14 item 4: a run's result is told honestly and failed groups can be resent once. */
describe('delivery results and the resend of failed groups, through the console', () => {
  let app: ConsoleTestApp;
  let editor: ConsoleClient;
  let approver: ConsoleClient;

  beforeEach(async () => {
    app = await buildConsoleApp();
    for (const [groupId, name] of [
      ['g1', 'Xã Đông Phú'],
      ['g2', 'Xã Tam Dị'],
      ['g3', 'Phòng Nông nghiệp'],
    ] as const)
      app.sim.addGroup({ groupId, name });
    editor = await app.signInAs('bien-tap', 'editor');
    approver = await app.signInAs('lanh-dao', 'approver');
    expect((await editor.post('/admin/groups/sync')).status).toBe(303);
  });
  afterEach(() => app.close());

  /** Drafts (editor), approves (approver) and sends a campaign to every group; returns its pages' paths. */
  async function sendToAll(disabled: string[]): Promise<{ detail: string; report: string }> {
    const created = await editor.post('/admin/campaigns', {
      title: 'Chuyên mục tháng 12',
      text: TEXT,
      all: '1',
      scheduleType: 'once',
      onceAt: '2026-11-29T11:00',
    });
    expect(created.status).toBe(303);
    const detail = created.location!.split('?')[0]!;
    expect((await approver.post(`${detail}/approve`)).status).toBe(303);
    // Zalo disables these groups after the directory was synced: the sends fail with -237
    for (const g of disabled) app.sim.getGroup(g)!.status = 'disabled';
    app.clock.advance(61 * 60_000);
    await app.broadcast.scheduler.tick();
    await app.broadcast.scheduler.tick();
    const runId = app.broadcast.runStore.listRuns(Number(detail.split('/').pop()))[0]!.id;
    return { detail, report: `${detail}/runs/${runId}` };
  }

  it('when no group receives the message, then the run is failed in red everywhere, never "Đã gửi xong"', async () => {
    const { detail, report } = await sendToAll(['g1', 'g2', 'g3']);
    for (const g of ['g1', 'g2', 'g3']) expect(app.sim.sentToGroup(g)).toEqual([]);

    const page = await editor.get(report);
    expect(page.status).toBe(200);
    expect(page.text).toContain(
      '<span class="badge bad" data-outcome="failed">Thất bại: không nhóm nào nhận được</span>',
    );
    expect(page.text).toContain('Không nhóm nào nhận được tin: 0 nhóm đã nhận · 3 nhóm lỗi');
    expect(page.text).not.toContain('Đã gửi xong');
    const detailPage = (await editor.get(detail)).text;
    expect(detailPage).toContain('data-outcome="failed"');
    // issue 14 items 3 and 8: the scheduler's own steps are named in Vietnamese; approving is not an edit
    expect(detailPage).toContain('">Hệ thống (tự động)</td>');
    expect(detailPage).not.toContain('">system</td>');
    expect(detailPage).toContain('bien-tap · 10:00 29/11/2026');
    const list = await editor.get('/admin/campaigns');
    expect(list.text).toContain('Lần gửi gần nhất');
    expect(list.text).toContain('data-outcome="failed"');
    expect(list.text).not.toContain('Đã gửi xong');
  });

  it('when a page loads, then its favicon is served (no 404)', async () => {
    const page = await editor.get('/admin/campaigns');
    expect(page.text).toContain('href="/admin/assets/favicon.svg"');
    const icon = await editor.get('/admin/assets/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toContain('image/svg+xml');
  });

  it('when some groups fail, then the result is a warning with the counts and only an approver may resend', async () => {
    const { report } = await sendToAll(['g3']);
    const page = await approver.get(report);
    expect(page.text).toContain('<span class="badge warn" data-outcome="partial">Gửi được 2/3 nhóm</span>');
    expect(page.text).toContain('Tin chưa đến được tất cả các nhóm: 2 nhóm đã nhận · 1 nhóm lỗi.');
    expect(page.text).toContain(`action="${report}/resend-failed"`);
    expect(page.text).toContain('Gửi lại các nhóm lỗi (1)');
    expect((await editor.get(report)).text).not.toContain('resend-failed');
    expect((await editor.post(`${report}/resend-failed`)).status).toBe(403);
    const list = await editor.get('/admin/campaigns');
    expect(list.text).toContain('Gửi được 2/3 nhóm');
    expect(list.text).toContain('2 nhóm đã nhận · 1 nhóm lỗi');
  });

  it('when an approver resends the failed groups twice at once, then each failed group gets the message exactly once, audited with the name', async () => {
    const { report } = await sendToAll(['g2', 'g3']);
    app.sim.getGroup('g2')!.status = 'enabled';
    app.sim.getGroup('g3')!.status = 'enabled';
    await approver.get(report);
    const [first, second] = await Promise.all([
      approver.post(`${report}/resend-failed`),
      approver.post(`${report}/resend-failed`),
    ]);
    expect([first.status, second.status].sort()).toEqual([303, 409]);
    const refused = first.status === 409 ? first : second;
    expect(refused.text).toMatch(/Chỉ gửi lại được khi lượt gửi đã kết thúc|không còn nhóm nào lỗi/);
    await app.broadcast.scheduler.tick();
    await app.broadcast.scheduler.tick();
    for (const g of ['g1', 'g2', 'g3']) expect(app.sim.sentToGroup(g).map((m) => m.text)).toEqual([TEXT]);

    const page = await approver.get(`${report}?done=resent`);
    expect(page.text).toContain('data-outcome="delivered">Đã gửi tới tất cả 3 nhóm</span>');
    expect(page.text).not.toContain('resend-failed');
    expect((await approver.post(`${report}/resend-failed`)).status).toBe(409);
    await app.broadcast.scheduler.tick();
    for (const g of ['g1', 'g2', 'g3']) expect(app.sim.sentToGroup(g)).toHaveLength(1);
    const resends = app.broadcast.audit.list().filter((e) => e.action === 'run.resend_failed');
    expect(resends.map((e) => [e.actor, e.details.groups, e.details.groupIds])).toEqual([
      ['lanh-dao', 2, ['g2', 'g3']],
    ]);
  });

  it('when a resent group still fails, then it stays failed, is tried once more only, and can be resent again later', async () => {
    const { report } = await sendToAll(['g3']);
    await approver.get(report);
    expect((await approver.post(`${report}/resend-failed`)).status).toBe(303);
    await app.broadcast.scheduler.tick();
    await app.broadcast.scheduler.tick();
    // g3 is still disabled: one more attempt, failed again, and it can be resent again later
    expect(app.sim.sentToGroup('g3')).toEqual([]);
    expect(app.sim.sentToGroup('g1')).toHaveLength(1);
    const page = await approver.get(report);
    expect(page.text).toContain('Gửi được 2/3 nhóm');
    expect(page.text).toContain('Gửi lại các nhóm lỗi (1)');
  });

  it('when a broadcast is running, then its page and progress poll show sent, failed, waiting and the expected finish', async () => {
    const { report } = await sendToAll(['g3']);
    app.sim.getGroup('g3')!.status = 'enabled';
    await approver.get(report);
    expect((await approver.post(`${report}/resend-failed`)).status).toBe(303);
    // the resend reopened the run; the scheduler has not ticked yet
    const page = await editor.get(report);
    expect(page.text).toContain('data-outcome="sending"');
    expect(page.text).toContain('Đã gửi 2 · Lỗi 0 · Còn chờ 1');
    expect(page.text).toContain('Dự kiến xong lúc');
    expect(page.text).toContain('theo giới hạn 4.000 tin/phút của Zalo');
    const poll = async () =>
      (await (await fetch(`${app.url}${report}/progress`, { headers: { cookie: editor.cookie! } })).json()) as Record<
        string,
        unknown
      >;
    const running = await poll();
    expect(running).toMatchObject({ sent: 2, failed: 0, waiting: 1, finished: false, outcome: 'sending' });
    expect(running.label).toBe('Đã gửi 2 · Lỗi 0 · Còn chờ 1');
    expect(running.finishLabel).toContain('Dự kiến xong lúc');
    await app.broadcast.scheduler.tick();
    expect(await poll()).toMatchObject({ sent: 3, waiting: 0, finished: true, outcome: 'delivered', finishLabel: '' });
  });
});
