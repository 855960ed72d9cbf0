import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConsoleApp, type ConsoleTestApp } from '../helpers/build-console-app.js';
import type { ConsoleClient } from '../helpers/console-client.js';

const OFFICIALS = 'canbo1';

describe('console: guided approval ("Gửi đề nghị duyệt")', () => {
  let app: ConsoleTestApp;
  let editor: ConsoleClient;
  let approver: ConsoleClient;
  let detailPath: string;

  beforeEach(async () => {
    app = await buildConsoleApp({ approvalNotifyGroupId: OFFICIALS });
    app.sim.addGroup({ groupId: 'g1', name: 'Xã Đông Phú' });
    app.sim.addGroup({ groupId: OFFICIALS, name: 'Nhóm cán bộ' });
    editor = await app.signInAs('bien-tap', 'editor');
    approver = await app.signInAs('lanh-dao', 'approver');
    await app.addAccount('pho-chu-tich', 'admin');
    await app.addAccount('xem', 'viewer');
    expect((await editor.post('/admin/groups/sync')).status).toBe(303);
    const created = await editor.post('/admin/campaigns', {
      title: 'Họp thôn tháng 12',
      text: 'Kính gửi bà con: họp thôn lúc 8 giờ sáng Chủ nhật.',
      group: 'g1',
      scheduleType: 'once',
      onceDate: '30/11/2026',
      onceTime: '08:00',
    });
    expect(created.status).toBe(303);
    detailPath = created.location!.split('?')[0]!;
  });
  afterEach(() => app.close());

  it('when the drafter asks for approval, then the approvers (not the drafter) are named, the group is told once and the approver sees it first with a badge', async () => {
    const draft = await editor.get(detailPath);
    expect(draft.text).toContain('Người có thể duyệt: lanh-dao, pho-chu-tich');
    expect(draft.text).toContain(`action="${detailPath}/request-approval"`);

    const asked = await editor.post(`${detailPath}/request-approval`);
    expect(asked.status).toBe(303);
    expect(asked.location).toContain('done=approval_requested');
    const notices = app.sim.sentToGroup(OFFICIALS).map((m) => m.text);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('Họp thôn tháng 12');
    expect(notices[0]).toContain('do bien-tap gửi');
    expect(app.sim.sentToGroup('g1')).toHaveLength(0);

    for (let i = 0; i < 3; i++) await app.broadcast.scheduler.tick();
    expect(app.sim.sentToGroup(OFFICIALS)).toHaveLength(1);

    const list = await approver.get('/admin/campaigns');
    expect(list.text).toContain('Chờ tôi duyệt (1)');
    expect(list.text.indexOf('Chờ tôi duyệt')).toBeLessThan(list.text.indexOf('<table'));
    expect(list.text).toMatch(/class="nav-badge"[^>]*>1</);
    const editorList = await editor.get('/admin/campaigns');
    expect(editorList.text).not.toContain('Chờ tôi duyệt');

    const review = await approver.get(detailPath);
    expect(review.text).toContain('Kính gửi bà con: họp thôn lúc 8 giờ sáng Chủ nhật.');
    expect(review.text).toMatch(/data-approval-groups><li>Xã Đông Phú<\/li>/);
    expect(review.text).toContain('Sẽ gửi lúc 08:00 ngày 30/11 tới 1 nhóm.');
    expect(app.broadcast.audit.list({ campaignId: Number(detailPath.split('/').pop()) }).map((a) => a.action)).toEqual(
      expect.arrayContaining(['campaign.approval_request', 'campaign.approval_notified']),
    );

    expect((await approver.post(`${detailPath}/approve`)).status).toBe(303);
    expect((await approver.get('/admin/campaigns')).text).not.toContain('Chờ tôi duyệt');
  });

  it('when the request is sent twice, by a viewer, or for an approved campaign, then it is refused and nobody is told again', async () => {
    expect((await editor.post(`${detailPath}/request-approval`)).status).toBe(303);
    const again = await editor.post(`${detailPath}/request-approval`);
    expect(again.status).toBe(409);
    expect(again.text).toContain('đã được gửi đề nghị duyệt');
    const viewer = await app.signInAs('chi-xem', 'viewer');
    expect((await viewer.post(`${detailPath}/request-approval`)).status).toBe(403);
    expect((await approver.post(`${detailPath}/approve`)).status).toBe(303);
    const approved = await editor.post(`${detailPath}/request-approval`);
    expect(approved.status).toBe(409);
    expect(approved.text).toContain('Chỉ gửi đề nghị duyệt cho bản nháp');
    expect(app.sim.sentToGroup(OFFICIALS)).toHaveLength(1);
  });

  it('when the notice send was interrupted after Zalo took it, then the group history settles it and it is not sent again', async () => {
    expect((await editor.post(`${detailPath}/request-approval`)).status).toBe(303);
    // as if the process stopped between Zalo's acceptance and the row's update
    app.db.prepare("UPDATE approval_requests SET notify_status = 'sending'").run();
    app.clock.advance(5 * 60_000);
    await app.broadcast.scheduler.tick();
    expect(app.sim.sentToGroup(OFFICIALS)).toHaveLength(1);
    expect(app.db.prepare('SELECT notify_status FROM approval_requests').pluck().get()).toBe('sent');
  });

  it('when the notice send was interrupted before Zalo took it, then it is sent once at the next pass', async () => {
    app.db
      .prepare(
        "INSERT INTO approval_requests (campaign_id, requested_by, requested_at, notify_group_id, notify_text, notify_status, notify_started_at) VALUES (?, 'bien-tap', ?, ?, 'Đề nghị duyệt thử', 'sending', ?)",
      )
      .run(Number(detailPath.split('/').pop()), app.clock.now(), OFFICIALS, app.clock.now());
    app.clock.advance(5 * 60_000);
    await app.broadcast.scheduler.tick();
    await app.broadcast.scheduler.tick();
    expect(app.sim.sentToGroup(OFFICIALS).map((m) => m.text)).toEqual(['Đề nghị duyệt thử']);
  });
});
