import { describe, expect, it } from 'vitest';
import { createSpellCorrector } from '../../../../src/faq/match/spell-corrector.js';

const corrector = createSpellCorrector(['ngheo', 'ngheo', 'nhung', 'bao', 'hiem', 'giam', 'khuyet', 'chuan', 'nang']);

describe('the spell corrector', () => {
  it.each([
    ['ngeo', 'ngheo'],
    ['nhug', 'nhung'],
    ['NGHEOO', 'ngheo'],
    ['khuyett', 'khuyet'],
    ['khuyat', 'khuyet'],
    ['khueyt', 'khuyet'],
  ])('when a resident types "%s", then it reads "%s"', (typed, word) => {
    expect(corrector.correct(typed)).toBe(word);
  });

  it.each(['ngheo', 'nghèo', 'gia', 'vang', 'bán', '2026'])(
    'when the word is known or too short to guess ("%s"), then it is left alone',
    (word) => {
      expect(corrector.correct(word)).toBeUndefined();
    },
  );

  it('when a three-letter word typed with diacritics lost a letter ("nặg"), then it reads the content word; typed without, it is left alone', () => {
    expect(corrector.correct('nặg')).toBe('nang');
    expect(corrector.correct('nag')).toBeUndefined();
  });
});
