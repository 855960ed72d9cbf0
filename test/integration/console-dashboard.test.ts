import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuestionOutcome } from '../../src/bot/dialog/question-repository.js';
import { buildConsoleApp, type ConsoleTestApp } from '../helpers/build-console-app.js';
import { draftCampaign } from '../helpers/draft-campaign.js';

/** Issue 14 item 5: the dashboard's SVG chart, drill-down links, top unanswered questions, small talk explained. */
describe('a dashboard worth opening', () => {
  let app: ConsoleTestApp;
  beforeEach(async () => {
    app = await buildConsoleApp();
  });
  afterEach(() => app.close());

  function ask(text: string, outcome: QuestionOutcome) {
    app.questions.log({
      userId: 'u-1',
      text,
      keyText: text,
      outcome,
      nodeId: outcome === 'answer' ? 'bhyt-ho-ngheo' : null,
      score: 0.5,
      candidates: [],
      contentVersion: app.faq.status().version,
      now: app.clock.now(),
    });
  }

  it('when residents asked, then a labelled SVG chart links to the questions, the top unanswered are listed and small talk is explained', async () => {
    ask('hộ nghèo có thẻ bhyt không', 'answer');
    ask('giá vàng hôm nay', 'fallback');
    ask('giá vàng hôm nay', 'fallback');
    ask('xin chào', 'smalltalk');
    const viewer = await app.signInAs('xem', 'viewer');
    const page = (await viewer.get('/admin?days=7')).text;
    expect(page).toMatch(
      /<svg viewBox="0 0 360 160" role="img" aria-labelledby="questions-chart-title questions-chart-desc"/,
    );
    expect(page).toContain(
      '<title id="questions-chart-title">Câu hỏi theo ngày: trả lời được, gợi ý, chưa trả lời được</title>',
    );
    expect(page.match(/<rect class="series-0" x=/g)).toHaveLength(1);
    expect(page.match(/<rect class="series-2" x=/g)).toHaveLength(1);
    expect(page).toContain('Trả lời được 1, Gợi ý mục gần đúng 0, Chưa trả lời được 2');
    expect(page).toContain('<a class="card" href="/admin/questions?days=7">');
    expect(page).toMatch(
      /<li><a href="\/admin\/questions\?days=7&amp;q=[^"]+">giá vàng hôm nay<\/a> <span class="muted">\(2 lượt\)/,
    );
    expect(page).toContain('25% tin nhắn (1) là chào hỏi, cảm ơn hoặc chuyện ngoài lề');
    expect(page).not.toContain('bhyt-ho-ngheo');
  });

  it('when residents asked for an official, then a hand-off chart with the median response time links to the threads', async () => {
    const at = app.clock.now();
    app.handoffs.open({ userId: 'u-1', question: 'hỏi về thẻ', lastAnswerId: null, now: at });
    app.handoffs.open({ userId: 'u-2', question: 'hỏi về vay vốn', lastAnswerId: null, now: at });
    app.handoffs.open({ userId: 'u-3', question: 'hỏi về đất', lastAnswerId: null, now: at });
    app.handoffs.noteReply('u-1', 'can-bo', at + 10 * 60_000);
    app.handoffs.noteReply('u-2', 'can-bo', at + 30 * 60_000);
    const viewer = await app.signInAs('xem', 'viewer');
    const page = (await viewer.get('/admin?days=7')).text;
    expect(page).toContain('<a class="card" href="/admin/inbox"><h2>Yêu cầu gặp cán bộ theo ngày</h2>');
    expect(page).toContain(
      '<title id="handoffs-chart-title">Yêu cầu gặp cán bộ theo ngày: đã có cán bộ trả lời, chưa trả lời</title>',
    );
    expect(page).toContain('29/11: Đã có cán bộ trả lời 2, Chưa trả lời 1; thời gian trả lời trung vị 20 phút');
    expect(page).toContain('(trung vị của 2 yêu cầu đã trả lời): 20 phút.');
  });

  it('when a broadcast went out, then a sent / failed chart links to the campaigns of the period', async () => {
    app.sim.addGroup({ groupId: 'g1', name: 'Xã Đông Phú' });
    app.sim.addGroup({ groupId: 'g2', name: 'Xã Tam Dị' });
    const editor = await app.signInAs('bien-tap', 'editor');
    const approver = await app.signInAs('lanh-dao', 'approver');
    expect((await editor.post('/admin/groups/sync')).status).toBe(303);
    const detail = await draftCampaign(editor, 'Lịch tiêm chủng');
    app.sim.getGroup('g2')!.status = 'disabled';
    expect((await approver.post(`${detail}/approve`)).status).toBe(303);
    await app.broadcast.scheduler.tick();
    await app.broadcast.scheduler.tick();
    const page = (await approver.get('/admin?days=7')).text;
    expect(page).toContain(
      '<a class="card" href="/admin/campaigns?from=23/11/2026&amp;to=29/11/2026"><h2>Tin nhóm đã gửi theo ngày</h2>',
    );
    expect(page).toContain('29/11: Đã gửi 1, Lỗi 1');
    expect(page).toMatch(/<rect class="series-2" x=[^>]+><\/rect><\/g>/);
    const list = (await approver.get('/admin/campaigns?from=23/11/2026&to=29/11/2026')).text;
    expect(list).toContain('Lịch tiêm chủng');
  });

  it("when unanswered questions are near an entry, then the week's subjects are grouped with the entry title, never its id or score", async () => {
    for (const text of ['thẻ bhyt hộ nghèo làm ở đâu', 'làm thẻ bhyt hộ nghèo ở đâu ạ'])
      app.questions.log({
        userId: 'u-1',
        text,
        keyText: text,
        outcome: 'suggestions',
        nodeId: null,
        score: 0.41,
        candidates: [{ id: 'bhyt-ho-ngheo', score: 0.41 }],
        contentVersion: app.faq.status().version,
        now: app.clock.now(),
      });
    const viewer = await app.signInAs('xem', 'viewer');
    const page = (await viewer.get('/admin')).text;
    const title = app.faq.current().node('bhyt-ho-ngheo')!.title;
    expect(page).toContain('(2 lượt, 1 cách hỏi tương tự)');
    expect(page).toContain(`Mục hỏi đáp gần nhất: ${title}`);
    expect(page).not.toContain('bhyt-ho-ngheo');
    expect(page).not.toContain('0.41');
  });
});
