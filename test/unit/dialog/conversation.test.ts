import { describe, expect, it } from 'vitest';
import { createConversation } from '../../../src/bot/dialog/conversation.js';
import { NO_HANDOFF_CONFIG } from '../../../src/bot/dialog/handoff-config.js';
import { createOfficeHours } from '../../../src/bot/dialog/office-hours.js';
import { purgeQuestionTexts } from '../../../src/bot/dialog/purge-question-texts.js';
import { deleteUserData } from '../../../src/storage/delete-user-data.js';
import { MINUTE, NOW, useDialogFixture } from './dialog-test-kit.js';

describe('conversation threads and hand-off states', () => {
  const fx = useDialogFixture();
  const open = () => {
    const c = createConversation(fx.db, { keepText: true });
    c.handoffs.open({ userId: 'u-1', question: null, lastAnswerId: null, now: NOW });
    c.requested('u-1', false, NOW);
    return c;
  };

  it('when a resident asks, an official replies and the resident writes on, then every message is in the thread in order and unread', () => {
    const c = open();
    expect(c.stateOf('u-1')).toBe('waiting');
    c.officialWrote('u-1', { actor: 'can-bo', text: 'Chào chị', source: 'echo:1' }, NOW + MINUTE);
    c.officialWrote('u-1', { actor: 'can-bo', text: 'Chào chị', source: 'echo:1' }, NOW + MINUTE);
    for (const [i, text] of ['cảm ơn anh', 'cho tôi hỏi thêm', 'về thẻ BHYT'].entries()) {
      c.residentWrote('u-1', { text, source: `in:${i}`, unanswered: true }, NOW + (2 + i) * MINUTE);
    }
    c.residentWrote('u-1', { text: 'về thẻ BHYT', source: 'in:2', unanswered: true }, NOW + 9 * MINUTE);
    expect(c.stateOf('u-1')).toBe('official');
    expect(c.threads.get('u-1')).toMatchObject({ unread: 3, assignedTo: 'can-bo' });
    expect(c.threads.messages('u-1').map((m) => m.text ?? m.event)).toEqual([
      'request',
      'Chào chị',
      'cảm ơn anh',
      'cho tôi hỏi thêm',
      'về thẻ BHYT',
    ]);
    expect(c.handoffs.openOf('u-1')).toMatchObject({ answeredBy: 'can-bo', answeredAt: NOW + MINUTE });
  });

  it('when an official marks it answered, then the bot owns the thread again and the history lists who answered', () => {
    const c = open();
    c.officialWrote('u-1', { actor: 'can-bo', text: 'Đã rõ', source: 'x' }, NOW + 5 * MINUTE);
    const closed = c.finish('u-1', 'answered', 'can-bo', NOW + 6 * MINUTE);
    expect(closed).toMatchObject({ status: 'answered', answeredAt: NOW + 5 * MINUTE, closedBy: 'can-bo' });
    expect(c.stateOf('u-1')).toBe('bot');
    expect(c.handoffs.history({ q: 'can-bo' }).map((h) => h.id)).toEqual([closed!.id]);
    expect(c.handoffs.history({ q: 'không có' })).toEqual([]);
  });

  it('when no official wrote for the quiet period, then the thread times out back to the bot', () => {
    const c = open();
    c.assign('u-1', 'can-bo', 'can-bo', NOW);
    expect(c.expireIfQuiet('u-1', NOW + 29 * MINUTE, 30 * MINUTE)).toBe(false);
    expect(c.expireIfQuiet('u-1', NOW + 30 * MINUTE, 30 * MINUTE)).toBe(true);
    expect(c.stateOf('u-1')).toBe('bot');
    expect(c.handoffs.openOf('u-1')).toBeUndefined();
  });

  it('when texts pass retention or the resident withdraws, then the thread loses its texts, then everything', () => {
    const c = open();
    c.residentWrote('u-1', { text: 'bí mật', unanswered: true }, NOW);
    purgeQuestionTexts(fx.db, NOW + 1);
    expect(c.threads.messages('u-1').every((m) => m.text === null)).toBe(true);
    deleteUserData(fx.db, 'u-1');
    expect(c.threads.get('u-1')).toBeUndefined();
    expect(c.threads.messages('u-1')).toEqual([]);
  });

  it('when retention keeps no text, then thread messages are stored without it', () => {
    const c = createConversation(fx.db, { keepText: false });
    c.residentWrote('u-1', { text: 'bí mật', unanswered: false }, NOW);
    expect(c.threads.messages('u-1')[0]).toMatchObject({ kind: 'resident', text: null });
  });
});

describe('office hours', () => {
  const hours = NO_HANDOFF_CONFIG.hours.map((_, day) =>
    day === 0 || day === 6 ? [] : [[450, 690] as [number, number]],
  );
  const tet = { name: 'Tết Nguyên đán', from: '2027-02-05', to: '2027-02-10' };
  const office = createOfficeHours({ hours, holidays: [tet] }, 'Asia/Ho_Chi_Minh');

  it('when it is a working morning, then officials are at work', () => {
    expect(office.isOpen(Date.parse('2026-12-07T09:00:00+07:00'))).toBe(true);
  });

  it('when it is Tết, then the next opening is the first working morning after it, with the holiday named', () => {
    const next = office.nextOpening(Date.parse('2027-02-06T09:00:00+07:00'));
    expect(next).toEqual({ at: Date.parse('2027-02-11T07:30:00+07:00'), holiday: tet });
  });

  it('when it is Saturday evening, then the next opening is Monday 07:30', () => {
    expect(office.nextOpening(Date.parse('2026-12-05T20:00:00+07:00')).at).toBe(
      Date.parse('2026-12-07T07:30:00+07:00'),
    );
  });
});
