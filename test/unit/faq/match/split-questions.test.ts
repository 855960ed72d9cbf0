import { describe, expect, it } from 'vitest';
import { splitQuestions } from '../../../../src/faq/match/split-questions.js';

describe('splitQuestions', () => {
  it('when a message asks two things, then each question keeps the story told before it', () => {
    expect(splitQuestions('nhà em 4 người, hộ nghèo được bhyt không, vay vốn được bao nhiêu')).toEqual([
      'nhà em 4 người hộ nghèo được bhyt không',
      'vay vốn được bao nhiêu',
    ]);
  });

  it('when two questions are joined by "và" without punctuation, then they are split at the connector', () => {
    expect(splitQuestions('ho ngheo duoc bhyt khong va vay von duoc bao nhieu')).toEqual([
      'ho ngheo duoc bhyt khong',
      'va vay von duoc bao nhieu',
    ]);
  });

  it.each(['Chồng tôi mất sớm, nhà đông con, hộ nghèo vay vốn được bao nhiêu?', 'chuan ngheo la gi', 'chào ad'])(
    'when a message asks one thing ("%s"), then it stays whole',
    (text) => {
      expect(splitQuestions(text)).toEqual([text]);
    },
  );
});
