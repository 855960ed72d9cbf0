import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../../../src/faq/match/analyze-text.js';
import { createAnswerOverlap } from '../../../../src/faq/match/answer-overlap.js';
import { EMPTY_SYNONYMS } from '../../../../src/faq/match/synonym-table.js';
import { textFeatures } from '../../../../src/faq/match/text-features.js';

const analyzer = createAnalyzer({ ...EMPTY_SYNONYMS, chat: { k: 'không', dc: 'được' } });
const overlap = createAnswerOverlap(analyzer, [
  ['Học sinh có cha mẹ thuộc hộ nghèo được hỗ trợ chi phí học tập 150.000 đồng mỗi tháng, tối đa 9 tháng.'],
  ['Hộ nghèo được vay vốn ưu đãi ở Ngân hàng Chính sách xã hội, tối đa 100 triệu đồng.'],
  [],
]);
const terms = (text: string) => overlap.weigh(textFeatures(analyzer.analyze(text, 1)).raw);

describe('createAnswerOverlap', () => {
  it('when a message uses the words of one answer, then that answer shares more of it than another', () => {
    const message = terms('con em đi học có được hỗ trợ chi phí học tập mỗi tháng k');
    expect(overlap.share(0, message)).toBeGreaterThan(0.5);
    expect(overlap.share(0, message)).toBeGreaterThan(overlap.share(1, message) * 2);
  });

  it('when typed without diacritics, then the share is the same', () => {
    expect(overlap.share(1, terms('ho ngheo vay von ngan hang chinh sach'))).toBeCloseTo(
      overlap.share(1, terms('hộ nghèo vay vốn ngân hàng chính sách')),
    );
  });

  it('when a class has no answer text (small talk) or the message no content word, then the share is 0', () => {
    expect(overlap.share(2, terms('hộ nghèo vay vốn'))).toBe(0);
    expect(overlap.share(0, terms('ạ'))).toBe(0);
  });
});
