import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dialog } from '../../src/bot/dialog.js';
import { createFaqDialog } from '../../src/bot/dialog/create-faq-dialog.js';
import { createFaqStore } from '../../src/faq/content/create-faq-store.js';
import { createI18n } from '../../src/i18n/create-i18n.js';
import { systemClock } from '../../src/shared/clock.js';
import { createSilentLogger } from '../../src/shared/logger.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';

const CONTENT_DIR = path.resolve(import.meta.dirname, '../../content');

/** The real FAQ dialog over the project's content (on the app's own database), timing each turn. */
function timedFaqDialog() {
  const faq = createFaqStore({ contentDir: CONTENT_DIR, clock: systemClock, log: createSilentLogger(), watch: false });
  let inner: Dialog | undefined;
  const turnsMs: number[] = [];
  const dialog: Dialog = {
    async respond(userId, input, now) {
      const started = performance.now();
      const reply = await inner!.respond(userId, input, now);
      turnsMs.push(performance.now() - started);
      return reply;
    },
    noteHumanReply: (userId, now) => inner!.noteHumanReply(userId, now),
  };
  return {
    dialog,
    turnsMs,
    faq,
    attach(app: TestApp) {
      inner = createFaqDialog({ faq, db: app.db, t: createI18n().getFixedT('vi'), log: createSilentLogger() });
    },
  };
}

describe('pathological resident texts through the webhook', () => {
  let app: TestApp | undefined;
  let close = (): void => {};
  afterEach(async () => {
    await app?.close();
    close();
    app = undefined;
  });

  it('when a resident sends a 60,000-letter word and then 42,000 characters of words, then each is matched in well under a second, answered, and kept whole for officials', async () => {
    const timed = timedFaqDialog();
    close = () => timed.faq.close();
    app = await buildTestApp({ dialog: timed.dialog });
    timed.attach(app);
    const user = app.sim.addUser({ isFollower: true });
    const word = 'a'.repeat(60_000);
    const words = 'hộ nghèo được hỗ trợ những gì '.repeat(1_400).trim();

    for (const text of [word, words]) expect((await app.sim.sendUserText(user.userId, text)).status).toBe(200);
    await app.settle();

    expect(app.sim.sentToUser(user.userId)).toHaveLength(2);
    expect(timed.turnsMs).toHaveLength(2);
    for (const ms of timed.turnsMs) expect(ms).toBeLessThan(1_000);
    const stored = app.db.prepare('SELECT text FROM questions ORDER BY id').all() as Array<{ text: string }>;
    expect(stored.map((q) => q.text)).toEqual([word, words]);
  });
});
