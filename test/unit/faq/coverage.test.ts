import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../../src/faq/analyze-text.js';
import { addToBag, coverage, createIdfTable, withinOneEdit } from '../../../src/faq/coverage.js';
import { DEFAULT_KNOBS } from '../../../src/faq/matcher-knobs.js';
import { EMPTY_SYNONYMS } from '../../../src/faq/synonym-table.js';

const analyzer = createAnalyzer(EMPTY_SYNONYMS);
const terms = (text: string) => analyzer.analyze(text).readings[0]!;
const bag = (text: string) => addToBag(new Map(), terms(text));
const idf = createIdfTable(
  ['tiền thuê nhà trọ', 'miễn giảm thuế', 'lãi suất vay vốn', 'thẻ bảo hiểm'].map((t) => new Set(bag(t).keys())),
  DEFAULT_KNOBS.bigramWeight,
);
const cover = (query: string, text: string, fuzzy = false) =>
  coverage(terms(query), bag(text), new Map(), idf, DEFAULT_KNOBS, fuzzy);

describe('withinOneEdit', () => {
  it.each([
    ['suat', 'xuat', true],
    ['ngheo', 'nghoe', true],
    ['ngheo', 'nghe', true],
    ['ngheo', 'ngheoo', true],
    ['ngheo', 'nhoe', false],
  ])('when comparing %s and %s, then the answer is %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
  });
});

describe('coverage', () => {
  it('when the query says exactly the entry text, then both coverages are 1', () => {
    expect(cover('miễn giảm thuế', 'miễn giảm thuế')).toEqual({ covQ: 1, covD: 1 });
  });

  it('when the resident typed a different accent, then the marked entry is covered less', () => {
    expect(cover('thuê', 'tiền thuê nhà trọ').covQ).toBeGreaterThan(cover('thuê', 'miễn giảm thuế').covQ);
    expect(cover('thuế', 'miễn giảm thuế').covQ).toBeGreaterThan(cover('thuế', 'tiền thuê nhà trọ').covQ);
    expect(cover('thue', 'miễn giảm thuế').covQ).toBe(cover('thue', 'tiền thuê nhà trọ').covQ);
  });

  it('when the query adds numbers, then coverage does not drop', () => {
    expect(cover('lãi suất 6,6% vay vốn', 'lãi suất vay vốn')).toEqual({ covQ: 1, covD: 1 });
    expect(cover('lãi suất vay vốn 2025', 'lãi suất vay vốn')).toEqual({ covQ: 1, covD: 1 });
  });

  it('when a word is misspelt by one letter, then only the fuzzy pass covers it', () => {
    expect(cover('lai xuat', 'lãi suất vay vốn').covQ).toBeLessThan(cover('lai xuat', 'lãi suất vay vốn', true).covQ);
  });
});

describe('coverage of place names of the area', () => {
  const local = createAnalyzer({ ...EMPTY_SYNONYMS, places: ['Lục Nam'] });
  const localTerms = (text: string) => local.analyze(text).readings[0]!;
  const localBag = (text: string) => addToBag(new Map(), localTerms(text));
  const texts = ['lãi suất vay vốn', 'xã Lục Nam ở đâu', 'thẻ bảo hiểm'];
  const localIdf = createIdfTable(
    texts.map((t) => new Set(localBag(t).keys())),
    DEFAULT_KNOBS.bigramWeight,
  );
  const covQ = (query: string, text: string) =>
    coverage(localTerms(query), localBag(text), new Map(), localIdf, DEFAULT_KNOBS, false).covQ;

  it('when the resident says where they live, then the place barely counts against an entry that does not name it', () => {
    expect(covQ('ở xã Lục Nam lãi suất vay vốn', 'lãi suất vay vốn')).toBeGreaterThan(0.8);
    expect(covQ('ở xã Lục Nam lãi suất vay vốn', 'xã Lục Nam ở đâu')).toBeLessThan(0.2);
  });

  it('when the place is the subject, then an entry naming it is credited in full', () => {
    expect(covQ('xã Lục Nam rộng bao nhiêu', 'xã Lục Nam ở đâu')).toBeGreaterThan(
      covQ('ở xã Lục Nam rộng bao nhiêu', 'xã Lục Nam ở đâu'),
    );
  });
});
