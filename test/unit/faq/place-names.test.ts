import { describe, expect, it } from 'vitest';
import { normalizeVietnamese } from '../../../src/faq/match/normalize-vietnamese.js';
import { createPlaceSpans } from '../../../src/faq/match/place-names.js';

const spans = createPlaceSpans(['Lục Nam', 'Bắc Giang', 'Bắc Ninh']);
/** "raw:role" for every syllable inside a place name */
const roles = (text: string, places = spans) => {
  const { syllables, typedWithDiacritics } = normalizeVietnamese(text);
  return places(syllables, typedWithDiacritics).flatMap((role, i) => (role ? [`${syllables[i]!.raw}:${role}`] : []));
};

describe('createPlaceSpans', () => {
  it('when a place follows "ở", then it and its unit word say where the resident lives', () => {
    expect(roles('Nhà tôi ở xã Lục Nam, hộ nghèo vay được bao nhiêu?')).toEqual(['xã:at', 'lục:at', 'nam:at']);
  });

  it('when a second place continues the address, then it is where the resident lives too, with its "cũ"', () => {
    expect(roles('o luc nam, bac giang cu ho ngheo co dc ho tro tien dien ko')).toEqual([
      'luc:at',
      'nam:at',
      'bac:at',
      'giang:at',
      'cu:at',
    ]);
  });

  it('when the place is the subject of the question, then it is only named', () => {
    expect(roles('Tỉnh Bắc Ninh có chuẩn nghèo riêng không?')).toEqual(['tỉnh:name', 'bắc:name', 'ninh:name']);
  });

  it('when a syllable typed with marks differs from the place name, then it is no place', () => {
    expect(roles('lúc năm giờ')).toEqual([]);
  });

  it('when the content lists no places, then nothing is marked', () => {
    expect(roles('ở xã Lục Nam', createPlaceSpans([]))).toEqual([]);
  });
});
