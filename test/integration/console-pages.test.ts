import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuestionOutcome } from '../../src/bot/dialog/question-repository.js';
import { buildConsoleApp, type ConsoleTestApp } from '../helpers/build-console-app.js';
import type { ConsoleClient } from '../helpers/console-client.js';

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

function logQuestion(
  app: ConsoleTestApp,
  text: string,
  outcome: QuestionOutcome,
  nodeId: string | null,
  candidate?: string,
) {
  app.questions.log({
    userId: 'u-1',
    text,
    keyText: text,
    outcome,
    nodeId,
    score: 0.4,
    candidates: candidate ? [{ id: candidate, score: 0.42 }] : [],
    contentVersion: app.faq.status().version,
    now: app.clock.now(),
  });
}

describe('console pages over the other domains', () => {
  let app: ConsoleTestApp;
  let editor: ConsoleClient;

  beforeEach(async () => {
    app = await buildConsoleApp();
    editor = await app.signInAs('bien-tap', 'editor');
  });
  afterEach(() => app.close());

  it('when user-supplied text holds markup, then every page shows it escaped', async () => {
    app.sim.addGroup({ groupId: 'g1', name: `Nhóm ${HOSTILE}` });
    await app.broadcast.directory.sync('test');
    const userId = app.sim.addUser({ displayName: HOSTILE, lastInteraction: app.clock.now() }).userId;
    app.residents.noteInteraction(userId, app.clock.now());
    app.handoffs.open({ userId, question: `Hỏi ${HOSTILE}`, lastAnswerId: null, now: app.clock.now() });
    logQuestion(app, `Câu hỏi ${HOSTILE}`, 'fallback', null, 'tien-thue-nha');
    const campaign = app.broadcast.campaigns.create(
      {
        title: `Tiêu đề ${HOSTILE}`,
        text: `Nội dung ${HOSTILE}`,
        audience: { groupIds: ['g1'] },
        schedule: { type: 'once', at: '2026-12-01T08:00' },
      },
      'bien-tap',
    );
    for (const path of [
      '/admin/groups',
      '/admin/inbox',
      '/admin/questions',
      '/admin/campaigns',
      `/admin/campaigns/${campaign.id}`,
      '/admin/campaigns/new',
    ]) {
      const res = await editor.get(path);
      expect(res.status, path).toBe(200);
      expect(res.text, path).not.toContain('<script>alert');
      expect(res.text, path).not.toContain('<img src=x');
    }
    expect((await editor.get('/admin/groups')).text).toContain(
      'Nhóm &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;',
    );
    expect((await editor.get('/admin/inbox')).text).toContain('Hỏi &lt;script&gt;');
    expect((await editor.get('/admin/questions')).text).toContain('Câu hỏi &lt;script&gt;');
    const dry = await editor.post(`/admin/campaigns/${campaign.id}/dry-run`);
    expect(dry.text).not.toContain('<script>alert');
  });

  it('when residents asked one question several ways, then it is one row with the nearest FAQ entry and a paste-ready snippet', async () => {
    logQuestion(app, 'hộ nghèo vay vốn làm nhà ở đâu', 'fallback', null, 'vay-von-lam-nha');
    logQuestion(app, 'vay von lam nha ho ngheo o dau a', 'suggestions', null, 'vay-von-lam-nha');
    logQuestion(app, 'Hộ nghèo vay vốn làm nhà ở đâu?', 'fallback', null, 'vay-von-lam-nha');
    logQuestion(app, 'giá vàng hôm nay', 'fallback', null);
    const page = await editor.get('/admin/questions');
    expect(page.text.match(/<section class="card">/g)).toHaveLength(2);
    expect(page.text).toContain('3 lượt hỏi');
    expect(page.text).toContain('Vay vốn làm nhà ở');
    expect(page.text).toContain('faq/02-nha-o.yaml');
    expect(page.text).toContain('      - &quot;vay von lam nha ho ngheo o dau a&quot;');
    expect(page.text).toContain('Không có mục hỏi đáp nào gần');

    const keys = [...new Set([...page.text.matchAll(/name="key" value="([0-9a-f]{16})"/g)].map((m) => m[1]!))];
    const first = page.text.slice(0, page.text.indexOf('giá vàng'));
    const clusterKeys = [...new Set([...first.matchAll(/name="key" value="([0-9a-f]{16})"/g)].map((m) => m[1]!))];
    expect(clusterKeys).toHaveLength(2);
    expect(keys).toHaveLength(3);
    expect((await editor.post('/admin/questions/handled', { key: clusterKeys, days: '30' })).status).toBe(303);
    const after = await editor.get('/admin/questions');
    expect(after.text).not.toContain('vay vốn làm nhà');
    expect(after.text).toContain('giá vàng hôm nay');
    expect(app.broadcast.audit.list()[0]).toMatchObject({
      actor: 'bien-tap',
      action: 'question.handle',
      details: { questions: 3 },
    });
  });

  it('when questions were asked, then the dashboard shows counts, rates and topics', async () => {
    logQuestion(app, 'hộ nghèo có thẻ bhyt không', 'answer', 'bhyt-ho-ngheo');
    logQuestion(app, 'thuê nhà', 'answer', 'tien-thue-nha');
    logQuestion(app, 'bhyt cận nghèo', 'suggestions', null, 'bhyt-can-ngheo');
    logQuestion(app, 'giá vàng', 'fallback', null);
    const page = await editor.get('/admin');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div class="value">4</div><div class="label">Câu hỏi</div>');
    expect(page.text).toContain('<div class="value">50%</div><div class="label">Trả lời được</div>');
    expect(page.text).toContain('<div class="value">25%</div><div class="label">Chưa trả lời được</div>');
    expect(page.text).toMatch(/<span>Bảo hiểm y tế<\/span><meter min="0" max="2" value="2">/);
  });

  it('when the yearly report is opened, then it lists questions by topic and hand-offs by month, also as CSV', async () => {
    logQuestion(app, 'hộ nghèo có thẻ bhyt không', 'answer', 'bhyt-ho-ngheo');
    logQuestion(app, 'thuê nhà', 'answer', 'tien-thue-nha');
    app.handoffs.open({ userId: 'u-9', question: null, lastAnswerId: null, now: app.clock.now() });
    const page = await editor.get('/admin/report?year=2026');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Báo cáo năm 2026');
    expect(page.text).toContain('Nhà ở và thuế');
    const csv = await editor.get('/admin/report/topics.csv?year=2026');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(
      await (
        await fetch(`${app.url}/admin/report/topics.csv?year=2026`, { headers: { cookie: editor.cookie! } })
      ).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text).toContain('"Bảo hiểm y tế","1"');
    const handoffs = await editor.get('/admin/report/handoffs.csv?year=2026');
    expect(handoffs.text).toContain('"Tháng 11","1","0"');
    expect((await editor.get('/admin/report/constructor.csv')).status).toBe(404);
  });

  it('when the content status page is opened, then it shows the live version and the checker’s findings', async () => {
    const page = await editor.get('/admin/content');
    expect(page.text).toContain(app.faq.status().version);
    const warnings = app.faq.status().diagnostics.length;
    expect(page.text).toContain(warnings === 0 ? 'không thấy lỗi hay cảnh báo' : app.faq.status().diagnostics[0]!.code);
  });

  it('when an editor edits a group’s metadata, then it is saved with normalised tags and audited', async () => {
    app.sim.addGroup({ groupId: 'g7', name: 'Xã Tây Sơn' });
    await editor.post('/admin/groups/sync');
    expect(
      (await editor.post('/admin/groups/g7', { kind: 'commune', unit: ' Xã Tây Sơn ', tags: 'Hộ Nghèo, thôn Tây,, ' }))
        .status,
    ).toBe(303);
    expect(app.broadcast.directory.get('g7')).toMatchObject({
      kind: 'commune',
      unit: 'Xã Tây Sơn',
      tags: ['hộ nghèo', 'thôn tây'],
    });
    expect(app.broadcast.audit.list()[0]).toMatchObject({ actor: 'bien-tap', action: 'group.update', groupId: 'g7' });
    const list = await editor.get('/admin/groups?kind=commune&tag=h%E1%BB%99%20ngh%C3%A8o');
    expect(list.text).toContain('Xã Tây Sơn');
  });
});
