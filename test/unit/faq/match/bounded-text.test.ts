import { describe, expect, it } from 'vitest';
import {
  boundQuestionText,
  MAX_MATCH_CHARS,
  MAX_MATCH_WORD_CHARS,
} from '../../../../src/faq/match/bounded-text.js';

describe('boundQuestionText', () => {
  it('when a question is of ordinary length, then it is only trimmed', () => {
    expect(boundQuestionText('  Hộ nghèo được hỗ trợ gì?  ')).toEqual({ text: 'Hộ nghèo được hỗ trợ gì?', cut: false });
  });

  it('when one word is 60,000 letters long, then it is cut to the word limit', () => {
    expect(boundQuestionText(`ho ngheo ${'a'.repeat(60_000)} la gi`)).toEqual({
      text: `ho ngheo ${'a'.repeat(MAX_MATCH_WORD_CHARS)} la gi`,
      cut: true,
    });
  });

  it('when the text is 1 MB, then its last part is kept, starting on a whole word', () => {
    const bounded = boundQuestionText(`${'nhà em khó khăn '.repeat(70_000)}hộ nghèo có được vay vốn không`);
    expect(bounded.cut).toBe(true);
    expect(bounded.text.length).toBeLessThanOrEqual(MAX_MATCH_CHARS);
    expect(bounded.text.length).toBeGreaterThan(MAX_MATCH_CHARS - 10);
    expect(bounded.text.endsWith('hộ nghèo có được vay vốn không')).toBe(true);
    expect(bounded.text.split(' ')[0]).toMatch(/^(nhà|em|khó|khăn)$/);
  });

  it('when a giant word is made of emoji, then it is cut without splitting a surrogate pair', () => {
    const bounded = boundQuestionText(`a${'😀'.repeat(60)}`);
    expect(bounded.text).toBe(`a${'😀'.repeat(MAX_MATCH_WORD_CHARS / 2 - 1)}`);
    expect(bounded.text).not.toMatch(/[\uD800-\uDBFF]$/);
  });
});
