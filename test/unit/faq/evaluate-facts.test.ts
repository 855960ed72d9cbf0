import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  evaluateFacts,
  loadFactsSet,
  normalizeForSnippets,
  scoreFactsReply,
  type FactsReply,
  type FactsRow,
} from '../../../src/faq/evaluate-facts.js';

const inScope = (q: string, mustContain: string[], half: 'A' | 'B' = 'A'): FactsRow => ({
  q,
  half,
  outOfScope: false,
  facts: ['F1.1'],
  mustContain,
});
const outOfScope = (q: string, half: 'A' | 'B' = 'B'): FactsRow => ({ q, half, outOfScope: true });
const answer = (text: string): FactsReply => ({
  kind: 'answer',
  id: 'x',
  text: `${text}\n\nCăn cứ: Nghị định 07/2021/NĐ-CP`,
});

describe('normalizeForSnippets', () => {
  it('when amounts use dots, commas or no thousands separator, then they compare equal; decimals keep their value', () => {
    expect(normalizeForSnippets('1.500.000 đồng')).toBe(normalizeForSnippets('1,500,000 đồng'));
    expect(normalizeForSnippets('1500000 đồng')).toBe(normalizeForSnippets('1.500.000 đồng'));
    expect(normalizeForSnippets('6.6%')).toBe(normalizeForSnippets('6,6%'));
    expect(normalizeForSnippets('6,6%')).not.toBe(normalizeForSnippets('66%'));
    expect(normalizeForSnippets('Ngân hàng\n  Chính sách')).toBe('Ngân hàng Chính sách');
  });
});

describe('scoreFactsReply', () => {
  it('when an answer carries every snippet (any separator, any spacing), then it is right', () => {
    expect(scoreFactsReply(inScope('q', ['1.500.000', 'UBND xã']), answer('Từ 1,500,000 đồng… hỏi UBND\nxã'))).toEqual({
      correct: true,
      missing: [],
    });
  });

  it('when a snippet is missing, differs in case or diacritics, or the reply is no answer, then it is wrong', () => {
    expect(scoreFactsReply(inScope('q', ['70%', '100%']), answer('ít nhất 70%'))).toEqual({
      correct: false,
      missing: ['100%'],
    });
    expect(scoreFactsReply(inScope('q', ['Mẫu số 01']), answer('mẫu số 01')).correct).toBe(false);
    expect(scoreFactsReply(inScope('q', ['70%']), { kind: 'suggestions', id: null, text: '1. 70%' }).correct).toBe(
      false,
    );
  });

  it('when an out-of-scope question is declined, then it is right; a cited or suggested reply is not', () => {
    expect(scoreFactsReply(outOfScope('q'), { kind: 'smalltalk', id: 'ngoai-pham-vi', text: 'Xin lỗi…' }).correct).toBe(
      true,
    );
    expect(scoreFactsReply(outOfScope('q'), { kind: 'fallback', id: null, text: 'Xin lỗi…' }).correct).toBe(true);
    expect(scoreFactsReply(outOfScope('q'), answer('Lãi suất…')).correct).toBe(false);
    expect(scoreFactsReply(outOfScope('q'), { kind: 'suggestions', id: null, text: '1. …' }).correct).toBe(false);
  });
});

describe('evaluateFacts', () => {
  it('when rows are asked, then each is a fresh resident and the metrics split by diacritics and half', async () => {
    const rows = [
      inScope('Hộ nghèo thu nhập bao nhiêu?', ['1.500.000']),
      inScope('ho ngheo thu nhap', ['1.500.000'], 'B'),
      outOfScope('giá vàng'),
    ];
    const users: string[] = [];
    const report = await evaluateFacts(rows, async (userId, q) => {
      users.push(userId);
      return q === 'giá vàng'
        ? { kind: 'smalltalk', id: 'oos', text: 'Xin lỗi' }
        : answer(q.startsWith('Hộ') ? '1.500.000 đồng' : 'không rõ');
    });
    expect(new Set(users).size).toBe(3);
    expect(report.all).toEqual({
      inScope: 2,
      inScopeCorrect: 1,
      inScopeAnswered: 2,
      outOfScope: 1,
      oosDeclined: 1,
      oosAnswered: 0,
    });
    expect(report.marked.inScopeCorrect).toBe(1);
    expect(report.unmarked).toMatchObject({ inScope: 1, inScopeCorrect: 0 });
    expect(report.halves.B).toMatchObject({ inScope: 1, outOfScope: 1, oosDeclined: 1 });
    expect(report.outcomes[1]).toMatchObject({ correct: false, missing: ['1.500.000'] });
  });
});

describe('loadFactsSet', () => {
  const write = (text: string): string => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'facts-set-')), 'set.yaml');
    fs.writeFileSync(file, text);
    return file;
  };

  it('when rows are well formed, then in-scope and out-of-scope rows are read', () => {
    const rows = loadFactsSet(
      write(
        '- {q: "a", facts: [F1.1], must_contain: ["1.500.000"], half: A}\n- {q: "b", out_of_scope: true, half: B}\n',
      ),
    );
    expect(rows).toEqual([
      { q: 'a', half: 'A', outOfScope: false, facts: ['F1.1'], mustContain: ['1.500.000'] },
      { q: 'b', half: 'B', outOfScope: true },
    ]);
  });

  it('when a row lacks snippets, has too many, or names no half, then loading fails with its row number', () => {
    expect(() => loadFactsSet(write('- {q: "a", facts: [F1.1], half: A}\n'))).toThrow(/row 1: must_contain/);
    expect(() => loadFactsSet(write('- {q: "a", facts: [F1.1], must_contain: [a, b, c, d], half: A}\n'))).toThrow(
      /row 1/,
    );
    expect(() => loadFactsSet(write('- {q: "b", out_of_scope: true}\n'))).toThrow(/row 1: half/);
  });
});
