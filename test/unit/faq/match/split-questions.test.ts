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

  it.each([
    ['ho ngheo co dc the bhyt ko, vay von dc bn', ['ho ngheo co dc the bhyt ko', 'vay von dc bn']],
    [
      'nhà e đc hỗ trợ j k ad, con e đi học có đc miễn học phí hok',
      ['nhà e đc hỗ trợ j k ad', 'con e đi học có đc miễn học phí hok'],
    ],
    ['vay tối đa bnhiu tiền, có phải thế chấp sổ đỏ ko', ['vay tối đa bnhiu tiền', 'có phải thế chấp sổ đỏ ko']],
  ])('when the questions are asked in chat spellings ("%s"), then they are split the same', (text, parts) => {
    expect(splitQuestions(text)).toEqual(parts);
  });

  it('when a "k" closes a clause after a number, then it is a thousand, not a question', () => {
    const text = 'nha em thu nhap 500 k, con di hoc co dc mien hoc phi ko';
    expect(splitQuestions(text)).toEqual([text]);
  });

  it.each(['Chồng tôi mất sớm, nhà đông con, hộ nghèo vay vốn được bao nhiêu?', 'chuan ngheo la gi', 'chào ad'])(
    'when a message asks one thing ("%s"), then it stays whole',
    (text) => {
      expect(splitQuestions(text)).toEqual([text]);
    },
  );
});
