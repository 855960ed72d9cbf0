import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Audience, Schedule } from '../../src/broadcast/broadcast-types.js';
import { buildConsoleApp, TEST_PASSWORD, type ConsoleTestApp } from '../helpers/build-console-app.js';
import { consoleClient, type ConsoleClient } from '../helpers/console-client.js';

const DAY = 24 * 3600_000;

/** Issue 14 item 7: the campaign list filtered by date range (dd/mm/yyyy), schedule kind, tag and status, in the URL. */
describe('campaign list filters', () => {
  let app: ConsoleTestApp;
  let viewer: ConsoleClient;

  beforeEach(async () => {
    app = await buildConsoleApp();
    app.sim.addGroup({ groupId: 'g1', name: 'Xã Đông Phú' });
    app.sim.addGroup({ groupId: 'g2', name: 'Xã Tam Dị' });
    await app.broadcast.directory.sync('test');
    app.broadcast.directory.update('g2', { tags: ['thôn bắc'] }, 'test');
    viewer = await app.signInAs('chi-xem', 'viewer');
  });
  afterEach(() => app.close());

  function create(title: string, schedule: Schedule, audience: Audience = { all: true }): number {
    return app.broadcast.campaigns.create({ title, text: 'Kính gửi bà con.', audience, schedule }, 'bien-tap').id;
  }
  const titles = async (query: string) =>
    [
      ...(await viewer.get(`/admin/campaigns?${query}`)).text.matchAll(
        /<a href="\/admin\/campaigns\/\d+">([^<]+)<\/a>/g,
      ),
    ]
      .map((m) => m[1])
      .sort();

  it('when filtered by kind, tag and status with a search, then only the matching campaigns are listed and the form keeps every filter', async () => {
    create('Họp thôn hằng tháng', { type: 'monthly', day: 5, time: '08:00' }, { tags: ['hộ nghèo'] });
    create('Lịch tiêm hằng tháng', { type: 'monthly', day: 10, time: '08:00' });
    create('Thông báo khẩn', { type: 'now' }, { groupIds: ['g2'] });
    create('Họp thôn cuối năm', { type: 'once', at: '2026-12-20T08:00' }, { tags: ['hộ nghèo'] });

    expect(await titles('kind=monthly')).toEqual(['Họp thôn hằng tháng', 'Lịch tiêm hằng tháng']);
    expect(await titles('tag=h%E1%BB%99+ngh%C3%A8o')).toEqual(['Họp thôn cuối năm', 'Họp thôn hằng tháng']);
    // a group chosen by name carries the tag
    expect(await titles('tag=th%C3%B4n+b%E1%BA%AFc')).toEqual(['Thông báo khẩn']);
    expect(await titles('kind=monthly&tag=h%E1%BB%99+ngh%C3%A8o&status=draft&q=hop+thon')).toEqual([
      'Họp thôn hằng tháng',
    ]);
    expect(await titles('kind=monthly&status=approved')).toEqual([]);
    expect((await viewer.get('/admin/campaigns?kind=monthly&status=approved')).text).toContain(
      'Không có chiến dịch nào khớp bộ lọc.',
    );
    const page = (await viewer.get('/admin/campaigns?kind=now&tag=th%C3%B4n+b%E1%BA%AFc')).text;
    expect(page).toContain('<option value="now" selected>Gửi ngay khi được duyệt</option>');
    expect(page).toContain('<option value="thôn bắc" selected>thôn bắc</option>');
    expect(page).toContain('<a class="button secondary" href="/admin/campaigns">Bỏ lọc</a>');
    // unknown values are "any", never an error
    expect(await titles('kind=weekly&tag=khong-co')).toHaveLength(4);
  });

  it('when filtered by a date range, then campaigns created or sent in those days are listed, and the range stays in the page links', async () => {
    const sent = create('Tin gửi ngày 3', { type: 'now' });
    app.clock.advance(2 * DAY); // 01/12/2026
    create('Tin tạo ngày 1', { type: 'once', at: '2026-12-20T08:00' });
    app.clock.advance(2 * DAY); // 03/12/2026
    const approver = await app.signInAs('lanh-dao', 'approver');
    expect((await approver.post(`/admin/campaigns/${sent}/approve`)).status).toBe(303);
    await app.broadcast.scheduler.tick();
    create('Tin tạo ngày 3', { type: 'once', at: '2026-12-20T08:00' });
    // sessions do not outlive the days the clock skipped: sign in again
    viewer = consoleClient(app.url);
    await viewer.signIn('chi-xem', TEST_PASSWORD);

    expect(await titles('from=01/12/2026&to=01/12/2026')).toEqual(['Tin tạo ngày 1']);
    expect(await titles('from=03/12/2026&to=03/12/2026')).toEqual(['Tin gửi ngày 3', 'Tin tạo ngày 3']);
    expect(await titles('to=30/11/2026')).toEqual(['Tin gửi ngày 3']);
    expect(await titles('from=1/12/2026&kind=once')).toEqual(['Tin tạo ngày 1', 'Tin tạo ngày 3']);

    for (let i = 0; i < 26; i++) create(`Tin thêm ${i}`, { type: 'once', at: '2026-12-20T08:00' });
    const first = (await viewer.get('/admin/campaigns?from=03/12/2026&to=03/12/2026')).text;
    expect(first).toContain('Trang 1/2 · 28 mục');
    expect(first).toContain('href="/admin/campaigns?from=03%2F12%2F2026&amp;to=03%2F12%2F2026&amp;page=2"');
    expect(first).toContain('value="03/12/2026"');
  });

  it('when a date cannot be read, then the page says so in Vietnamese and lists without that bound', async () => {
    create('Tin một', { type: 'now' });
    const bad = await viewer.get('/admin/campaigns?from=31/02/2026');
    expect(bad.status).toBe(200);
    expect(bad.text).toContain('Ngày &quot;31/02/2026&quot; chưa đúng: nhập theo dạng ngày/tháng/năm');
    expect(bad.text).toContain('Tin một');
    const reversed = await viewer.get('/admin/campaigns?from=05/12/2026&to=01/12/2026');
    expect(reversed.text).toContain('ngày bắt đầu phải trước hoặc bằng ngày kết thúc');
    expect(reversed.text).toContain('value="01/12/2026"');
  });
});
