import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../src/faq/content/build-snapshot.js';
import { loadContent } from '../../../src/faq/content/load-content.js';
import { normalizeVietnamese } from '../../../src/faq/match/normalize-vietnamese.js';
import {
  closingVay,
  createStopwords,
  inStopPhrase,
  isSoftStopword,
  isStopword,
} from '../../../src/faq/match/stopwords.js';
import { createManualClock } from '../../../src/shared/clock.js';

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

describe('inStopPhrase', () => {
  const phraseWords = (text: string): string[] => {
    const { syllables } = normalizeVietnamese(text);
    const flags = inStopPhrase(syllables);
    return syllables.filter((_, i) => flags[i]).map((s) => s.raw);
  };

  it.each([
    ['ho ngheo duoc gi vay', ['gi', 'vay']],
    ['sao vay a', ['sao', 'vay']],
    ['dang ky the nao vay', ['the', 'nao', 'vay']],
    ['neu nhu vay von thi sao', []],
    ['the vay von thi sao', []],
  ])('when "%s" is typed without marks, then only a sentence-final vậy joins the stop phrase', (text, expected) => {
    expect(phraseWords(text)).toEqual(expected);
  });

  it('when "vậy" closes an unmarked question, then the loan answer is not retrieved; "vay von" still retrieves it', () => {
    const snapshot = buildSnapshot(loadContent(path.resolve('test/fixtures/content/valid')), createManualClock());
    const at = Date.parse('2026-11-29T12:00:00+07:00');
    const vague = snapshot.match('ho ngheo duoc gi vay', at);
    expect(vague.kind === 'answer' && vague.id === 'vay-von-lam-nha').toBe(false);
    expect('candidates' in vague ? vague.candidates[0]?.id : undefined).not.toBe('vay-von-lam-nha');
    expect(snapshot.match('ho ngheo vay von', at)).toMatchObject({ kind: 'answer', id: 'vay-von-lam-nha' });
  });
});

describe('closingVay', () => {
  const flagged = (text: string): string[] => {
    const { syllables } = normalizeVietnamese(text);
    const flags = closingVay(syllables);
    return syllables.filter((_, i) => flags[i]).map((s) => s.raw);
  };

  it.each([
    ['thu nhap bao nhieu thi duoc xet ho ngheo vay ad', ['vay']],
    ['ho ngheo vay', ['vay']],
    ['ho ngheo duoc vay', []],
    ['lai suat khi vay', []],
    ['ho ngheo duoc gi vay', []],
    ['vay von ho ngheo', []],
    ['vay', []],
  ])(
    'when "%s" is typed, then only a closing vay outside a loan phrase or stop phrase is flagged',
    (text, expected) => {
      expect(flagged(text)).toEqual(expected);
    },
  );
});
