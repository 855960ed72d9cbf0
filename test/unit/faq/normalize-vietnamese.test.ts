import { describe, expect, it } from 'vitest';
import { accentKey, foldKey, normalizeVietnamese, stripMarks } from '../../../src/faq/match/normalize-vietnamese.js';

const keys = (text: string, key: 'folded' | 'accented') => normalizeVietnamese(text).syllables.map((s) => s[key]);

describe('normalizeVietnamese', () => {
  it('when text arrives decomposed (NFD), then it gives the same keys as precomposed text', () => {
    const nfc = 'Hộ nghèo được hỗ trợ';
    expect(keys(nfc.normalize('NFD'), 'accented')).toEqual(keys(nfc, 'accented'));
    expect(keys(nfc.normalize('NFD'), 'folded')).toEqual(['ho', 'ngheo', 'duoc', 'ho', 'tro']);
  });

  it.each([
    ['hoà', 'hòa', 'hoa2'],
    ['thuỷ', 'thủy', 'thuy3'],
    ['khoá', 'khóa', 'khoa1'],
    ['huỷ', 'hủy', 'huy3'],
    ['xoã', 'xõa', 'xoa4'],
  ])('when the tone sits on either vowel (%s / %s), then both give the accented key %s', (a, b, key) => {
    expect(accentKey(a)).toBe(key);
    expect(accentKey(b)).toBe(key);
    expect(accentKey(a.normalize('NFD'))).toBe(key);
  });

  it('when the vowel carries a quality mark, then the accented key keeps it and adds the tone digit', () => {
    expect(keys('lợi ích được thuê thuế', 'accented')).toEqual(['lơi5', 'ich1', 'đươc5', 'thuê0', 'thuê1']);
  });

  it.each(['ỷ', 'ỹ', 'ỵ', 'Ỷ', 'Ỹ', 'Ỵ'])(
    'when the text holds %s (missed by remove-accents), then folding removes it',
    (ch) => {
      expect(stripMarks(ch).toLowerCase()).toBe('y');
      expect(keys(`k${ch}`, 'folded')).toEqual(['ki']);
    },
  );

  it('when the text holds đ or Đ, then the folded key uses d', () => {
    expect(keys('ĐĂNG KÝ đất đai', 'folded')).toEqual(['dang', 'ki', 'dat', 'dai']);
  });

  it('when i and y alternate in open syllables, then they fold to one key', () => {
    expect(foldKey('kỹ')).toBe(foldKey('kĩ'));
    expect(foldKey('lý')).toBe(foldKey('lí'));
    expect(foldKey('quý')).toBe(foldKey('quí'));
    expect(keys('dang ki', 'folded')).toEqual(keys('đăng ký', 'folded'));
    expect(foldKey('y')).toBe('y');
    expect(foldKey('tay')).toBe('tay');
  });

  it('when chat spellings use f, w, j, then they fold to ph, qu, gi', () => {
    expect(keys('hoc fi', 'folded')).toEqual(keys('học phí', 'folded'));
    expect(foldKey('wá')).toBe(foldKey('quá'));
    expect(foldKey('jờ')).toBe(foldKey('giờ'));
  });

  it('when text has punctuation, emoji and case, then only lowercase syllables remain', () => {
    expect(keys('BHYT??? 👍 Hộ-nghèo!!!', 'folded')).toEqual(['bhyt', 'ho', 'ngheo']);
    expect(normalizeVietnamese('🙏🙏 ???').syllables).toEqual([]);
  });

  it('when letters and digits are glued, then they are split and marked as numbers', () => {
    const s = normalizeVietnamese('vay 1tr4 nhà 35m2').syllables;
    expect(s.map((x) => x.raw)).toEqual(['vay', '1', 'tr', '4', 'nhà', '35', 'm', '2']);
    expect(s.map((x) => x.isNumber)).toEqual([false, true, true, true, false, true, true, true]);
  });

  it('when punctuation or a line break separates words, then the next syllable starts a clause (a pause)', () => {
    const s = normalizeVietnamese('Chồng mất, con nhỏ.\nXin hỏi vay-vốn 1tr4 được không?').syllables;
    expect(s.filter((x) => x.pause).map((x) => x.raw)).toEqual(['con', 'xin']);
  });

  it('when most syllables carry marks, then the text counts as typed with diacritics', () => {
    expect(normalizeVietnamese('hộ nghèo vay vốn').typedWithDiacritics).toBe(true);
    expect(normalizeVietnamese('ho ngheo vay von').typedWithDiacritics).toBe(false);
    expect(normalizeVietnamese('bhyt cho hộ nghèo').typedWithDiacritics).toBe(true);
    expect(normalizeVietnamese('2025').typedWithDiacritics).toBe(false);
  });
});
