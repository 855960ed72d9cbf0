import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFaqDialog } from '../../src/bot/dialog/create-faq-dialog.js';
import type { Dialog, OutgoingMessage } from '../../src/bot/dialog.js';
import { SANDBOX_ZALO } from '../../src/config/parse-config.js';
import { createFaqStore, type ReloadableFaqStore } from '../../src/faq/content/create-faq-store.js';
import { createI18n } from '../../src/i18n/create-i18n.js';
import { systemClock } from '../../src/shared/clock.js';
import { createSilentLogger } from '../../src/shared/logger.js';
import { openDatabase, type Db } from '../../src/storage/open-database.js';
import { createZaloSimulator, type ZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';

const CS_PATH = '/v3.0/oa/message/cs';
/** the Zalo client tries a transient failure 4 times; one more fault outlasts its retries */
const CLIENT_ATTEMPTS = 4;
const FIXTURE_DIR = path.resolve('test/fixtures/content-dialog');

/** Answers each text with `echo <text>` (or the given messages) and records every input it was asked. */
function createEchoDialog(messagesFor: (text: string) => OutgoingMessage[] = (text) => [{ text: `echo ${text}` }]) {
  const asked: string[] = [];
  const dialog: Dialog = {
    async respond(_userId, input) {
      const text = input.kind === 'text' ? input.text : input.kind;
      asked.push(text);
      return { messages: messagesFor(text), outcome: { kind: 'answer' } };
    },
    noteHumanReply() {},
  };
  return { dialog, asked };
}

/** The real FAQ dialog over the test content, counting its turns. */
function createCountingFaqDialog(faq: ReloadableFaqStore, db: Db) {
  const inner = createFaqDialog({ faq, db, t: createI18n().getFixedT('vi'), log: createSilentLogger() });
  let turns = 0;
  const dialog: Dialog = {
    respond(userId, input, now) {
      turns += 1;
      return inner.respond(userId, input, now);
    },
    noteHumanReply: (userId, now) => inner.noteHumanReply(userId, now),
  };
  return { dialog, turns: () => turns };
}

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startApp(options: Parameters<typeof buildTestApp>[0]): Promise<TestApp> {
  const app = await buildTestApp(options);
  let closed = false;
  cleanups.push(async () => {
    if (!closed) await app.close();
  });
  const close = app.close;
  app.close = async () => {
    closed = true;
    await close();
  };
  return app;
}

async function startSimulator(): Promise<{ sim: ZaloSimulator; url: string }> {
  const sim = createZaloSimulator({ ...SANDBOX_ZALO });
  const { url } = await sim.listen();
  cleanups.push(() => sim.close());
  return { sim, url };
}

function tempDbFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-outbox-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'loa-xa.sqlite');
}

/** The FAQ content, and what one "1" and a second "1" show a new resident (from a separate dialog). */
function openFaq() {
  const faq = createFaqStore({ contentDir: FIXTURE_DIR, clock: systemClock, log: createSilentLogger(), watch: false });
  cleanups.push(() => faq.close());
  return faq;
}

async function oneAndTwiceOne(faq: ReloadableFaqStore): Promise<{ once: string; twice: string }> {
  const db = openDatabase(':memory:');
  const oracle = createFaqDialog({ faq, db, t: createI18n().getFixedT('vi'), log: createSilentLogger() });
  const first = await oracle.respond('oracle', { kind: 'text', text: '1' }, Date.now());
  const second = await oracle.respond('oracle', { kind: 'text', text: '1' }, Date.now());
  db.close();
  return { once: first.messages[0]!.text, twice: second.messages[0]!.text };
}

function outboxRows(app: TestApp, userId: string) {
  return app.db
    .prepare('SELECT status, attempts, last_error AS lastError, text FROM reply_outbox WHERE user_id = ? ORDER BY id')
    .all(userId) as Array<{ status: string; attempts: number; lastError: string | null; text: string }>;
}

const csRequests = (sim: ZaloSimulator) => sim.requests.filter((r) => r.path === CS_PATH).length;

