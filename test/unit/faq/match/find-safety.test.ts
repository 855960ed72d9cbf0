import { describe, expect, it } from 'vitest';
import type { FaqNode } from '../../../../src/faq/faq-types.js';
import { containsInOrder, createSafetyFinder } from '../../../../src/faq/match/find-safety.js';

const node = (id: string, intent: FaqNode['intent'], triggers: string[], unless: string[] = []): FaqNode => ({
  id,
  kind: 'smalltalk',
  intent,
  parent: null,
  order: 1,
  title: id,
  questions: [],
  keywords: [],
  versions: [{ text: id, legalBasis: [] }],
  followUps: [],
  facts: [],
  triggers,
  unless,
  source: { file: 'smalltalk.yaml', line: 1 },
});
const finder = createSafetyFinder(
  [
    node('lua-dao', 'scam', ['nộp tiền làm hồ sơ']),
    node('bao-luc', 'emergency', ['chồng đánh', 'bị đánh'], ['đánh giá']),
    node('tu-tu', 'emergency', ['muốn chết', 'không muốn sống'], ['chết năm', 'đã chết']),
  ],
  { ko: 'không', k: 'không' },
);
const find = (text: string) => finder.find(text, () => true)?.node.id;

describe('the safety layer', () => {
  it.each([
    ['chồng em đánh em', 'bao-luc'],
    ['CHONG EM HAY DANH EM LAM', 'bao-luc'],
    ['em bi danh dap suot', 'bao-luc'],
    ['em chán quá, muốn chết cho xong', 'tu-tu'],
    ['e ko muon song nua', 'tu-tu'],
    ['cán bộ thôn bảo nhà em nộp 500k tiền làm hồ sơ', 'lua-dao'],
  ])('when a resident writes "%s", then %s answers before any FAQ matching', (text, id) => {
    expect(find(text)).toBe(id);
  });

  it.each([
    'bố em chết năm ngoái nên nhà khó khăn, có được hộ nghèo không',
    'hộ nghèo được đánh giá lại mấy lần một năm',
    'chồng em đi làm công ty',
    'hộ nghèo vay vốn được bao nhiêu',
  ])('when a normal question only shares words ("%s"), then no safety reply', (text) => {
    expect(find(text)).toBeUndefined();
  });

  it('when two kinds match, then an emergency comes before a scam', () => {
    expect(find('họ bắt nộp tiền làm hồ sơ, chồng em đánh em vì không có tiền')).toBe('bao-luc');
  });

  it('when words stand more than three apart, then the phrase is not found', () => {
    expect(containsInOrder(['chong', 'a', 'b', 'c', 'danh'], ['chong', 'danh'])).toBe(true);
    expect(containsInOrder(['chong', 'a', 'b', 'c', 'd', 'danh'], ['chong', 'danh'])).toBe(false);
    expect(containsInOrder(['danh', 'chong'], ['chong', 'danh'])).toBe(false);
  });
});
