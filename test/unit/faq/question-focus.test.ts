import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../../src/faq/analyze-text.js';
import { DEFAULT_KNOBS } from '../../../src/faq/matcher-knobs.js';
import { focusWeights, interrogativeClauses } from '../../../src/faq/question-focus.js';
import { EMPTY_SYNONYMS } from '../../../src/faq/synonym-table.js';
import { normalizeVietnamese } from '../../../src/faq/normalize-vietnamese.js';

const analyzer = createAnalyzer(EMPTY_SYNONYMS);
const asks = (text: string) => interrogativeClauses(normalizeVietnamese(text).syllables);
/** the unigrams that keep their full weight after focusing */
const focused = (text: string) => {
  const analysis = analyzer.analyze(text);
  return focusWeights(analysis.readings[0]!, analysis.interrogative, DEFAULT_KNOBS)
    .filter((t) => !t.bigram && (t.weight ?? 1) === 1)
    .map((t) => t.key);
};

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

describe('focusWeights', () => {
  it('when a long story ends with the question, then only the question keeps its full weight', () => {
    expect(focused(STORY)).toEqual(['ho', 'ngheo', 'vay', 'von', 'toi', 'da']);
  });

  it('when the question clause is short, then the clause before it joins the focus', () => {
    const text =
      'Tôi năm nay 60 tuổi, vợ mất sớm, con trai đi làm xa, tôi bị tật ở chân đi lại khó khăn, nhà là nhà tạm dột nát. Xin hỏi sửa nhà được bao nhiêu?';
    expect(focused(text)).toEqual(expect.arrayContaining(['dot', 'nat', 'sua']));
    expect(focused(text)).not.toContain('chan');
  });

  it('when the message is short, then nothing is reweighted', () => {
    const terms = analyzer.analyze('mẹ ốm, hộ nghèo vay được bao nhiêu').readings[0]!;
    expect(focusWeights(terms, [false, true], DEFAULT_KNOBS)).toBe(terms);
  });

  it('when no clause asks anything, then nothing is reweighted', () => {
    const analysis = analyzer.analyze(STORY.replace('Cho tôi hỏi hộ nghèo vay vốn được tối đa bao nhiêu?', ''));
    expect(focusWeights(analysis.readings[0]!, analysis.interrogative, DEFAULT_KNOBS)).toBe(analysis.readings[0]);
  });
});
