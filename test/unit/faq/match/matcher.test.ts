import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../../src/faq/content/build-snapshot.js';
import { loadContent } from '../../../../src/faq/content/load-content.js';
import { createManualClock } from '../../../../src/shared/clock.js';

const load = () => buildSnapshot(loadContent(path.resolve('test/fixtures/content/valid')), createManualClock());
const snapshot = load();
const AT = Date.parse('2026-12-07T12:00:00+07:00');
const match = (text: string) => snapshot.match(text, AT);

describe('the matcher', () => {
  it('when a safety phrase is in a long message, then the safety reply wins and asks for an urgent hand-off', () => {
    expect(match('ad ơi cho em hỏi hộ nghèo có được thẻ bảo hiểm y tế không, tối qua chồng em đánh em')).toEqual({
      kind: 'smalltalk',
      id: 'khan-cap-bao-luc',
      intent: 'emergency',
      score: 1,
      urgent: true,
    });
  });

  it('when a message asks two questions of two answers, then both are answered', () => {
    const result = match(
      'hộ nghèo có được cấp thẻ bảo hiểm y tế miễn phí không, và hộ cận nghèo thì bhyt được hỗ trợ bao nhiêu',
    );
    expect(result).toMatchObject({ kind: 'answer', id: 'bhyt-ho-ngheo', second: { id: 'bhyt-can-ngheo' } });
  });

  it('when the second question of a message is too vague to answer, then its best candidate is offered, not dropped', () => {
    const result = match('hộ nghèo có được cấp thẻ bảo hiểm y tế miễn phí không? còn nhà thì sao');
    expect(result).toMatchObject({ kind: 'answer', id: 'bhyt-ho-ngheo', alternatives: [{ id: 'vay-von-lam-nha' }] });
  });

  it('when a message asks how two sibling answers differ, then both are answered', () => {
    const result = match('thẻ bhyt của hộ nghèo với hộ cận nghèo khác nhau thế nào');
    expect(result).toMatchObject({ kind: 'answer' });
    const both = [result.kind === 'answer' ? result.id : '', result.kind === 'answer' ? result.second?.id : ''];
    expect(both.sort()).toEqual(['bhyt-can-ngheo', 'bhyt-ho-ngheo']);
  });

  it('when a story comes before the question, then the question decides', () => {
    const story = 'Chồng tôi mất sớm, tôi nuôi hai con nhỏ, mẹ già đau yếu, làm ruộng không đủ ăn. ';
    expect(match(`${story}Cho tôi hỏi người hộ nghèo có được cấp thẻ bảo hiểm y tế không?`)).toMatchObject({
      kind: 'answer',
      id: 'bhyt-ho-ngheo',
    });
  });

  it('when the same content is loaded twice, then the model decides the same, to the last digit', () => {
    const again = load();
    for (const q of ['the bhyt cho nguoi ngheo', 'vay tien lam nha', 'mua ban xe may', 'thue nha o dau']) {
      expect(again.explain(q, AT)).toEqual(snapshot.explain(q, AT));
    }
  });

  it('when asked why, then the terms that decided the answer are named', () => {
    const why = snapshot.explain('ho ngheo co duoc the bao hiem y te mien phi ko vay', AT);
    expect(why.result).toMatchObject({ kind: 'answer', id: 'bhyt-ho-ngheo' });
    const terms = why.candidates[0]!.terms.map((t) => t.term);
    expect(terms.some((t) => t.includes('bao hiem') || t.includes('mien phi') || t.includes('the'))).toBe(true);
  });

  it('when a message is enormous, then its question at the end is still answered', () => {
    const long = `${'x'.repeat(60_000)} ${'nhà em khó khăn lắm. '.repeat(300)}người hộ nghèo có được cấp thẻ bảo hiểm y tế không`;
    expect(match(long)).toMatchObject({ kind: 'answer', id: 'bhyt-ho-ngheo' });
  });
});
