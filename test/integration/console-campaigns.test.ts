import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConsoleApp, type ConsoleTestApp } from '../helpers/build-console-app.js';
import type { ConsoleClient } from '../helpers/console-client.js';

describe('campaigns through the console, end to end against the simulator', () => {
  let app: ConsoleTestApp;
  let editor: ConsoleClient;
  let approver: ConsoleClient;

  beforeEach(async () => {
    app = await buildConsoleApp();
    app.sim.addGroup({ groupId: 'g1', name: 'Xã Đông Phú' });
    app.sim.addGroup({ groupId: 'g2', name: 'Phòng Nông nghiệp' });
    editor = await app.signInAs('bien-tap', 'editor');
    approver = await app.signInAs('lanh-dao', 'approver');
    expect((await editor.post('/admin/groups/sync')).status).toBe(303);
    expect(
      (await editor.post('/admin/groups/g1', { kind: 'commune', unit: 'Xã Đông Phú', tags: 'hộ nghèo, thôn Đông' }))
        .status,
    ).toBe(303);
  });
  afterEach(() => app.close());

  const form = {
    title: 'Chuyên mục giảm nghèo tháng 12',
    text: 'Kính gửi bà con: hồ sơ rà soát hộ nghèo nộp trước 15/12.',
    kind: 'commune',
    scheduleType: 'once',
    onceAt: '2026-11-29T11:00',
  };

  it('when an editor drafts and an approver approves, then the message lands in the chosen group once and the report shows it', async () => {
    const created = await editor.post('/admin/campaigns', form);
    expect(created.status).toBe(303);
    const detailPath = created.location!.split('?')[0]!;
    const detail = await editor.get(detailPath);
    expect(detail.text).toContain('Bản nháp');
    expect(detail.text).not.toContain(`${detailPath}/approve`);
    expect((await approver.get(detailPath)).text).toContain(`action="${detailPath}/approve"`);

    const dry = await approver.post(`${detailPath}/dry-run`);
    expect(dry.status).toBe(200);
    expect(dry.text).toContain('Xã Đông Phú');
    expect(dry.text).not.toContain('Phòng Nông nghiệp');
    expect(app.sim.sentToGroup('g1')).toHaveLength(0);

    const approved = await approver.post(`${detailPath}/approve`);
    expect(approved.status).toBe(303);
    expect((await approver.get(detailPath)).text).toContain('Đã duyệt');

    app.clock.advance(61 * 60_000);
    await app.broadcast.scheduler.tick();
    await app.broadcast.scheduler.tick();
    expect(app.sim.sentToGroup('g1').map((m) => m.text)).toEqual([form.text]);
    expect(app.sim.sentToGroup('g2')).toHaveLength(0);

    const runId = app.broadcast.runStore.listRuns(Number(detailPath.split('/').pop()))[0]!.id;
    const report = await editor.get(`${detailPath}/runs/${runId}`);
    expect(report.status).toBe(200);
    expect(report.text).toContain('Đã gửi');
    expect(report.text).toContain('Xã Đông Phú');
    const progress = (await (
      await fetch(`${app.url}${detailPath}/runs/${runId}/progress`, { headers: { cookie: editor.cookie! } })
    ).json()) as {
      total: number;
      done: number;
      finished: boolean;
    };
    expect(progress).toMatchObject({ total: 1, done: 1, finished: true });
    const csv = await editor.get(`${detailPath}/runs/${runId}/report.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    expect(csv.text).toContain('Xã Đông Phú');

    await app.broadcast.scheduler.tick();
    expect(app.sim.sentToGroup('g1')).toHaveLength(1);
    const actions = app.broadcast.audit.list().map((e) => `${e.actor}:${e.action}`);
    expect(actions).toEqual(
      expect.arrayContaining(['bien-tap:campaign.create', 'lanh-dao:campaign.dry_run', 'lanh-dao:campaign.approve']),
    );
  });

  it('when the drafter (an admin) tries to approve their own campaign, then the two-person rule refuses it with 403', async () => {
    const admin = await app.signInAs('quan-tri', 'admin');
    const created = await admin.post('/admin/campaigns', form);
    const detailPath = created.location!.split('?')[0]!;
    expect((await admin.get(detailPath)).text).toContain('quy tắc hai người');
    const res = await admin.post(`${detailPath}/approve`);
    expect(res.status).toBe(403);
    expect(res.text).toContain('không được tự duyệt');
    expect((await admin.get(detailPath)).text).toContain('Bản nháp');
  });

  it('when the form is incomplete, then it comes back with 400, the typed values and a Vietnamese reason per field', async () => {
    const res = await editor.post('/admin/campaigns', {
      title: 'Thiếu người nhận',
      text: 'x'.repeat(2001),
      scheduleType: 'monthly',
      monthlyDay: '40',
      monthlyTime: '8h',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Thiếu người nhận');
    expect(res.text).toContain('tối đa 2.000 ký tự');
    expect(res.text).toContain('Hãy chọn người nhận');
    expect(res.text).toContain('Lịch gửi chưa đúng');
    expect(app.broadcast.campaigns.list()).toHaveLength(0);
  });

  it('when a once campaign is set in the past, then the domain refuses it and nothing is saved', async () => {
    const res = await editor.post('/admin/campaigns', { ...form, onceAt: '2026-11-01T08:00' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Thời điểm gửi đã qua');
    expect(app.broadcast.campaigns.list()).toHaveLength(0);
  });

  it('when a monthly campaign is paused, then nothing is sent until it is resumed; cancel stops it for good', async () => {
    const created = await editor.post('/admin/campaigns', {
      ...form,
      scheduleType: 'monthly',
      monthlyDay: '29',
      monthlyTime: '11:00',
    });
    const detailPath = created.location!.split('?')[0]!;
    expect((await approver.post(`${detailPath}/approve`)).status).toBe(303);
    expect((await editor.post(`${detailPath}/pause`)).status).toBe(303);
    expect((await editor.post(`${detailPath}/resume`)).status).toBe(403);
    app.clock.advance(61 * 60_000);
    await app.broadcast.scheduler.tick();
    expect(app.sim.sentToGroup('g1')).toHaveLength(0);
    expect((await approver.post(`${detailPath}/resume`)).status).toBe(303);
    await app.broadcast.scheduler.tick();
    await app.broadcast.scheduler.tick();
    expect(app.sim.sentToGroup('g1')).toHaveLength(1);
    expect((await approver.post(`${detailPath}/cancel`)).status).toBe(303);
    expect((await approver.get(detailPath)).text).toContain('Đã huỷ');
    expect((await approver.post(`${detailPath}/approve`)).status).toBe(409);
  });
});
