import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConsoleApp, type ConsoleTestApp } from '../helpers/build-console-app.js';
import type { ConsoleClient } from '../helpers/console-client.js';

/** Issue 14 item 7: search, filters and pages on the console's lists, over HTTP. */
describe('console lists that scale', () => {
  let app: ConsoleTestApp;
  let viewer: ConsoleClient;

  beforeEach(async () => {
    app = await buildConsoleApp();
    viewer = await app.signInAs('xem', 'viewer');
  });
  afterEach(() => app.close());

  it('when a group was dissolved, then the directory hides it unless "hiện cả nhóm đã giải tán" is ticked', async () => {
    app.sim.addGroup({ groupId: 'g1', name: 'Xã Đông Phú' });
    app.sim.addGroup({ groupId: 'g2', name: 'Xã Tam Dị' });
    await app.broadcast.directory.sync('test');
    app.broadcast.directory.markDeleted('g2', app.clock.now());
    const shown = await viewer.get('/admin/groups');
    expect(shown.text).toContain('Xã Đông Phú');
    expect(shown.text).not.toContain('Xã Tam Dị');
    expect(shown.text).toContain('Đang ẩn 1 nhóm đã giải tán.');
    expect(shown.text).toContain('Hiện cả nhóm đã giải tán');
    const all = await viewer.get('/admin/groups?all=1');
    expect(all.text).toContain('Xã Tam Dị');
    expect(all.text).toContain('Đã giải tán');
    expect((await viewer.get('/admin/groups?status=deleted')).text).not.toContain('Xã Đông Phú');
  });

  it('when groups are searched without diacritics, then only the matching ones are listed', async () => {
    app.sim.addGroup({ groupId: 'g1', name: 'Xã Đông Phú' });
    app.sim.addGroup({ groupId: 'g2', name: 'Phòng Nông nghiệp' });
    await app.broadcast.directory.sync('test');
    const found = await viewer.get('/admin/groups?q=dong+phu');
    expect(found.text).toContain('Xã Đông Phú');
    expect(found.text).not.toContain('Phòng Nông nghiệp');
    expect(found.text).toContain('value="dong phu"');
  });

  it('when there are more campaigns than fit a page, then pages link to each other and keep the filters', async () => {
    for (let i = 1; i <= 30; i++) {
      app.broadcast.campaigns.create(
        {
          title: `Tin giảm nghèo số ${i}`,
          text: 'Nội dung',
          audience: { all: true },
          schedule: { type: 'once', at: '2026-12-20T08:00' },
        },
        'bien-tap',
      );
    }
    const first = await viewer.get('/admin/campaigns?q=giam+ngheo&status=draft');
    expect(first.text).toContain('Trang 1/2 · 30 mục');
    expect(first.text.match(/<a href="\/admin\/campaigns\/\d+">/g)).toHaveLength(25);
    expect(first.text).toContain('href="/admin/campaigns?q=giam+ngheo&amp;status=draft&amp;page=2"');
    const second = await viewer.get('/admin/campaigns?q=giam+ngheo&status=draft&page=2');
    expect(second.text.match(/<a href="\/admin\/campaigns\/\d+">/g)).toHaveLength(5);
    expect(second.text).toContain('rel="prev"');
    expect((await viewer.get('/admin/campaigns?status=approved')).text).toContain('0 mục');
    expect((await viewer.get('/admin/campaigns?page=abc')).status).toBe(200);
  });

  it('when unanswered questions are searched, then only matching rows are shown', async () => {
    for (const text of ['vay vốn làm nhà', 'giá vàng hôm nay']) {
      app.questions.log({
        userId: 'u-1',
        text,
        keyText: text,
        outcome: 'fallback',
        nodeId: null,
        score: 0.1,
        candidates: [],
        contentVersion: app.faq.status().version,
        now: app.clock.now(),
      });
    }
    const page = await viewer.get('/admin/questions?q=vay+von');
    expect(page.text).toContain('vay vốn làm nhà');
    expect(page.text).not.toContain('giá vàng hôm nay');
  });
});
