import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n/create-i18n.js';
import { createResidentProfiles } from '../../src/bot/resident-profiles.js';
import { buildConsoleApp, TEST_PASSWORD, type ConsoleTestApp } from '../helpers/build-console-app.js';
import type { ConsoleClient } from '../helpers/console-client.js';

const DAY = 24 * 3600_000;
const BACK_TO_BOT = createI18n().getFixedT('vi', 'dialog')('handoff.backToBot');

describe('hand-off inbox', () => {
  let app: ConsoleTestApp;
  let editor: ConsoleClient;
  let userId: string;
  let handoffId: number;

  beforeEach(async () => {
    app = await buildConsoleApp();
    editor = await app.signInAs('can-bo', 'editor');
    const now = app.clock.now();
    userId = app.sim.addUser({ displayName: 'Chị Lan', lastInteraction: now }).userId;
    app.residents.noteInteraction(userId, now);
    handoffId = app.handoffs.open({
      userId,
      question: 'Nhà tôi có được làm lại sổ hộ nghèo không?',
      lastAnswerId: 'bhyt-ho-ngheo',
      now,
    }).handoff.id;
  });
  afterEach(() => app.close());

  it('when an official opens the inbox, then the request, the reply window and a link to the thread are shown', async () => {
    const page = await editor.get('/admin/inbox');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Nhà tôi có được làm lại sổ hộ nghèo không?');
    expect(page.text).toContain('Đang chờ cán bộ');
    expect(page.text).toContain('Có thể trả lời đến');
    expect(page.text).toContain(`/admin/inbox/t/${userId}`);
    expect(page.text).not.toContain('Bot chưa trả lời câu nào');
  });

  it('when the resident’s Zalo name was fetched, then the list shows the given name and the thread the full name, escaped', async () => {
    expect((await editor.get('/admin/inbox')).text).toContain('Người dân #');
    app.sim.updateUser(userId, { displayName: 'Chị Lan <b>Hà</b>' });
    const profiles = createResidentProfiles({
      zalo: app.zalo,
      residents: app.residents,
      clock: app.clock,
      log: app.logs.log,
    });
    profiles.refresh(userId);
    await profiles.whenIdle();

    const list = (await editor.get('/admin/inbox')).text;
    expect(list).toContain('&lt;b&gt;Hà&lt;/b&gt;');
    expect(list).not.toContain('<b>Hà</b>');
    expect(list).not.toContain('Người dân #');
    expect((await editor.get(`/admin/inbox/t/${userId}`)).text).toContain('Chị Lan &lt;b&gt;Hà&lt;/b&gt;');
  });

  it('when an editor replies, then the resident receives it 1:1, the thread records it and it is audited', async () => {
    const res = await editor.post(`/admin/inbox/${handoffId}/reply`, {
      text: 'Chào chị, chị mang CCCD lên UBND xã nhé.',
    });
    expect(res.status).toBe(303);
    expect(app.sim.sentToUser(userId).map((m) => m.text)).toEqual(['Chào chị, chị mang CCCD lên UBND xã nhé.']);
    expect(app.handoffs.get(handoffId)).toMatchObject({ status: 'open', answeredBy: 'can-bo' });
    expect(app.conversation.threads.get(userId)).toMatchObject({ state: 'official', assignedTo: 'can-bo' });
    expect(app.broadcast.audit.list()[0]).toMatchObject({
      actor: 'can-bo',
      action: 'handoff.reply',
      details: { handoffId },
    });
    const thread = (await editor.get(`/admin/inbox/t/${userId}`)).text;
    expect(thread).toContain('Chào chị, chị mang CCCD lên UBND xã nhé.');
    expect(thread).toContain('can-bo (bảng điều khiển)');
  });

  it('when the reply form is submitted twice at once, then the resident receives the reply once', async () => {
    app.sim.injectFault({ path: '/v3.0/oa/message/cs', latencyMs: 300 });
    const [first, second] = await Promise.all([
      editor.post(`/admin/inbox/${handoffId}/reply`, { text: 'Chị mang CCCD lên xã nhé.' }),
      editor.post(`/admin/inbox/${handoffId}/reply`, { text: 'Chị mang CCCD lên xã nhé.' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([303, 409]);
    expect(app.sim.sentToUser(userId)).toHaveLength(1);
  });

  it('when less than a day of the 7-day window is left, then the inbox warns', async () => {
    app.clock.advance(6 * DAY + 2 * 3600_000);
    await editor.signIn('can-bo', TEST_PASSWORD);
    expect((await editor.get('/admin/inbox')).text).toContain('Sắp hết hạn trả lời');
  });

  it('when the 7-day window has closed, then the inbox says so and a reply is refused without calling Zalo', async () => {
    app.clock.advance(7 * DAY + 60_000);
    await editor.signIn('can-bo', TEST_PASSWORD);
    const page = await editor.get('/admin/inbox');
    expect(page.text).toContain('Đã quá 7 ngày');
    expect(page.text).not.toContain(`/admin/inbox/${handoffId}/reply`);
    const res = await editor.post(`/admin/inbox/${handoffId}/reply`, { text: 'Muộn rồi' });
    expect(res.status).toBe(409);
    expect(app.sim.sentToUser(userId)).toHaveLength(0);
    expect(app.handoffs.get(handoffId)!.status).toBe('open');
  });

  it('when Zalo refuses the message, then the official sees why, the text is kept and the request stays open', async () => {
    app.sim.updateUser(userId, { banned: true });
    const res = await editor.post(`/admin/inbox/${handoffId}/reply`, { text: 'Thử gửi' });
    expect(res.status).toBe(502);
    expect(res.text).toContain('Zalo không nhận tin');
    expect(res.text).toContain('Thử gửi');
    expect(app.handoffs.get(handoffId)!.status).toBe('open');
  });

  it('when the reply is empty, then it is refused with 400 and nothing is sent', async () => {
    expect((await editor.post(`/admin/inbox/${handoffId}/reply`, { text: '   ' })).status).toBe(400);
    expect(app.sim.sentToUser(userId)).toHaveLength(0);
  });

  it('when an editor closes a request, then it leaves the inbox, the resident is told once and the close is audited', async () => {
    expect((await editor.post(`/admin/inbox/${handoffId}/close`)).status).toBe(303);
    expect(app.handoffs.get(handoffId)!.status).toBe('closed');
    expect(app.broadcast.audit.list()[0]).toMatchObject({ actor: 'can-bo', action: 'handoff.returned' });
    await app.settle();
    expect(app.sim.sentToUser(userId).map((m) => m.text)).toEqual([BACK_TO_BOT]);
    expect((await editor.get('/admin/inbox')).text).not.toContain('Nhà tôi có được làm lại sổ hộ nghèo không?');
  });
});
