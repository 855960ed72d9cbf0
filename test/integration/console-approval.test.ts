import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConsoleApp, type ConsoleTestApp } from '../helpers/build-console-app.js';
import type { ConsoleClient } from '../helpers/console-client.js';

describe('console: an approval covers the audience the approver saw', () => {
  let app: ConsoleTestApp;
  let editor: ConsoleClient;
  let approver: ConsoleClient;

  beforeEach(async () => {
    app = await buildConsoleApp();
    app.sim.addGroup({ groupId: 'g1', name: 'Xã Đông Phú' });
    for (let i = 2; i <= 11; i++) app.sim.addGroup({ groupId: `g${i}`, name: `Xã số ${i}` });
    editor = await app.signInAs('bien-tap', 'editor');
    approver = await app.signInAs('lanh-dao', 'approver');
    expect((await editor.post('/admin/groups/sync')).status).toBe(303);
  });
  afterEach(() => app.close());

  it('when an editor widens an approved campaign from 0 to 10 groups by tagging them, then it is back to draft and sends nothing', async () => {
    const created = await editor.post('/admin/campaigns', {
      title: 'Tin vùng cao',
      text: 'Kính gửi bà con vùng cao: hồ sơ rà soát hộ nghèo nộp trước 15/12.',
      tag: 'vùng cao',
      scheduleType: 'once',
      onceAt: '2026-11-29T11:00',
    });
    expect(created.status).toBe(303);
    const detailPath = created.location!.split('?')[0]!;
    expect((await approver.post(`${detailPath}/approve`)).status).toBe(303);
    expect((await approver.get(detailPath)).text).toContain('Đã duyệt');

    for (let i = 2; i <= 11; i++) {
      expect((await editor.post(`/admin/groups/g${i}`, { kind: 'commune', unit: '', tags: 'vùng cao' })).status).toBe(
        303,
      );
    }

    const detail = await approver.get(detailPath);
    expect(detail.text).toContain('Bản nháp');
    expect(detail.text).toContain(`action="${detailPath}/approve"`);
    expect(detail.text).toContain('Đưa về chờ duyệt lại');
    app.clock.advance(61 * 60_000);
    await app.broadcast.scheduler.tick();
    await app.broadcast.scheduler.tick();
    for (let i = 1; i <= 11; i++) expect(app.sim.sentToGroup(`g${i}`)).toHaveLength(0);
  });

  it('when the approver’s account name is the drafter’s in another spelling, then the approve button is not offered', async () => {
    const created = await editor.post('/admin/campaigns', {
      title: 'Tin',
      text: 'Nội dung.',
      kind: 'commune',
      scheduleType: 'once',
      onceAt: '2026-11-29T11:00',
    });
    const detailPath = created.location!.split('?')[0]!;
    const self = await app.signInAs('BIEN.TAP', 'approver');
    expect((await self.get(detailPath)).text).not.toContain(`action="${detailPath}/approve"`);
    expect((await self.post(`${detailPath}/approve`)).status).toBe(403);
  });
});
