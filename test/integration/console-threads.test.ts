import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n/create-i18n.js';
import { buildConsoleApp, type ConsoleTestApp } from '../helpers/build-console-app.js';
import type { ConsoleClient } from '../helpers/console-client.js';

const BACK_TO_BOT = createI18n().getFixedT('vi', 'dialog')('handoff.backToBot');
const MINUTE = 60_000;

/**
 * Issue 11, officials' side over HTTP: the resident writes through signed webhooks from the
 * simulator, officials act with the console's buttons (POST + CSRF), each button refused to a
 * role that may not answer residents.
 */
describe('hand-off threads in the console', () => {
  let app: ConsoleTestApp;
  let editor: ConsoleClient;
  let userId: string;

  const say = async (text: string) => {
    await app.sim.sendUserText(userId, text);
    await app.settle();
  };
  const sent = () => app.sim.sentToUser(userId).map((m) => m.text);
  const thread = (path = '') => `/admin/inbox/t/${userId}${path}`;

  beforeEach(async () => {
    app = await buildConsoleApp();
    editor = await app.signInAs('can-bo-lan', 'editor');
    userId = app.sim.addUser({ displayName: 'Nguyễn Thị Hoa', lastInteraction: app.clock.now() }).userId;
    await say('gặp cán bộ');
    await say('Cho tôi hỏi về thẻ BHYT cho hộ cận nghèo');
    // the Zalo name lookup runs in the background in production
    app.residents.setDisplayName(userId, 'Nguyễn Thị Hoa');
  });
  afterEach(() => app.close());

  it('when a resident asks for a person, then the list shows the given name, waiting state, subject and the tab counts it', async () => {
    expect(app.conversation.stateOf(userId)).toBe('waiting');
    const list = (await editor.get('/admin/inbox')).text;
    expect(list).toContain('>Hoa</a>');
    expect(list).toContain('Đang chờ cán bộ');
    expect(list).toContain('Cho tôi hỏi về thẻ BHYT cho hộ cận nghèo');
    expect(list).toContain('Chưa ai nhận');
    expect(list).toMatch(/Hội thoại \(1\)/);
  });

  it('when an official takes and answers, then the resident’s next three messages are all in the thread, unread, and the bot says nothing', async () => {
    expect((await editor.post(thread('/take'))).status).toBe(303);
    expect(app.conversation.threads.get(userId)).toMatchObject({ state: 'official', assignedTo: 'can-bo-lan' });
    expect((await editor.post(thread('/reply'), { text: 'Chào chị, chị cần hỏi gì ạ?' })).status).toBe(303);
    const before = sent().length;
    for (const text of ['cảm ơn anh', 'cho tôi hỏi thêm', 'về hồ sơ rà soát']) await say(text);
    expect(sent()).toHaveLength(before);

    const list = (await editor.get('/admin/inbox')).text;
    expect(list).toContain('3 tin chưa đọc');
    expect(list).toMatch(/Hội thoại \(1\)/);
    const page = (await editor.get(thread())).text;
    for (const text of [
      'gặp cán bộ',
      'Chào chị, chị cần hỏi gì ạ?',
      'cảm ơn anh',
      'cho tôi hỏi thêm',
      'về hồ sơ rà soát',
    ])
      expect(page).toContain(text);
    expect(page.indexOf('cảm ơn anh')).toBeLessThan(page.indexOf('về hồ sơ rà soát'));
    expect(page).toContain('can-bo-lan (bảng điều khiển)');
    // opening it marked it read
    expect(app.conversation.threads.get(userId)!.unread).toBe(0);
    expect((await editor.get('/admin/inbox')).text).not.toMatch(/Hội thoại \(\d+\)/);
  });

  it('when an official replies from the OA chat, then the thread shows it as an OA-chat reply', async () => {
    await app.sim.emit({
      app_id: app.sim.appId,
      sender: { id: 'oa', admin_id: '4267886274574868951' },
      recipient: { id: userId },
      event_name: 'oa_send_text',
      message: { text: 'Chị lên xã sáng mai nhé', msg_id: 'oa-chat-1' },
      timestamp: String(app.clock.now()),
    } as never);
    await app.settle();
    const page = (await editor.get(thread())).text;
    expect(page).toContain('Chị lên xã sáng mai nhé');
    expect(page).toContain('(chat OA)');
    expect(app.conversation.stateOf(userId)).toBe('official');
  });

  it('when a thread is given to another official, then it is theirs; a viewer or an unknown account is refused', async () => {
    await app.addAccount('can-bo-minh', 'editor');
    await app.addAccount('nguoi-xem', 'viewer');
    expect((await editor.post(thread('/assign'), { to: 'nguoi-xem' })).status).toBe(400);
    expect((await editor.post(thread('/assign'), { to: 'khong-co' })).status).toBe(400);
    expect(app.conversation.threads.get(userId)!.assignedTo).toBeNull();
    expect((await editor.post(thread('/assign'), { to: 'can-bo-minh' })).status).toBe(303);
    expect(app.conversation.threads.get(userId)).toMatchObject({ state: 'official', assignedTo: 'can-bo-minh' });
    expect(app.broadcast.audit.list()[0]).toMatchObject({
      actor: 'can-bo-lan',
      action: 'handoff.assign',
      details: { to: 'can-bo-minh' },
    });
    expect((await editor.get(thread())).text).toContain('can-bo-lan → can-bo-minh nhận xử lý.');
  });

  it('when an official returns it to the bot twice, then the resident is told once and the bot answers the next question', async () => {
    await editor.post(thread('/take'));
    const [first, second] = [await editor.post(thread('/return')), await editor.post(thread('/return'))];
    expect([first.status, second.status]).toEqual([303, 409]);
    await app.settle();
    expect(sent().filter((t) => t === BACK_TO_BOT)).toHaveLength(1);
    expect(app.conversation.stateOf(userId)).toBe('bot');
    expect(app.broadcast.audit.list()[0]).toMatchObject({ actor: 'can-bo-lan', action: 'handoff.returned' });
    const before = sent().length;
    await say('menu');
    expect(sent().length).toBeGreaterThan(before);
    expect((await editor.get(thread())).text).toContain('can-bo-lan trả lại cho bot.');
  });

  it('when an official answers and marks it answered, then the history lists who answered and how long it took, searchable, and the report has the median', async () => {
    app.clock.advance(12 * MINUTE);
    await editor.post(thread('/reply'), { text: 'Chị mang CCCD lên xã nhé.' });
    expect((await editor.post(thread('/answered'))).status).toBe(303);
    await app.settle();
    expect(sent().at(-1)).toBe(BACK_TO_BOT);
    expect(app.handoffs.history()[0]).toMatchObject({ status: 'answered', answeredBy: 'can-bo-lan' });

    const history = (await editor.get('/admin/inbox/history')).text;
    expect(history).toContain('Hoa');
    expect(history).toContain('can-bo-lan');
    expect(history).toContain('12 phút');
    expect((await editor.get('/admin/inbox/history?q=BHYT')).text).toContain('can-bo-lan');
    expect((await editor.get('/admin/inbox/history?q=khong-co-ai')).text).toContain(
      'Không có hội thoại nào đã kết thúc khớp với tìm kiếm.',
    );
    const report = (await editor.get('/admin/report?year=2026')).text;
    expect(report).toContain('Thời gian trả lời trung vị');
    expect(report).toContain('12 phút');
  });

  it('when a viewer opens a thread or presses any button, then nothing changes: 403 for every action and the thread stays unread', async () => {
    const viewer = await app.signInAs('nguoi-xem', 'viewer');
    const unread = app.conversation.threads.get(userId)!.unread;
    expect(unread).toBeGreaterThan(0);
    const page = await viewer.get(thread());
    expect(page.status).toBe(200);
    expect(page.text).not.toContain(`${thread('/reply')}`);
    for (const path of ['/take', '/assign', '/reply', '/answered', '/return']) {
      expect((await viewer.post(thread(path), { to: 'nguoi-xem', text: 'x' })).status, path).toBe(403);
    }
    expect(app.conversation.threads.get(userId)).toMatchObject({ state: 'waiting', unread, assignedTo: null });
    expect(sent().filter((t) => t === BACK_TO_BOT)).toHaveLength(0);
  });

  it('when a form comes without its CSRF token, or names no thread, then it is refused and nothing changes', async () => {
    expect((await editor.post(thread('/take'), {}, { csrf: false })).status).toBe(403);
    expect(app.conversation.threads.get(userId)!.assignedTo).toBeNull();
    expect((await editor.post('/admin/inbox/t/999999/return')).status).toBe(404);
    expect((await editor.get('/admin/inbox/t/bad%20id')).status).toBe(404);
  });
});
