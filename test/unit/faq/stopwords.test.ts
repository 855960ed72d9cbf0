import { describe, expect, it } from 'vitest';
import { normalizeVietnamese } from '../../../src/faq/normalize-vietnamese.js';
import { createStopwords, isSoftStopword, isStopword } from '../../../src/faq/stopwords.js';

const stopwords = createStopwords(['xíu', 'ha']);
const kept = (text: string): string[] => {
  const { syllables, typedWithDiacritics } = normalizeVietnamese(text);
  return syllables.filter((s) => !isStopword(s, typedWithDiacritics, stopwords)).map((s) => s.raw);
};

describe('isStopword', () => {
  it.each([
    ['vay vốn được không vậy', ['vay', 'vốn']],
    ['bảo hiểm bao nhiêu', ['bảo', 'hiểm']],
    ['hộ cận nghèo cần gì', ['hộ', 'cận', 'nghèo']],
    ['hội phụ nữ cho hỏi', ['hội', 'phụ', 'nữ']],
    ['thẻ bhyt thế nào', ['thẻ', 'bhyt']],
    ['chứng minh thư của mình', ['chứng', 'minh', 'thư']],
    ['muốn mượn tiền', ['mượn', 'tiền']],
  ])('when "%s" has a stopword homograph, then the domain word stays', (text, expected) => {
    expect(kept(text)).toEqual(expected);
  });

  it('when text has no diacritics, then only the homograph-free folded list applies', () => {
    expect(kept('ho can ngheo co duoc vay von khong')).toEqual(['ho', 'can', 'ngheo', 'co', 'vay', 'von']);
    expect(kept('the bhyt mat thi lam sao')).toEqual(['the', 'bhyt', 'mat', 'thi']);
  });

  it('when a homograph of a stopword is typed without diacritics, then it is soft; with diacritics, then it is not', () => {
    const soft = (text: string): string[] => {
      const { syllables, typedWithDiacritics } = normalizeVietnamese(text);
      return syllables.filter((s) => isSoftStopword(s, typedWithDiacritics, stopwords)).map((s) => s.raw);
    };
    expect(soft('muon hoi ve hoc nghe thi den co quan nao')).toEqual(['ve', 'thi', 'den', 'co']);
    expect(soft('đăng ký xe máy ở đâu')).toEqual([]);
  });

  it('when an admin adds extra stopwords, then they are dropped with or without marks', () => {
    expect(kept('đợi xíu nha')).toEqual(['đợi']);
    expect(kept('ha noi')).toEqual(['noi']);
  });
});