describe('reply outbox', () => {
  it('when Zalo refuses for now (-200) through all of the client’s retries, then the reply is kept and delivered once, in order, before the resident’s next reply', async () => {
    const echo = createEchoDialog();
    const app = await startApp({ dialog: echo.dialog });
    const user = app.sim.addUser({ isFollower: true });
    app.sim.injectFault({ path: CS_PATH, code: -200, times: CLIENT_ATTEMPTS });

    await app.sim.sendUserText(user.userId, 'câu một');
    await app.settle();
    expect(app.sim.sentToUser(user.userId)).toEqual([]);
    expect(outboxRows(app, user.userId)).toEqual([
      { status: 'pending', attempts: 1, lastError: expect.stringMatching(/^-200/), text: 'echo câu một' },
    ]);
    expect(app.inbox.stats()).toMatchObject({ pending: 0, failed: 0 });

    await app.sim.sendUserText(user.userId, 'câu hai');
    await app.settle();

    expect(app.sim.sentToUser(user.userId).map((m) => m.text)).toEqual(['echo câu một', 'echo câu hai']);
    expect(echo.asked).toEqual(['câu một', 'câu hai']);
    expect(outboxRows(app, user.userId).map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 2],
      ['sent', 1],
    ]);
    expect(csRequests(app.sim)).toBe(CLIENT_ATTEMPTS + 2);
  });

  it('when the backoff comes due, then the held reply is sent by the timer without running the dialog again: a "1" shows one topic', async () => {
    const faq = openFaq();
    const expected = await oneAndTwiceOne(faq);
    expect(expected.twice).not.toBe(expected.once);
    const dbFile = tempDbFile();
    const db = openDatabase(dbFile);
    cleanups.push(() => db.close());
    const faqDialog = createCountingFaqDialog(faq, db);
    const app = await startApp({ dbFile, dialog: faqDialog.dialog, replyRetry: { retryBaseMs: 20 } });
    const user = app.sim.addUser({ isFollower: true });
    app.sim.injectFault({ path: CS_PATH, code: -200, times: CLIENT_ATTEMPTS });

    await app.sim.sendUserText(user.userId, '1');
    await app.settle();
    await vi.waitFor(() => expect(app.sim.sentToUser(user.userId)).toHaveLength(1), { timeout: 10_000, interval: 20 });
    await app.settle();

    expect(app.sim.sentToUser(user.userId).map((m) => m.text)).toEqual([expected.once]);
    expect(faqDialog.turns()).toBe(1);
    expect(outboxRows(app, user.userId).map((r) => [r.status, r.attempts])).toEqual([['sent', 2]]);
    expect(app.logs.lines()).toContainEqual(
      expect.objectContaining({ level: 40, code: '-200', msg: expect.stringMatching(/will retry/) }),
    );
  });

  it('when the process stops after a reply was stored but before it was sent, then the restarted app sends it once', async () => {
    const simulator = await startSimulator();
    const dbFile = tempDbFile();
    const echo = createEchoDialog();
    const user = simulator.sim.addUser({ isFollower: true });
    const crashed = await startApp({ dbFile, simulator, dialog: echo.dialog, startOutbox: false });

    await simulator.sim.sendUserText(user.userId, 'câu hỏi');
    await crashed.settle();
    const stored = outboxRows(crashed, user.userId);
    await crashed.close();
    const before = simulator.sim.sentToUser(user.userId).length;
    const restarted = await startApp({ dbFile, simulator, dialog: echo.dialog });
    await restarted.settle();

    expect(stored.map((r) => r.status)).toEqual(['pending']);
    expect(before).toBe(0);
    expect(simulator.sim.sentToUser(user.userId).map((m) => m.text)).toEqual(['echo câu hỏi']);
    expect(echo.asked).toEqual(['câu hỏi']);
    expect(outboxRows(restarted, user.userId).map((r) => r.status)).toEqual(['sent']);
  });

  it('when the process stops after the replies were stored but before the event was marked done, then the restarted app does not run the dialog again: a "1" shows one topic', async () => {
    const faq = openFaq();
    const expected = await oneAndTwiceOne(faq);
    const simulator = await startSimulator();
    const dbFile = tempDbFile();
    const db = openDatabase(dbFile);
    cleanups.push(() => db.close());
    const faqDialog = createCountingFaqDialog(faq, db);
    const user = simulator.sim.addUser({ isFollower: true });
    const crashed = await startApp({ dbFile, simulator, dialog: faqDialog.dialog, startOutbox: false });

    await simulator.sim.sendUserText(user.userId, '1');
    await crashed.settle();
    // the crash lands between the outbox write and marking the event done: the event is pending again
    crashed.db.prepare(`UPDATE inbox_events SET status = 'pending', processed_at = NULL, attempts = 0`).run();
    await crashed.close();
    const restarted = await startApp({ dbFile, simulator, dialog: faqDialog.dialog });
    await restarted.settle();

    expect(simulator.sim.sentToUser(user.userId).map((m) => m.text)).toEqual([expected.once]);
    expect(faqDialog.turns()).toBe(1);
    expect(restarted.inbox.stats()).toMatchObject({ pending: 0, failed: 0, done: 1 });
    expect(restarted.logs.lines()).toContainEqual(
      expect.objectContaining({ msg: expect.stringMatching(/already answered/) }),
    );
  });

  it('when Zalo refuses a reply for good (-230), then that row fails at once, without a retry, and the next message still goes out', async () => {
    const echo = createEchoDialog((text) => [{ text: `${text}: phần một` }, { text: `${text}: phần hai` }]);
    const app = await startApp({ dialog: echo.dialog });
    const user = app.sim.addUser({ isFollower: true });
    app.sim.injectFault({ path: CS_PATH, code: -230, times: 1 });

    await app.sim.sendUserText(user.userId, 'hỏi');
    await app.settle();

    expect(outboxRows(app, user.userId).map((r) => [r.status, r.attempts, r.lastError?.split(':')[0] ?? null])).toEqual(
      [
        ['failed', 1, '-230'],
        ['sent', 1, null],
      ],
    );
    expect(app.sim.sentToUser(user.userId).map((m) => m.text)).toEqual(['hỏi: phần hai']);
    expect(csRequests(app.sim)).toBe(2);
    expect(app.logs.lines()).toContainEqual(
      expect.objectContaining({ level: 50, code: '-230', msg: expect.stringMatching(/^reply not sent/) }),
    );
  });

  it('when a reply cannot be sent before its max age, then it is given up with the hint and the resident’s next reply goes out', async () => {
    const echo = createEchoDialog();
    const app = await startApp({ dialog: echo.dialog, replyRetry: { retryBaseMs: 60_000, maxAgeMs: 30_000 } });
    const user = app.sim.addUser({ isFollower: true });
    app.sim.injectFault({ path: CS_PATH, code: -200, times: CLIENT_ATTEMPTS });

    await app.sim.sendUserText(user.userId, 'một');
    await app.settle();
    await app.sim.sendUserText(user.userId, 'hai');
    await app.settle();

    expect(outboxRows(app, user.userId).map((r) => [r.status, r.attempts])).toEqual([
      ['failed', 1],
      ['sent', 1],
    ]);
    expect(app.sim.sentToUser(user.userId).map((m) => m.text)).toEqual(['echo hai']);
    expect(app.logs.lines()).toContainEqual(
      expect.objectContaining({
        level: 50,
        code: '-200',
        hint: expect.any(String),
        msg: expect.stringMatching(/gave up after the max age/),
      }),
    );
  });

  it('when the app stops while a held reply is being retried, then that send finishes and is recorded before the database closes', async () => {
    const echo = createEchoDialog();
    const app = await startApp({ dialog: echo.dialog, replyRetry: { retryBaseMs: 20 } });
    const user = app.sim.addUser({ isFollower: true });
    app.sim.injectFault({ path: CS_PATH, code: -200, times: CLIENT_ATTEMPTS });
    // the timer's retry is held by Zalo for a while, then accepted
    app.sim.injectFault({ path: CS_PATH, latencyMs: 300, times: 1 });

    await app.sim.sendUserText(user.userId, 'câu hỏi');
    await app.settle();
    await vi.waitFor(() => expect(csRequests(app.sim)).toBe(CLIENT_ATTEMPTS + 1), { timeout: 10_000, interval: 5 });
    const inFlight = app.sim.sentToUser(user.userId).length;
    await app.close();

    const db = openDatabase(app.dbFile);
    cleanups.push(() => db.close());
    expect(inFlight).toBe(0);
    expect(app.sim.sentToUser(user.userId).map((m) => m.text)).toEqual(['echo câu hỏi']);
    expect(db.prepare('SELECT status, attempts FROM reply_outbox').all()).toEqual([{ status: 'sent', attempts: 2 }]);
  });

  it('when a long reply is stored, then it is split into Zalo-sized parts sent in order, with the buttons on the last', async () => {
    const paragraph = 'Hộ nghèo được hỗ trợ bảo hiểm y tế và vay vốn ưu đãi. '.repeat(30).trim();
    const long = `${paragraph}\n\n${paragraph}`;
    const echo = createEchoDialog(() => [{ text: long, buttons: [{ title: 'Quay lại', payload: '#menu' }] }]);
    const app = await startApp({ dialog: echo.dialog });
    const user = app.sim.addUser({ isFollower: true });

    await app.sim.sendUserText(user.userId, 'dài');
    await app.settle();

    const sent = app.sim.sentToUser(user.userId);
    expect(sent.map((m) => m.text)).toEqual([paragraph, paragraph]);
    expect(sent.map((m) => (m.buttons ?? []).map((b) => b.title))).toEqual([[], ['Quay lại']]);
    expect(app.db.prepare('SELECT seq FROM reply_outbox ORDER BY id').all()).toEqual([{ seq: 0 }, { seq: 1 }]);
  });
});
