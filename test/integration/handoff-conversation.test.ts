import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConversation, type Conversation } from '../../src/bot/dialog/conversation.js';
import { createFaqDialog } from '../../src/bot/dialog/create-faq-dialog.js';
import { createHandoffNotifier } from '../../src/bot/dialog/handoff-notifier.js';
import { createHandoffJobs, type HandoffJobs } from '../../src/bot/dialog/start-handoff-jobs.js';
import { createFaqStore } from '../../src/faq/content/create-faq-store.js';
import type { FaqStore } from '../../src/faq/faq-types.js';
import { createI18n } from '../../src/i18n/create-i18n.js';
import { systemClock } from '../../src/shared/clock.js';
import { createSilentLogger } from '../../src/shared/logger.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';

const t = createI18n().getFixedT('vi');
const HOUR = 3_600_000;
const dayIn = (ms: number) => new Date(ms + 7 * HOUR).toISOString().slice(0, 10);

/** The dialog's content fixture plus a handoff.yaml: open every day all day, or a holiday around today. */
function contentDir(holidayToday: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-handoff-'));
  fs.cpSync('test/fixtures/content-dialog', dir, { recursive: true });
  const phrases = fs.readFileSync('content/handoff.yaml', 'utf8').split('\noffice_hours:')[0]!;
  const day = '[00:00-23:59]';
  const now = Date.now();
  const holiday = holidayToday
    ? `holidays:\n  - name: Tết thử\n    from: ${dayIn(now - 24 * HOUR)}\n    to: ${dayIn(now + 24 * HOUR)}\n`
    : '';
  const hours = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => `  ${d}: ${day}`).join('\n');
  fs.writeFileSync(path.join(dir, 'handoff.yaml'), `${phrases}\noffice_hours:\n${hours}\n${holiday}`);
  return dir;
}

interface Harness {
  app: TestApp;
  conversation: Conversation;
  jobs: HandoffJobs;
  groupId: string;
  faq: FaqStore;
}

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.jobs.stop(Date.now() + 10_000);
  await harness?.app.close();
  harness?.faq.close();
  harness = undefined;
});

/** The app with the real FAQ dialog, threads, the officials' group notice and the hand-off jobs. */
async function start(options: { holidayToday?: boolean } = {}): Promise<Harness> {
  const log = createSilentLogger();
  const faq = createFaqStore({ contentDir: contentDir(options.holidayToday ?? false), clock: systemClock, log });
  const h = { faq, groupId: 'g-officials' } as unknown as Harness;
  h.app = await buildTestApp({
    makeDialog: (db, { zalo, outbox, residents }) => {
      h.conversation = createConversation(db, { keepText: true });
      const notifier = createHandoffNotifier({
        db,
        conversation: h.conversation,
        residents,
        zalo,
        groupId: h.groupId,
        t,
        clock: systemClock,
        log,
      });
      h.jobs = createHandoffJobs({
        db,
        conversation: h.conversation,
        replies: outbox,
        notifier,
        quietMs: 24 * HOUR,
        t,
        clock: systemClock,
        log,
      });
      const dialog = createFaqDialog({ faq, db, t, log, conversation: h.conversation, onWaiting: notifier.onWaiting });
      return dialog;
    },
  });
  h.app.sim.addGroup({ groupId: h.groupId, name: 'Cán bộ xã' });
  harness = h;
  return h;
}

const residentTexts = (h: Harness, userId: string) =>
  h.conversation.threads
    .messages(userId)
    .filter((m) => m.kind === 'resident')
    .map((m) => m.text);

