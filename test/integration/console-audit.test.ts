import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConsoleApp, type ConsoleTestApp } from '../helpers/build-console-app.js';
import type { ConsoleClient } from '../helpers/console-client.js';
import { draftCampaign } from '../helpers/draft-campaign.js';

/** The page without the phone layout's cell labels, so rows read as written. */
async function plain(client: ConsoleClient, path: string): Promise<string> {
  return (await client.get(path)).text.replace(/ data-label="[^"]*"/g, '');
}

/** Issue 14 items 7–8: the audit trail as a page — who, what, when (Vietnam time), on what; admins only. */
describe('the audit list page', () => {
  let app: ConsoleTestApp;
  let admin: ConsoleClient;

  beforeEach(async () => {
    app = await buildConsoleApp();
    admin = await app.signInAs('quan-tri', 'admin');
  });
  afterEach(() => app.close());

  it('when an editor drafted a campaign and answered a resident, then the admin sees who, what, when and links to the campaign and the thread', async () => {
    const editor = await app.signInAs('bien-tap', 'editor');
    const campaign = await draftCampaign(editor, 'Họp thôn Đông');
    const userId = app.sim.addUser({ displayName: 'Trần Văn Nam', lastInteraction: app.clock.now() }).userId;
    await app.sim.sendUserText(userId, 'gặp cán bộ');
    await app.settle();
    app.residents.setDisplayName(userId, 'Trần Văn Nam');
    expect((await editor.post(`/admin/inbox/t/${userId}/reply`, { text: 'Chào anh Nam.' })).status).toBe(303);

    expect((await admin.get('/admin/audit')).status).toBe(200);
    const page = { text: await plain(admin, '/admin/audit') };
    expect(page.text).toContain('<a href="/admin/audit" aria-current="page">Nhật ký</a>');
    expect(page.text).toContain('<td>10:00 29/11/2026</td><td>bien-tap</td><td>Tạo chiến dịch</td>');
    expect(page.text).toContain(`<a href="${campaign}">Chiến dịch: Họp thôn Đông</a>`);
    expect(page.text).toContain('<td>Cán bộ trả lời người dân</td>');
    expect(page.text).toContain(`<a href="/admin/inbox/t/${userId}">Hội thoại với Nam</a>`);
    expect(page.text).toContain('<td>Đăng nhập</td>');
    expect(page.text).not.toContain('Chào anh Nam');

    // an entry naming only the run (a delivery) links to the run of its campaign
    const campaignId = Number(campaign.split('/').pop());
    const now = app.clock.now();
    app.broadcast.runStore.createRun({ campaignId, dueAt: now, releaseAt: now, status: 'scheduled' }, now);
    const runId = app.broadcast.runStore.listRuns(campaignId)[0]!.id;
    app.broadcast.audit.record({ actor: 'system', action: 'delivery.unknown', runId, groupId: 'g9', details: {} });
    const runs = await plain(admin, '/admin/audit?kind=run');
    expect(runs).toContain('<td>Hệ thống (tự động)</td><td>Chưa rõ tin đã tới nhóm hay chưa</td>');
    expect(runs).toContain(`<a href="${campaign}/runs/${runId}">Lần gửi số ${runId}</a>`);
  });

  it('when filtered by account, kind and search, then only the matching entries are listed and the filters stay in the page links', async () => {
    await app.signInAs('bien-tap', 'editor');
    for (let i = 0; i < 30; i++)
      app.broadcast.audit.record({ actor: 'system', action: 'group.deleted', groupId: `g${i}`, details: {} });
    app.broadcast.audit.record({ actor: 'bien-tap', action: 'question.handle', details: { questions: 3 } });

    const byActor = await plain(admin, '/admin/audit?actor=bien-tap');
    expect(byActor).toContain('<option value="bien-tap" selected>bien-tap</option>');
    expect(byActor).toContain('Đánh dấu câu hỏi đã xử lý');
    expect(byActor).not.toContain('Nhóm bị giải tán hoặc xoá</td>');
    expect(byActor).not.toContain('<td>quan-tri</td>');

    const deleted = await plain(admin, '/admin/audit?kind=group');
    expect(deleted).toContain('<option value="system">Hệ thống (tự động)</option>');
    expect(deleted.match(/<td>Nhóm bị giải tán hoặc xoá<\/td>/g)).toHaveLength(25);
    expect(deleted).toContain('Trang 1/2 · 30 mục');
    expect(deleted).toContain('href="/admin/audit?kind=group&amp;page=2"');
    const second = await plain(admin, '/admin/audit?kind=group&page=2');
    expect(second.match(/<td>Nhóm bị giải tán hoặc xoá<\/td>/g)).toHaveLength(5);
    const past = await plain(admin, '/admin/audit?kind=group&page=99');
    expect(past).toContain('Trang 2/2 · 30 mục');

    const accounts = await plain(admin, '/admin/audit?kind=account&q=bien');
    expect(accounts).toContain('<td>bien-tap</td><td>Đăng nhập</td>');
    expect(accounts).not.toContain('<td>quan-tri</td><td>Đăng nhập</td>');
    // the Vietnamese label is searched too, without diacritics
    const labelled = await plain(admin, '/admin/audit?q=cau+hoi+da+xu+ly');
    expect(labelled).toContain('<td>bien-tap</td><td>Đánh dấu câu hỏi đã xử lý</td>');
    expect(labelled).not.toContain('Nhóm bị giải tán hoặc xoá</td>');
    const none = await plain(admin, '/admin/audit?q=khong-co-ai');
    expect(none).toContain('Không có mục nào khớp bộ lọc.');
  });

  it('when another role asks for it, then it is refused on the server (least privilege) and the section is not offered', async () => {
    for (const [name, role] of [
      ['lanh-dao', 'approver'],
      ['bien-tap', 'editor'],
      ['chi-xem', 'viewer'],
    ] as const) {
      const client = await app.signInAs(name, role);
      expect((await client.get('/admin/audit')).status, role).toBe(403);
      expect((await client.get('/admin')).text, role).not.toContain('href="/admin/audit"');
    }
    const signedOut = await (await import('../helpers/console-client.js')).consoleClient(app.url).get('/admin/audit');
    expect(signedOut.status).toBe(303);
    expect(signedOut.location).toBe('/admin/login?next=%2Fadmin%2Faudit');
  });
});
