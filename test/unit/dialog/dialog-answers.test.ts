import { describe, expect, it } from 'vitest';
import { createQuestionRepository } from '../../../src/bot/dialog/question-repository.js';
import { converse, makeDialog, openStore, t, textOf, useDialogFixture, withMatcher } from './dialog-test-kit.js';

describe('FAQ dialog answers', () => {
  const fx = useDialogFixture();

  it('when a resident asks a known question without diacritics, then the answer, its legal basis, review date and numbered follow-ups', async () => {
    const reply = await converse(makeDialog(fx.faq, fx.db)).say('chuan ngheo la gi');
    expect(reply.outcome).toMatchObject({ kind: 'answer', id: 'chuan-ngheo' });
    expect(reply.outcome.score).toBeGreaterThan(0);
    expect(textOf(reply)).toBe(
      [
        'Chuẩn nghèo giai đoạn 2022–2025 áp dụng đến hết năm 2026.',
        'Căn cứ: Nghị định 07/2021/NĐ-CP, Điều 3 · Cập nhật: 20/11/2026',
        `${t('dialog:answer.followUps')}\n1. Rà soát hộ nghèo hằng năm`,
      ].join('\n\n'),
    );
  });

  it('when a resident picks a follow-up by number, then that answer with its contact line', async () => {
    const chat = converse(makeDialog(fx.faq, fx.db));
    await chat.say('Chuẩn nghèo là gì?');
    const reply = await chat.say('1');
    expect(reply.outcome).toEqual({ kind: 'answer', id: 'ra-soat' });
    expect(textOf(reply)).toContain(
      'Căn cứ: Quyết định 24/2021/QĐ-TTg, Điều 4 · Cập nhật: 01/10/2026 · Liên hệ: UBND xã nơi cư trú',
    );
  });

  it('when an answer has no follow-ups, then numbers keep referring to the menu the resident came from', async () => {
    const chat = converse(makeDialog(fx.faq, fx.db));
    await chat.say('1');
    expect((await chat.say('2')).outcome).toEqual({ kind: 'answer', id: 'ra-soat' });
    expect((await chat.say('4')).outcome).toEqual({ kind: 'answer', id: 'ho-tro-tet' });
  });

  it('when the answer changes on a date, then the version valid on the day of the question is given', async () => {
    fx.faq.close();
    fx.faq = openStore(undefined, Date.parse('2027-01-05T10:00:00+07:00'));
    const chat = converse(makeDialog(fx.faq, fx.db), 'u-2027', Date.parse('2027-01-05T10:00:00+07:00'));
    const reply = await chat.say('chuan ngheo la gi');
    expect(textOf(reply)).toContain('Từ năm 2027 áp dụng chuẩn nghèo mới.\n\nCăn cứ: Nghị định 351/2025/NĐ-CP');
    // "Quà Tết" ended on 31/12/2026: it is no longer in the menu
    await chat.say('menu');
    const topic = await chat.say('1');
    expect(textOf(topic)).toContain('3. Thủ tục');
    expect(textOf(topic)).not.toContain('Quà Tết');
  });

  it('when a resident names a topic, then its sub-menu opens', async () => {
    const reply = await converse(makeDialog(fx.faq, fx.db)).say('bảo hiểm y tế');
    expect(reply.outcome).toMatchObject({ kind: 'menu', id: 'bao-hiem-y-te' });
    expect(textOf(reply)).toContain('Bạn muốn hỏi gì về bảo hiểm y tế?\n1. Thẻ BHYT cho người thuộc hộ nghèo');
  });

  it('when the matcher is unsure, then "Có phải bạn muốn hỏi:" with the candidates as numbers that work', async () => {
    const unsure = withMatcher(fx.faq, () => ({
      kind: 'suggestions',
      score: 0.4,
      candidates: [
        { id: 'bhyt-ho-ngheo', score: 0.4 },
        { id: 'da-xoa', score: 0.35 },
        { id: 'bhyt-can-ngheo', score: 0.3 },
      ],
    }));
    const chat = converse(makeDialog(unsure, fx.db));
    const reply = await chat.say('the bao hiem');
    expect(reply.outcome).toEqual({ kind: 'suggestions', score: 0.4 });
    expect(textOf(reply)).toBe(
      [
        'Có phải bạn muốn hỏi:\n1. Thẻ BHYT cho người thuộc hộ nghèo\n2. Thẻ BHYT cho người thuộc hộ cận nghèo',
        t('dialog:suggestions.footer'),
      ].join('\n\n'),
    );
    expect((await chat.say('2')).outcome).toEqual({ kind: 'answer', id: 'bhyt-can-ngheo' });
  });

  it('when the matcher answers with close runner-ups, then the answer, then "Có thể bạn muốn hỏi thêm" and the follow-ups as one numbered list', async () => {
    const close = withMatcher(fx.faq, () => ({
      kind: 'answer',
      id: 'chuan-ngheo',
      score: 0.7,
      candidates: [{ id: 'chuan-ngheo', score: 0.7 }],
      alternatives: [
        { id: 'bhyt-ho-ngheo', score: 0.68 },
        { id: 'da-xoa', score: 0.66 },
      ],
    }));
    const chat = converse(makeDialog(close, fx.db));
    const reply = await chat.say('chuan ngheo bhyt');
    expect(reply.outcome).toEqual({ kind: 'answer', id: 'chuan-ngheo', score: 0.7 });
    expect(textOf(reply)).toBe(
      [
        'Chuẩn nghèo giai đoạn 2022–2025 áp dụng đến hết năm 2026.',
        'Căn cứ: Nghị định 07/2021/NĐ-CP, Điều 3 · Cập nhật: 20/11/2026',
        `${t('dialog:answer.alsoAsk')}\n1. Thẻ BHYT cho người thuộc hộ nghèo`,
        `${t('dialog:answer.followUps')}\n2. Rà soát hộ nghèo hằng năm`,
      ].join('\n\n'),
    );
    expect((await chat.say('1')).outcome).toEqual({ kind: 'answer', id: 'bhyt-ho-ngheo' });
    await chat.say('chuan ngheo bhyt');
    expect((await chat.say('2')).outcome).toEqual({ kind: 'answer', id: 'ra-soat' });
  });

  it('when a close runner-up is also a follow-up, then it is listed once', async () => {
    const close = withMatcher(fx.faq, () => ({
      kind: 'answer',
      id: 'chuan-ngheo',
      score: 0.7,
      candidates: [],
      alternatives: [{ id: 'ra-soat', score: 0.69 }],
    }));
    const text = textOf(await converse(makeDialog(close, fx.db)).say('chuan ngheo ra soat'));
    expect(text.endsWith(`${t('dialog:answer.alsoAsk')}\n1. Rà soát hộ nghèo hằng năm`)).toBe(true);
    expect(text).not.toContain(t('dialog:answer.followUps'));
  });

  it('when nothing matches, then an honest "I don\'t know", the main menu and how to reach an official', async () => {
    const reply = await converse(makeDialog(fx.faq, fx.db)).say('bán xe máy cũ giá bao nhiêu');
    expect(reply.outcome.kind).toBe('fallback');
    expect(textOf(reply)).toBe(
      [
        'Xin lỗi, tôi chưa có câu trả lời cho câu hỏi này.',
        `${t('dialog:menu.mainTitle')}\n1. Hộ nghèo\n2. Bảo hiểm y tế`,
        'Nếu cần hỏi cán bộ, bạn gõ "gặp cán bộ".',
        t('dialog:menu.footer'),
      ].join('\n\n'),
    );
  });

  it('when a resident greets, then the greeting and the main menu; when they thank, then only the reply and the last menu stays', async () => {
    const chat = converse(makeDialog(fx.faq, fx.db));
    const hello = await chat.say('xin chào');
    expect(hello.outcome).toMatchObject({ kind: 'smalltalk', id: 'chao-hoi' });
    expect(textOf(hello)).toContain(`Xin chào bạn!\n\n${t('dialog:menu.mainTitle')}\n1. Hộ nghèo`);
    await chat.say('2');
    const thanks = await chat.say('cảm ơn');
    expect(thanks.outcome).toMatchObject({ kind: 'smalltalk', id: 'cam-on' });
    expect(textOf(thanks)).toBe('Không có gì ạ.');
    expect((await chat.say('1')).outcome).toEqual({ kind: 'answer', id: 'bhyt-ho-ngheo' });
  });

  it('when a resident sends a sticker, then they are asked to type text', async () => {
    const reply = await makeDialog(fx.faq, fx.db).respond(
      'u-1',
      { kind: 'unsupported', eventName: 'user_send_sticker' },
      Date.now(),
    );
    expect(textOf(reply)).toBe(t('dialog:unsupported'));
  });

  it('when residents ask free-text questions, then each is logged with its outcome and grouped by folded text', async () => {
    const dialog = makeDialog(fx.faq, fx.db);
    await converse(dialog, 'u-1').say('bán xe máy cũ giá bao nhiêu');
    await converse(dialog, 'u-2').say('Bán xe máy cũ, giá bao nhiêu?');
    await converse(dialog, 'u-2').say('chuan ngheo la gi');
    await converse(dialog, 'u-2').say('1');
    const rows = fx.db
      .prepare('SELECT user_id, text, outcome, node_id, content_version FROM questions ORDER BY id')
      .all();
    expect(rows).toEqual([
      {
        user_id: 'u-1',
        text: 'bán xe máy cũ giá bao nhiêu',
        outcome: 'fallback',
        node_id: null,
        content_version: fx.faq.current().version,
      },
      {
        user_id: 'u-2',
        text: 'Bán xe máy cũ, giá bao nhiêu?',
        outcome: 'fallback',
        node_id: null,
        content_version: fx.faq.current().version,
      },
      {
        user_id: 'u-2',
        text: 'chuan ngheo la gi',
        outcome: 'answer',
        node_id: 'chuan-ngheo',
        content_version: fx.faq.current().version,
      },
    ]);
    const groups = createQuestionRepository(fx.db).listUnanswered({ since: 0 });
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ count: 2, text: 'Bán xe máy cũ, giá bao nhiêu?', outcome: 'fallback' });
  });

  it('when message retention is 0 days, then questions are logged without their text', async () => {
    await converse(makeDialog(fx.faq, fx.db, { messageRetentionDays: 0 })).say('bán xe máy cũ');
    expect(fx.db.prepare('SELECT text, outcome FROM questions').all()).toEqual([{ text: null, outcome: 'fallback' }]);
  });
});
