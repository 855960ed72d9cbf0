import { describe, expect, it } from 'vitest';
import { createConversation } from '../../../src/bot/dialog/conversation.js';
import { createFaqDialog } from '../../../src/bot/dialog/create-faq-dialog.js';
import { createSilentLogger } from '../../../src/shared/logger.js';
import { NOW, t, useDialogFixture } from './dialog-test-kit.js';

describe('a dialog turn’s writes', () => {
  const fx = useDialogFixture();

  /** the dialog with a conversation whose last write of the turn (the bot's lines) fails */
  function dialogFailingAtTheEnd(sharedWriteLock: boolean) {
    const conversation = createConversation(fx.db, { keepText: true });
    const failing = {
      ...conversation,
      botSaid: () => {
        throw new Error('disk gone');
      },
    };
    return createFaqDialog({
      faq: fx.faq,
      db: fx.db,
      t,
      log: createSilentLogger(),
      conversation: failing,
      sharedWriteLock,
    });
  }
  const residentLines = () =>
    fx.db.prepare(`SELECT COUNT(*) FROM thread_messages WHERE user_id = 'u1' AND kind = 'resident'`).pluck().get();

  it('when a turn fails at its last write, then none of it is stored (one transaction), and the re-run records the message as new', async () => {
    const dialog = dialogFailingAtTheEnd(false);
    await expect(
      dialog.respond('u1', { kind: 'text', text: 'chuan ngheo la gi' }, NOW, { eventId: 7 }),
    ).rejects.toThrow('disk gone');
    expect(residentLines()).toBe(0);

    const rerun = createFaqDialog({ faq: fx.faq, db: fx.db, t, log: createSilentLogger() });
    const reply = await rerun.respond('u1', { kind: 'text', text: 'chuan ngheo la gi' }, NOW, { eventId: 7 });
    expect(reply.outcome).toMatchObject({ kind: 'answer', id: 'chuan-ngheo' });
    expect(residentLines()).toBe(1);
  });

  it('when another connection shares the write lock (the bot worker) and a turn fails at its last write, then its earlier writes stay, each committed alone', async () => {
    const dialog = dialogFailingAtTheEnd(true);
    await expect(
      dialog.respond('u1', { kind: 'text', text: 'chuan ngheo la gi' }, NOW, { eventId: 7 }),
    ).rejects.toThrow('disk gone');
    expect(residentLines()).toBe(1);
  });
});
