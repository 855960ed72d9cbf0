import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConsoleApp, type ConsoleTestApp } from '../helpers/build-console-app.js';
import type { ConsoleClient } from '../helpers/console-client.js';

/** The sentence as the page shows it (between the forecast paragraph's tags). */
function forecastOf(page: string): string {
  const m = /<p class="forecast" data-forecast>([^<]*)<\/p>/.exec(page);
  return m ? m[1]! : '';
}

describe('console: schedules say what will happen (quiet hours 21:00–07:00)', () => {
  let app: ConsoleTestApp;
  let editor: ConsoleClient;
  let approver: ConsoleClient;

  beforeEach(async () => {
    app = await buildConsoleApp({ quietHours: '21:00-07:00' });
    // 03:00 on 08/12/2026 in Hà Nội
    app.clock.set(Date.parse('2026-12-08T03:00:00+07:00'));
    app.sim.addGroup({ groupId: 'g1', name: 'Xã Đông Phú' });
    app.sim.addGroup({ groupId: 'g2', name: 'Xã Tây Sơn' });
    app.sim.addGroup({ groupId: 'g3', name: 'Xã Bắc Hà', status: 'disabled' });
    editor = await app.signInAs('bien-tap', 'editor');
    approver = await app.signInAs('lanh-dao', 'approver');
    expect((await editor.post('/admin/groups/sync')).status).toBe(303);
  });
  afterEach(() => app.close());

  const base = { title: 'Thông báo', text: 'Kính gửi bà con: họp thôn lúc 8 giờ.', all: '1' };

  it('when a campaign is created at 03:00 to go at 03:30, then save, dry run and approval all say 07:00 after quiet hours, with the group that will not receive it', async () => {
    const created = await editor.post('/admin/campaigns', {
      ...base,
      scheduleType: 'once',
      onceDate: '08/12/2026',
      onceTime: '03:30',
    });
    expect(created.status).toBe(303);
    const detailPath = created.location!.split('?')[0]!;
    const expected =
      'Sẽ gửi lúc 07:00 ngày 08/12 (sau giờ yên lặng 21:00–07:00) tới 2 nhóm; 1 nhóm sẽ không nhận: Xã Bắc Hà (nhóm bị vô hiệu hoá hoặc hết hạn gói).';
    expect(forecastOf((await editor.get(created.location!)).text)).toBe(expected);
    expect(forecastOf((await approver.post(`${detailPath}/dry-run`)).text)).toBe(expected);
    expect(forecastOf((await approver.get(detailPath)).text)).toBe(expected);
    expect((await approver.post(`${detailPath}/approve`)).status).toBe(303);
    expect(forecastOf((await approver.get(detailPath)).text)).toBe(expected);
  });

  it('when the edit form is opened, then the date shows as dd/mm/yyyy', async () => {
    const created = await editor.post('/admin/campaigns', {
      ...base,
      scheduleType: 'once',
      onceDate: '9/12/2026',
      onceTime: '08:15',
    });
    const edit = await editor.get(`${created.location!.split('?')[0]!}/edit`);
    expect(edit.text).toContain('value="09/12/2026"');
    expect(edit.text).toContain('value="08:15"');
  });

  it.each(['31/02/2027', '2026-12-09', '12/31/2026', 'mai'])(
    'when the date typed is %s, then the form comes back with a Vietnamese error and nothing is saved',
    async (onceDate) => {
      const before = app.broadcast.campaigns.list().length;
      const refused = await editor.post('/admin/campaigns', {
        ...base,
        scheduleType: 'once',
        onceDate,
        onceTime: '08:00',
      });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('Ngày gửi chưa đúng: nhập theo dạng ngày/tháng/năm');
      expect(refused.text).toContain(`value="${onceDate}"`);
      expect(app.broadcast.campaigns.list()).toHaveLength(before);
    },
  );

  it('when "Gửi ngay" is approved during quiet hours, then it waits for 07:00, goes out once to each group and the campaign completes', async () => {
    const created = await editor.post('/admin/campaigns', { ...base, scheduleType: 'now' });
    expect(created.status).toBe(303);
    const detailPath = created.location!.split('?')[0]!;
    expect(forecastOf((await editor.get(detailPath)).text)).toContain(
      'Sẽ gửi khi được duyệt, sớm nhất lúc 07:00 ngày 08/12 (sau giờ yên lặng 21:00–07:00) tới 2 nhóm',
    );
    expect((await approver.post(`${detailPath}/approve`)).status).toBe(303);
    await app.broadcast.scheduler.tick();
    expect(app.sim.sentToGroup('g1')).toHaveLength(0);
    app.clock.set(Date.parse('2026-12-08T07:01:00+07:00'));
    for (let i = 0; i < 4; i++) await app.broadcast.scheduler.tick();
    expect(app.sim.sentToGroup('g1').map((m) => m.text)).toEqual([base.text]);
    expect(app.sim.sentToGroup('g2').map((m) => m.text)).toEqual([base.text]);
    expect(app.sim.sentToGroup('g3')).toHaveLength(0);
    app.clock.advance(3600_000);
    for (let i = 0; i < 3; i++) await app.broadcast.scheduler.tick();
    expect(app.sim.sentToGroup('g1')).toHaveLength(1);
    expect(app.broadcast.campaigns.get(Number(detailPath.split('/').pop())).status).toBe('completed');
  });

  it('when "Gửi ngay" is approved outside quiet hours, then the page says it goes as soon as approved and the next tick sends it', async () => {
    app.clock.set(Date.parse('2026-12-08T09:00:00+07:00'));
    const created = await editor.post('/admin/campaigns', { ...base, scheduleType: 'now' });
    const detailPath = created.location!.split('?')[0]!;
    expect(forecastOf((await editor.get(detailPath)).text)).toMatch(/^Sẽ gửi ngay khi được duyệt tới 2 nhóm;/);
    expect((await approver.post(`${detailPath}/approve`)).status).toBe(303);
    for (let i = 0; i < 3; i++) await app.broadcast.scheduler.tick();
    expect(app.sim.sentToGroup('g1')).toHaveLength(1);
  });
});
