import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../src/faq/content/build-snapshot.js';
import { loadContent } from '../../../src/faq/content/load-content.js';
import { createManualClock } from '../../../src/shared/clock.js';

const snapshot = buildSnapshot(loadContent(path.resolve('test/fixtures/content/valid')), createManualClock());
const NOV_2026 = Date.parse('2026-11-29T12:00:00+07:00');
const JAN_2027 = Date.parse('2027-01-15T12:00:00+07:00');
const match = (text: string, at = NOV_2026) => snapshot.match(text, at);

describe('FaqSnapshot.match', () => {
  it.each([
    ['chào ad', 'chao-hoi', 'greeting'],
    ['Xin chào!!', 'chao-hoi', 'greeting'],
    ['ok cảm ơn nhé', 'cam-on', 'thanks'],
    ['cam on ad a', 'cam-on', 'thanks'],
  ])('when the whole message is small talk ("%s"), then it is %s', (text, id, intent) => {
    expect(match(text)).toEqual({ kind: 'smalltalk', id, intent, score: 1 });
  });

  it.each(['ad ơi', 'ad oi cho hoi', '???', '😀', '🙏🙏'])(
    'when the message has no content word at all ("%s"), then it is taken as a greeting',
    (text) => {
      expect(match(text)).toEqual({ kind: 'smalltalk', id: 'chao-hoi', intent: 'greeting', score: 1 });
    },
  );

  it('when a longer message matches a safety node, then small talk wins through retrieval', () => {
    expect(match('có người gọi bảo tôi chuyển tiền để vào hộ nghèo')).toMatchObject({
      kind: 'smalltalk',
      intent: 'scam',
    });
  });

  it.each([
    'Hộ nghèo có được cấp thẻ bảo hiểm y tế miễn phí không?',
    'ho ngheo co dc the bhyt ko',
    'chào bạn, nhà nghèo có được cấp thẻ bảo hiểm y tế không',
    'HỘ NGHÈO CÓ ĐƯỢC CẤP THẺ BHYT KHÔNG',
    'Hộ nghèo có được cấp thẻ bảo hiểm y tế miễn phí không?'.normalize('NFD'),
  ])('when a resident asks "%s", then the answer is bhyt-ho-ngheo', (text) => {
    expect(match(text)).toMatchObject({ kind: 'answer', id: 'bhyt-ho-ngheo' });
  });

  it('when a word is misspelt, then the fuzzy pass still finds the answer', () => {
    expect(match('ho nghoe co duoc cap the bao hiem y te mien phi khong')).toMatchObject({
      kind: 'answer',
      id: 'bhyt-ho-ngheo',
    });
  });

  it('when the question adds numbers other than years, then confidence does not drop', () => {
    const plain = match('nha ngheo co duoc cap the bao hiem y te mien phi khong vay');
    const withNumbers = match('nha ngheo co duoc cap the bao hiem y te mien phi 100% khong vay 5');
    expect(withNumbers.kind).toBe('answer');
    expect(withNumbers.score).toBeGreaterThanOrEqual(plain.score);
  });

  it('when the resident types thuê with its accent, then the rent answer beats the tax answer', () => {
    const result = match('tiền thuê');
    expect(result).toMatchObject({ kind: 'answer', id: 'tien-thue-nha' });
  });

  it('when a topic question is typed, then the topic children are suggested with topicId', () => {
    expect(match('bhyt')).toEqual({
      kind: 'suggestions',
      topicId: 'bao-hiem-y-te',
      score: 1,
      candidates: [
        { id: 'bhyt-ho-ngheo', score: 1 },
        { id: 'bhyt-can-ngheo', score: 1 },
      ],
    });
  });

  it('when two answers fit equally, then both are suggested instead of guessing', () => {
    const result = match('hộ nghèo được gì');
    expect(result.kind).toBe('suggestions');
    if (result.kind === 'suggestions') expect(result.candidates.length).toBeGreaterThanOrEqual(2);
  });

  it.each(['bán xe máy cũ', 'giá vàng hôm nay', 'thời tiết ngày mai thế nào'])(
    'when the question is out of scope ("%s"), then it is declined',
    (text) => {
      expect(match(text)).toMatchObject({ kind: 'smalltalk', intent: 'out_of_scope' });
    },
  );

  it.each(['', '   '])('when the message is empty ("%s"), then it falls back', (text) => {
    expect(match(text).kind).toBe('fallback');
  });

  it('when a node is valid only from a later date, then it is found only from that date', () => {
    expect(match('qua tet ho ngheo', NOV_2026)).not.toMatchObject({ id: 'ho-tro-tet-2027' });
    expect(match('qua tet ho ngheo', JAN_2027)).toMatchObject({ kind: 'answer', id: 'ho-tro-tet-2027' });
  });

  it('when an ambiguous key is typed, then its meaning in the content is used', () => {
    expect(match('hn có được cấp thẻ bảo hiểm y tế miễn phí không')).toMatchObject({
      kind: 'answer',
      id: 'bhyt-ho-ngheo',
    });
  });
});

describe('FaqSnapshot navigation', () => {
  it('when listing the root, then topics come in menu order', () => {
    expect(snapshot.children(null, NOV_2026).map((n) => n.id)).toEqual(['nha-o', 'bao-hiem-y-te']);
  });

  it('when a child is valid only later, then the menu shows it only then', () => {
    expect(snapshot.children('nha-o', NOV_2026).map((n) => n.id)).toEqual([
      'tien-thue-nha',
      'mien-giam-thue',
      'vay-von-lam-nha',
    ]);
    expect(snapshot.children('nha-o', JAN_2027).map((n) => n.id)).toContain('ho-tro-tet-2027');
  });

  it('when an answer has dated versions, then the one valid on the day is returned', () => {
    const node = snapshot.node('vay-von-lam-nha')!;
    expect(snapshot.answerAt(node, NOV_2026)?.text).toContain('40 triệu');
    expect(snapshot.answerAt(node, JAN_2027)?.text).toContain('60 triệu');
    expect(snapshot.answerAt(snapshot.node('ho-tro-tet-2027')!, NOV_2026)).toBeUndefined();
  });

  it('when dates cross midnight in Vietnam, then the Vietnamese calendar day decides', () => {
    const node = snapshot.node('vay-von-lam-nha')!;
    expect(snapshot.answerAt(node, Date.parse('2026-12-31T17:30:00Z'))?.text).toContain('60 triệu');
  });
});
