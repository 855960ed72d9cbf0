import { describe, expect, it } from 'vitest';
import { createHandoffRepository } from '../../../src/bot/dialog/handoff-repository.js';
import { converse, makeDialog, t, textOf, useDialogFixture, withMatcher } from './dialog-test-kit.js';

describe('FAQ dialog: what the new verdicts look like to a resident', () => {
  const fx = useDialogFixture();

  it('when a safety reply is urgent, then the resident reads it and an urgent hand-off with the message waits first in the queue', async () => {
    const handoffs = createHandoffRepository(fx.db);
    handoffs.open({ userId: 'u-early', question: 'hỏi thủ tục', lastAnswerId: null, now: 1 });
    const urgent = withMatcher(fx.faq, () => ({
      kind: 'smalltalk',
      id: 'cam-on',
      intent: 'emergency',
      score: 1,
      urgent: true,
    }));
    const reply = await converse(makeDialog(urgent, fx.db), 'u-safety').say('chồng em đánh em');
    expect(reply.outcome).toMatchObject({ kind: 'smalltalk', id: 'cam-on' });
    expect(textOf(reply)).toBe('Không có gì ạ.');
    const queue = handoffs.listOpen();
    expect(queue.map((h) => [h.userId, h.urgent, h.question])).toEqual([
      ['u-safety', true, 'chồng em đánh em'],
      ['u-early', false, 'hỏi thủ tục'],
    ]);
  });

  it('when a message carries two questions, then two messages answer them and numbers refer to the second', async () => {
    const two = withMatcher(fx.faq, () => ({
      kind: 'answer',
      id: 'chuan-ngheo',
      score: 0.9,
      candidates: [],
      second: { id: 'bhyt-ho-ngheo', score: 0.8 },
    }));
    const chat = converse(makeDialog(two, fx.db));
    const reply = await chat.say('chuẩn nghèo là gì và hộ nghèo có thẻ bhyt không');
    expect(reply.messages).toHaveLength(2);
    expect(reply.messages[0]!.text).toContain('Chuẩn nghèo giai đoạn 2022–2025');
    expect(reply.messages[1]!.text).toContain('Người thuộc hộ nghèo');
    expect(reply.outcome).toMatchObject({ kind: 'answer', id: 'chuan-ngheo' });
  });

  it('when the matcher is unsure but has candidates, then "not sure" with 2–3 numbered options and "gặp cán bộ", not the whole menu', async () => {
    const weak = withMatcher(fx.faq, () => ({
      kind: 'fallback',
      score: 0.15,
      candidates: [
        { id: 'bhyt-ho-ngheo', score: 0.15 },
        { id: 'bhyt-can-ngheo', score: 0.1 },
      ],
    }));
    const chat = converse(makeDialog(weak, fx.db));
    const reply = await chat.say('cái thẻ khám bệnh');
    expect(reply.outcome).toEqual({ kind: 'fallback', score: 0.15 });
    expect(textOf(reply)).toBe(
      [
        t('dialog:fallback.notSure'),
        'Có phải bạn muốn hỏi:\n1. Thẻ BHYT cho người thuộc hộ nghèo\n2. Thẻ BHYT cho người thuộc hộ cận nghèo',
        t('dialog:suggestions.footer'),
      ].join('\n\n'),
    );
    expect(textOf(reply)).toContain('gặp cán bộ');
    expect((await chat.say('2')).outcome).toEqual({ kind: 'answer', id: 'bhyt-can-ngheo' });
  });

  it('when an answer has details, then "1. Xem chi tiết" opens them', async () => {
    const chat = converse(makeDialog(fx.faq, fx.db));
    const short = await chat.say('can ngheo bhyt ho tro bao nhieu');
    expect(short.outcome).toMatchObject({ kind: 'answer', id: 'bhyt-can-ngheo' });
    expect(textOf(short)).toContain('ít nhất 70% mức đóng');
    expect(textOf(short)).toContain(`1. ${t('dialog:answer.details')}`);
    const details = await chat.say('1');
    expect(details.outcome).toEqual({ kind: 'answer', id: 'bhyt-can-ngheo' });
    expect(textOf(details)).toContain('sống ở xã nghèo được hỗ trợ 100%');
    expect(textOf(details)).not.toContain(t('dialog:answer.details'));
  });
});
