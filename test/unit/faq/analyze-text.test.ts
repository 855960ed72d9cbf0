import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../../src/faq/match/analyze-text.js';

const analyzer = createAnalyzer({
  abbreviations: { bhyt: 'bảo hiểm y tế' },
  chat: { ko: 'không', k: 'không', dc: 'được', bn: 'bao nhiêu', j: 'gì', v: 'vậy' },
  ambiguous: { hn: ['hộ nghèo', 'hà nội'] },
  groups: [['vay vốn', 'vay tiền', 'mượn tiền']],
  stopwordsExtra: [],
  places: [],
  abolishedOffices: [],
  abolishedCues: [],
  safetyWords: {},
});
const unigrams = (text: string, reading = 0) =>
  (analyzer.analyze(text, 8).readings[reading] ?? []).filter((t) => !t.bigram).map((t) => t.key);

describe('createAnalyzer', () => {
  it('when a resident types an abbreviation, then it reads the same as the words it stands for', () => {
    expect(unigrams('bhyt ho ngheo')).toEqual(unigrams('bảo hiểm y tế hộ nghèo'));
  });

  it('when teencode is typed, then it maps to the standard word and stopwords drop it', () => {
    expect(unigrams('ho ngheo dc vay bn ko')).toEqual(['ho', 'ngheo', 'vay']);
  });

  it('when a synonym-group member is typed, then it reads as the group head', () => {
    expect(unigrams('muon tien lam nha')).toEqual(unigrams('vay vốn làm nhà'));
  });

  it('when an ambiguous key is typed, then every meaning becomes a reading and the typed form stays first', () => {
    const readings = analyzer.analyze('hn vay', 8).readings;
    expect(readings).toHaveLength(3);
    expect(unigrams('hn vay', 0)).toEqual(['hn', 'vay']);
    expect(unigrams('hn vay', 1)).toEqual(['ho', 'ngheo', 'vay']);
    expect(unigrams('hn vay', 2)).toEqual(['ha', 'noi', 'vay']);
  });

  it('when a single-letter key appears in text typed with diacritics, then it is left alone', () => {
    expect(unigrams('thiếu vitamin k ở trẻ nhỏ')).toEqual(['thieu', 'vitamin', 'k', 'tre', 'nho']);
    expect(unigrams('co dc k')).toEqual(['co']);
  });

  it('when a letter outside the alphabet, or a consonant closing the message, is typed with diacritics, then it reads as chat', () => {
    expect(unigrams('hộ nghèo được hỗ trợ j v')).toEqual(['ho', 'ngheo', 'ho', 'tro']);
    expect(unigrams('nhà mình có phải hộ nghèo k')).toEqual(['nha', 'ho', 'ngheo']);
  });

  it('when an unmarked vay closes a question outside a loan phrase, then it weighs like a soft stopword; after a loan word it stays whole', () => {
    const weightOf = (text: string) => analyzer.analyze(text).readings[0]!.find((t) => t.key === 'vay')?.weight ?? 1;
    expect(weightOf('thu nhap bao nhieu thi xet ho ngheo vay ad')).toBe(0.3);
    expect(weightOf('ho ngheo dc vay')).toBe(1);
    expect(weightOf('hộ nghèo vay')).toBe(1);
  });

  it('when a soft stopword is typed without diacritics, then it stays at a lower weight, and at full weight when typed with marks', () => {
    const weights = (text: string) => analyzer.analyze(text).readings[0]!.map((t) => [t.key, t.weight ?? 1]);
    expect(weights('xe may')).toEqual([
      ['xe', 1],
      ['xe_may', 0.3],
      ['may', 0.3],
    ]);
    expect(weights('xe máy')).toEqual([
      ['xe', 1],
      ['xe_may', 1],
      ['may', 1],
    ]);
  });

  it('when adjacent syllables are both content, then a folded bigram joins them', () => {
    const terms = analyzer.analyze('hộ nghèo có vay').readings[0]!;
    expect(terms.filter((t) => t.bigram).map((t) => t.key)).toEqual(['ho_ngheo']);
  });

  it('when numbers are in the text, then they produce no terms, except a year', () => {
    expect(unigrams('vay 100 triệu 1tr4')).toEqual(['vay', 'trieu']);
    expect(unigrams('chuẩn nghèo năm 2021 là 700 nghìn')).toEqual(['chuan', 'ngheo', 'nam', 'nghin', '2021']);
  });
});