describe('hand-off as a conversation, through signed webhooks', () => {
  it('when a resident asks for a person and an official answers from the OA chat, then three more messages are all in the thread, unread, none answered by the bot, and one notice reached the group', async () => {
    const h = await start();
    const { sim } = h.app;
    const user = sim.addUser({ isFollower: true, displayName: 'Nguyễn Thị Lan' });
    await sim.sendUserText(user.userId, 'cho tôi gặp cán bộ với');
    await h.app.settle();
    const ack = sim.sentToUser(user.userId);
    expect(ack).toHaveLength(1);
    expect(ack[0]!.text).toContain(t('dialog:handoff.opened', { when: t('dialog:handoffReply.today') }));
    await sim.sendUserText(user.userId, 'về thẻ bảo hiểm y tế của mẹ tôi');
    await h.app.settle();
    expect(sim.sentToUser(user.userId)).toHaveLength(1);
    expect(h.conversation.handoffs.openOf(user.userId)?.subject).toBe('về thẻ bảo hiểm y tế của mẹ tôi');
    await h.jobs.runOnce();

    await sim.emit(sim.events.oaSend('text', user.userId, { adminId: 'admin-7', text: 'Chào chị, tôi là cán bộ xã' }));
    await h.app.settle();
    expect(h.conversation.stateOf(user.userId)).toBe('official');
    for (const text of ['cảm ơn anh', 'cho tôi hỏi thêm', 'mẹ tôi 70 tuổi']) await sim.sendUserText(user.userId, text);
    await h.app.settle();
    await h.jobs.runOnce();

    expect(sim.sentToUser(user.userId)).toHaveLength(1);
    expect(residentTexts(h, user.userId).slice(-3)).toEqual(['cảm ơn anh', 'cho tôi hỏi thêm', 'mẹ tôi 70 tuổi']);
    expect(h.conversation.threads.get(user.userId)).toMatchObject({ unread: 3, assignedTo: 'zalo:admin-7' });
    const official = h.conversation.threads.messages(user.userId).filter((m) => m.kind === 'official');
    expect(official.map((m) => m.text)).toEqual(['Chào chị, tôi là cán bộ xã']);
    const notices = sim.sentToGroup(h.groupId);
    expect(notices.map((m) => m.text)).toEqual([
      t('dialog:handoffReply.notice', { name: 'Lan', topic: 'về thẻ bảo hiểm y tế của mẹ tôi' }),
    ]);

    h.conversation.finish(user.userId, 'answered', 'can-bo-xa', Date.now());
    await sim.sendUserText(user.userId, 'chuan ngheo la gi');
    await h.app.settle();
    expect(sim.sentToUser(user.userId)).toHaveLength(2);
    expect(h.conversation.stateOf(user.userId)).toBe('bot');

    await sim.sendUserText(user.userId, 'gặp cán bộ');
    await h.app.settle();
    await h.jobs.runOnce(Date.now() + 10 * 60_000);
    expect(sim.sentToGroup(h.groupId)).toHaveLength(1);
  });

  it('when a resident sends 30 messages in a minute, then every one is in the thread and the bot went quiet after one notice', async () => {
    const h = await start();
    const { sim } = h.app;
    const user = sim.addUser({ isFollower: true });
    for (let i = 1; i <= 30; i++) await sim.sendUserText(user.userId, `câu hỏi số ${i} về hộ nghèo`);
    await h.app.settle();
    expect(residentTexts(h, user.userId)).toHaveLength(30);
    const sent = sim.sentToUser(user.userId).map((m) => m.text);
    expect(sent).toHaveLength(21);
    expect(sent.at(-1)).toBe(t('dialog:flood'));
    expect(h.conversation.threads.get(user.userId)).toMatchObject({ unread: 10 });
    expect(h.conversation.threads.get(user.userId)?.floodLimitedAt).not.toBeNull();
  });

  it('when it is a public holiday, then the acknowledgement names it and when officials are back', async () => {
    const h = await start({ holidayToday: true });
    const { sim } = h.app;
    const user = sim.addUser({ isFollower: true });
    await sim.sendUserText(user.userId, 'ad ơi trả lời giúp em');
    await h.app.settle();
    const back = dayIn(Date.now() + 48 * HOUR);
    const date = `${back.slice(8, 10)}/${back.slice(5, 7)}`;
    expect(sim.sentToUser(user.userId)[0]!.text).toContain(`sau kỳ nghỉ Tết thử, từ 0:00`);
    expect(sim.sentToUser(user.userId)[0]!.text).toContain(date);
  });

  it('when no official writes for the quiet period, then the thread returns to the bot and the resident is told once', async () => {
    const h = await start();
    const { sim } = h.app;
    const user = sim.addUser({ isFollower: true });
    await sim.sendUserText(user.userId, 'menu');
    await sim.emit(sim.events.oaSend('text', user.userId, { adminId: 'admin-7', text: 'Chào anh' }));
    await h.app.settle();
    expect(h.conversation.stateOf(user.userId)).toBe('official');
    await h.jobs.runOnce(Date.now() + 23 * HOUR);
    expect(h.conversation.stateOf(user.userId)).toBe('official');
    await h.jobs.runOnce(Date.now() + 25 * HOUR);
    await h.jobs.runOnce(Date.now() + 26 * HOUR);
    await h.app.settle();
    expect(h.conversation.stateOf(user.userId)).toBe('bot');
    expect(
      sim
        .sentToUser(user.userId)
        .map((m) => m.text)
        .slice(1),
    ).toEqual([t('dialog:handoff.backToBot')]);
  });

  it("when the bot's own replies echo back, then they are never taken for an official's", async () => {
    const h = await start();
    const { sim } = h.app;
    sim.setAutoEcho(true);
    const user = sim.addUser({ isFollower: true });
    await sim.sendUserText(user.userId, 'menu');
    await h.app.settle();
    await sim.sendUserText(user.userId, 'chuan ngheo la gi');
    await h.app.settle();
    expect(h.conversation.stateOf(user.userId)).toBe('bot');
    expect(sim.sentToUser(user.userId)).toHaveLength(2);
    expect(h.conversation.threads.messages(user.userId).filter((m) => m.kind === 'official')).toEqual([]);
  });

  it('when a resident withdraws, then their thread, its messages and the notices naming them are erased', async () => {
    const h = await start();
    const { sim } = h.app;
    const user = sim.addUser({ isFollower: true, displayName: 'Trần Văn Nam' });
    await sim.sendUserText(user.userId, 'cho tôi gặp cán bộ');
    await h.app.settle();
    await h.jobs.runOnce(Date.now() + 5 * 60_000);
    expect(sim.sentToGroup(h.groupId)).toHaveLength(1);
    await sim.emit(sim.events.userWithdraw(user.userId));
    await h.app.settle();
    for (const table of ['threads', 'thread_messages', 'handoff_notices']) {
      expect(h.app.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE user_id = ?`).get(user.userId), table).toEqual({
        n: 0,
      });
    }
  });
});
