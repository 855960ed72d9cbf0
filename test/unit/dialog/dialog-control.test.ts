import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConversation } from '../../../src/bot/dialog/conversation.js';
import { createHandoffRepository } from '../../../src/bot/dialog/handoff-repository.js';
import { createQuestionRepository } from '../../../src/bot/dialog/question-repository.js';
import type { FaqStore } from '../../../src/faq/faq-types.js';
import { deleteUserData } from '../../../src/storage/delete-user-data.js';
import {
  converse,
  FIXTURE_DIR,
  makeDialog,
  MINUTE,
  NOW,
  openStore,
  t,
  textOf,
  useDialogFixture,
} from './dialog-test-kit.js';

describe('FAQ dialog hand-off, human takeover, flood limit and content changes', () => {
  const fx = useDialogFixture();

  it('when a resident asks for an official after a question, then one open hand-off carries that question and they are told when to expect an answer', async () => {
    const chat = converse(makeDialog(fx.faq, fx.db));
    await chat.say('chuan ngheo la gi');
    chat.advance(MINUTE);
    const first = await chat.say('gặp cán bộ');
    expect(first.outcome).toEqual({ kind: 'handoff' });
    const when = t('dialog:handoff.officeHours');
    expect(textOf(first)).toBe(`${t('dialog:handoff.opened', { when })}\n\n${t('dialog:handoff.meanwhile')}`);
    expect(textOf(first)).toContain('trong giờ hành chính');
    const second = await chat.say('gap can bo');
    expect(textOf(second)).toBe(t('dialog:handoff.alreadyOpen', { when }));
    const handoffs = createHandoffRepository(fx.db);
    const open = handoffs.listOpen();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      userId: 'u-1001',
      question: 'chuan ngheo la gi',
      lastAnswerId: 'chuan-ngheo',
      status: 'open',
    });
  });

  it('when a resident asks for an official before any question, then they are asked to type it and their next question is attached', async () => {
    const chat = converse(makeDialog(fx.faq, fx.db));
    const reply = await chat.say('cán bộ');
    expect(textOf(reply)).toContain(t('dialog:handoff.askQuestion'));
    await chat.say('Nhà tôi bị sập mái thì được hỗ trợ gì?');
    const [handoff] = createHandoffRepository(fx.db).listOpen();
    expect(handoff).toMatchObject({ question: 'Nhà tôi bị sập mái thì được hỗ trợ gì?', lastAnswerId: null });
  });

  it('when an official answered the hand-off, then a new request opens a new one', async () => {
    const chat = converse(makeDialog(fx.faq, fx.db));
    await chat.say('gặp cán bộ');
    const handoffs = createHandoffRepository(fx.db);
    const [first] = handoffs.listOpen();
    expect(handoffs.markAnswered(first!.id, 'can-bo-xa', NOW + MINUTE)).toBe(true);
    expect(handoffs.markAnswered(first!.id, 'can-bo-xa', NOW + MINUTE)).toBe(false);
    expect(handoffs.get(first!.id)).toMatchObject({
      status: 'answered',
      answeredBy: 'can-bo-xa',
      answeredAt: NOW + MINUTE,
    });
    expect(textOf(await chat.say('gặp cán bộ'))).toContain(
      t('dialog:handoff.opened', { when: t('dialog:handoff.officeHours') }),
    );
    expect(handoffs.listOpen().map((h) => h.id)).not.toContain(first!.id);
    expect(handoffs.listOpen()).toHaveLength(1);
  });

  it('when an official writes to a resident, then the bot is silent for the quiet period except for "menu", which resumes it', async () => {
    const dialog = makeDialog(fx.faq, fx.db, { humanQuietMs: 30 * MINUTE });
    const chat = converse(dialog);
    dialog.noteHumanReply('u-1001', chat.now);
    chat.advance(10 * MINUTE);
    expect(await chat.say('chuan ngheo la gi')).toEqual({ messages: [], outcome: { kind: 'silent' } });
    const resumed = await chat.say('menu');
    expect(resumed.outcome).toEqual({ kind: 'menu' });
    expect((await chat.say('chuan ngheo la gi')).outcome.kind).toBe('answer');

    dialog.noteHumanReply('u-1001', chat.now);
    chat.advance(29 * MINUTE);
    expect((await chat.say('1')).outcome.kind).toBe('silent');
    chat.advance(2 * MINUTE);
    expect((await chat.say('chuan ngheo la gi')).outcome.kind).toBe('answer');
  });

  it('when a resident sends more than the flood limit, then one "slow down" and silence until the window passes, menu taps never count and every message is kept', async () => {
    const chat = converse(makeDialog(fx.faq, fx.db, { flood: { max: 3, windowMs: MINUTE } }));
    for (let i = 0; i < 3; i++) expect((await chat.say('chuan ngheo la gi')).outcome.kind).toBe('answer');
    for (const tap of ['menu', '0', '1', 'quay lại']) expect((await chat.say(tap)).outcome.kind).not.toBe('flood');
    expect(await chat.say('bhyt')).toEqual({ messages: [{ text: t('dialog:flood') }], outcome: { kind: 'flood' } });
    expect(await chat.say('ho ngheo')).toEqual({ messages: [], outcome: { kind: 'flood' } });
    expect((await chat.say('menu')).outcome.kind).toBe('menu');
    const thread = createConversation(fx.db, { keepText: true }).threads;
    const said = thread.messages('u-1001').filter((m) => m.kind === 'resident');
    expect(said.map((m) => m.text).slice(-3)).toEqual(['bhyt', 'ho ngheo', 'menu']);
    expect(thread.get('u-1001')).toMatchObject({ unread: 2, floodLimitedAt: chat.now });
    expect(thread.messages('u-1001').filter((m) => m.event === 'flood')).toHaveLength(1);
    const unanswered = createQuestionRepository(fx.db).listUnanswered({ since: 0 });
    expect(unanswered.map((g) => g.text).sort()).toEqual(['bhyt', 'ho ngheo']);
    chat.advance(MINUTE);
    expect((await chat.say('chuan ngheo la gi')).outcome.kind).toBe('answer');
  });

  it('when a resident withdraws, then their dialog state, hand-offs and questions are erased', async () => {
    const chat = converse(makeDialog(fx.faq, fx.db));
    await chat.say('chuan ngheo la gi');
    await chat.say('gặp cán bộ');
    await converse(makeDialog(fx.faq, fx.db), 'u-other').say('chuan ngheo la gi');
    deleteUserData(fx.db, 'u-1001');
    for (const table of ['dialog_state', 'handoffs', 'questions']) {
      const users = fx.db.prepare(`SELECT DISTINCT user_id FROM ${table}`).all();
      expect(users, table).toEqual(table === 'handoffs' ? [] : [{ user_id: 'u-other' }]);
    }
  });

  describe('when the content changes between two messages of a resident', () => {
    let changedDir: string;
    let changed: FaqStore;

    beforeEach(() => {
      changedDir = path.join(fx.dir, 'content');
      fs.cpSync(FIXTURE_DIR, changedDir, { recursive: true });
      // "Rà soát" is removed and the BHYT topic moves to the first place
      const topicFile = path.join(changedDir, 'faq', '01-ho-ngheo.yaml');
      const yaml = fs.readFileSync(topicFile, 'utf8');
      const withoutRaSoat =
        yaml.slice(0, yaml.indexOf('  - id: ra-soat')) + yaml.slice(yaml.indexOf('  - id: thu-tuc'));
      fs.writeFileSync(
        topicFile,
        withoutRaSoat.replace('    follow_ups: [ra-soat]\n', '').replace('order: 1\nintro', 'order: 5\nintro'),
      );
      changed = openStore(changedDir);
      expect(changed.current().version).not.toBe(fx.faq.current().version);
    });
    afterEach(() => changed.close());

    it('then a number from the old menu still opens its node by id when that node still exists', async () => {
      await converse(makeDialog(fx.faq, fx.db)).say('1');
      // in the new menu, 1 would be "Bảo hiểm y tế"; the resident saw "1. Chuẩn nghèo là gì"
      const reply = await converse(makeDialog(changed, fx.db)).say('1');
      expect(reply.outcome).toEqual({ kind: 'answer', id: 'chuan-ngheo' });
    });

    it('then a number pointing at a removed node gets "menu changed" and the fresh menu, whose numbers then work', async () => {
      await converse(makeDialog(fx.faq, fx.db)).say('1');
      const chat = converse(makeDialog(changed, fx.db));
      const reply = await chat.say('2');
      expect(reply.outcome).toEqual({ kind: 'menu' });
      expect(textOf(reply)).toContain(
        `${t('dialog:menu.changed')}\n\n${t('dialog:menu.mainTitle')}\n1. Bảo hiểm y tế\n2. Hộ nghèo`,
      );
      expect((await chat.say('2')).outcome).toEqual({ kind: 'menu', id: 'ho-ngheo' });
    });

    it('then "quay lại" from an answer of the old version goes to its topic in the new version', async () => {
      const old = converse(makeDialog(fx.faq, fx.db));
      await old.say('1');
      await old.say('3');
      await old.say('1');
      expect((await converse(makeDialog(changed, fx.db)).say('quay lại')).outcome).toEqual({
        kind: 'menu',
        id: 'thu-tuc',
      });
    });
  });
});
