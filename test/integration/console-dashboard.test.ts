import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuestionOutcome } from '../../src/bot/dialog/question-repository.js';
import { buildConsoleApp, type ConsoleTestApp } from '../helpers/build-console-app.js';

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
});
