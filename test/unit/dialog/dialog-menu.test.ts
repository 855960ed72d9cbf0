import { describe, expect, it } from 'vitest';
import { converse, makeDialog, openTempDb, t, textOf, useDialogFixture } from './dialog-test-kit.js';

describe('FAQ dialog menus', () => {
  const fx = useDialogFixture();

  it('when a resident follows the OA, then a greeting, the numbered topics and the command footer', async () => {
    const reply = await converse(makeDialog(fx.faq, fx.db)).follow();
    expect(reply.outcome).toEqual({ kind: 'menu' });
    expect(textOf(reply)).toBe(
      [
        t('dialog:menu.welcome'),
        `${t('dialog:menu.mainTitle')}\n1. Hộ nghèo\n2. Bảo hiểm y tế`,
        t('dialog:menu.footer'),
      ].join('\n\n'),
    );
    expect(textOf(reply)).toContain('"quay lại"');
    expect(reply.messages[0]!.buttons).toBeUndefined();
  });

  it('when a resident picks numbers, then sub-menus open, "quay lai" goes up one level and "0" shows the main menu', async () => {
    const chat = converse(makeDialog(fx.faq, fx.db));
    await chat.say('menu');
    const topic = await chat.say('1');
    expect(topic.outcome).toEqual({ kind: 'menu', id: 'ho-ngheo' });
    // "Quà Tết" is valid until 31/12/2026, so it is listed on 29/11/2026
    expect(textOf(topic)).toContain(
      'Bạn muốn hỏi gì về hộ nghèo?\n1. Chuẩn nghèo là gì\n2. Rà soát hộ nghèo hằng năm\n3. Thủ tục\n4. Quà Tết cho hộ nghèo',
    );
    const nested = await chat.say('3');
    expect(nested.outcome).toEqual({ kind: 'menu', id: 'thu-tuc' });
    expect(textOf(nested)).toContain('Chọn thủ tục bạn cần:\n1. Đăng ký xét duyệt hộ nghèo');
    const answer = await chat.say('1');
    expect(answer.outcome).toEqual({ kind: 'answer', id: 'dang-ky-ho-ngheo' });
    expect((await chat.say('quay lai')).outcome).toEqual({ kind: 'menu', id: 'thu-tuc' });
    expect((await chat.say('Quay lại')).outcome).toEqual({ kind: 'menu', id: 'ho-ngheo' });
    expect((await chat.say('back')).outcome).toEqual({ kind: 'menu' });
    await chat.say('2');
    const main = await chat.say('0');
    expect(main.outcome).toEqual({ kind: 'menu' });
    expect(textOf(main)).toContain('1. Hộ nghèo\n2. Bảo hiểm y tế');
  });

  it('when a new resident types a number first, then it picks from the main menu', async () => {
    const reply = await converse(makeDialog(fx.faq, fx.db)).say('2');
    expect(reply.outcome).toEqual({ kind: 'menu', id: 'bao-hiem-y-te' });
  });

  it('when a resident types a number that is not listed, then they are told so and see the same options again', async () => {
    const chat = converse(makeDialog(fx.faq, fx.db));
    await chat.say('2');
    const reply = await chat.say('7');
    expect(reply.outcome).toEqual({ kind: 'menu', id: 'bao-hiem-y-te' });
    expect(textOf(reply)).toContain(
      `${t('dialog:menu.invalidChoice', { number: 7 })}\n1. Thẻ BHYT cho người thuộc hộ nghèo\n2. Thẻ BHYT cho người thuộc hộ cận nghèo`,
    );
    expect((await chat.say('2')).outcome).toEqual({ kind: 'answer', id: 'bhyt-can-ngheo' });
  });

  it('when buttons are on, then menus carry numbered oa.query.show buttons whose payload opens the node, typed or tapped', async () => {
    const chat = converse(makeDialog(fx.faq, fx.db, { buttons: true }));
    const menu = await chat.say('menu');
    expect(menu.messages[0]!.buttons).toEqual([
      { type: 'oa.query.show', title: '1. Hộ nghèo', payload: '#faq:ho-ngheo' },
      { type: 'oa.query.show', title: '2. Bảo hiểm y tế', payload: '#faq:bao-hiem-y-te' },
    ]);
    expect(textOf(menu)).toContain('1. Hộ nghèo');
    const tapped = await chat.say('#faq:bhyt-can-ngheo');
    expect(tapped.outcome).toEqual({ kind: 'answer', id: 'bhyt-can-ngheo' });
    expect(textOf(tapped)).toContain('ít nhất 70%');
    // an answer with a longer text offers it as its only option, a button that opens it
    expect(tapped.messages[0]!.buttons).toEqual([
      { type: 'oa.query.show', title: '1. Xem chi tiết', payload: '#faq:chi-tiet:bhyt-can-ngheo' },
    ]);
    expect(textOf(await chat.say('#faq:chi-tiet:bhyt-can-ngheo'))).toContain('sống ở xã nghèo được hỗ trợ 100%');
    const withFollowUp = await chat.say('#faq:bhyt-ho-ngheo');
    expect(withFollowUp.messages[0]!.buttons).toEqual([
      { type: 'oa.query.show', title: '1. Thẻ BHYT cho người thuộc hộ cận nghèo', payload: '#faq:bhyt-can-ngheo' },
    ]);
  });

  it('when a payload names a node that does not exist, then "menu changed" and the fresh main menu', async () => {
    const reply = await converse(makeDialog(fx.faq, fx.db)).say('#faq:da-xoa');
    expect(reply.outcome).toEqual({ kind: 'menu' });
    expect(textOf(reply)).toContain(`${t('dialog:menu.changed')}\n\n${t('dialog:menu.mainTitle')}\n1. Hộ nghèo`);
  });

  it('when the process restarts between two messages, then the number refers to the menu shown before the restart', async () => {
    await converse(makeDialog(fx.faq, fx.db)).say('1');
    fx.db.close();
    fx.db = openTempDb(fx.dir);
    const reply = await converse(makeDialog(fx.faq, fx.db)).say('2');
    expect(reply.outcome).toEqual({ kind: 'answer', id: 'ra-soat' });
  });
});
