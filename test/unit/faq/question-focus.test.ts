import { describe, expect, it } from 'vitest';
import { interrogativeClauses } from '../../../src/faq/match/question-focus.js';
import { normalizeVietnamese } from '../../../src/faq/match/normalize-vietnamese.js';

const asks = (text: string) => interrogativeClauses(normalizeVietnamese(text).syllables);
const STORY =
  'Chồng tôi mất năm ngoái vì tai nạn, tôi nuôi ba đứa con nhỏ và mẹ già đau yếu, làm thuê cũng không đủ ăn. ' +
  'Cho tôi hỏi hộ nghèo vay vốn được tối đa bao nhiêu?';

describe('interrogativeClauses', () => {
  it.each([
    ['vay được bao nhiêu', [true]],
    ['mẹ đau yếu, nộp ở đâu', [false, true]],
    ['làm thuê cũng không đủ ăn, có được không', [false, true]],
    ['có mấy sào ruộng', [true]],
    ['me em dau yeu', [false]],
  ])('when the message is "%s", then its clauses ask %j', (text, expected) => {
    expect(asks(text)).toEqual(expected);
  });
});
