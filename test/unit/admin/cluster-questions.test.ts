import { describe, expect, it } from 'vitest';
import type { UnansweredGroup } from '../../../src/bot/dialog/question-repository.js';
import { clusterQuestions } from '../../../src/admin/console/questions/cluster-questions.js';

function group(textKey: string, text: string | null, count: number, top?: string): UnansweredGroup {
  return {
    textKey,
    text,
    count,
    lastAskedAt: count * 1000,
    outcome: 'fallback',
    candidates: top ? [{ id: top, score: 0.3 }] : [],
  };
}

describe('clusterQuestions', () => {
  it('when phrasings differ only in order, diacritics and filler words, then they form one row with summed counts', () => {
    const rows = clusterQuestions([
      group('a', 'hộ nghèo vay vốn ở đâu', 3),
      group('b', 'vay von ho ngheo o dau a', 2),
      group('c', 'giá vàng hôm nay', 1),
    ]);
    expect(rows.map((r) => [r.keys, r.count])).toEqual([
      [['a', 'b'], 5],
      [['c'], 1],
    ]);
    expect(rows[0]!.texts).toEqual(['hộ nghèo vay vốn ở đâu', 'vay von ho ngheo o dau a']);
  });

  it('when two phrasings share only some words, then a shared nearest FAQ entry is what joins them', () => {
    const apart = clusterQuestions([group('a', 'thẻ bhyt hộ nghèo', 2), group('b', 'bhyt cho con học sinh', 1)]);
    expect(apart).toHaveLength(2);
    const joined = clusterQuestions([
      group('a', 'thẻ bhyt hộ nghèo cấp', 2, 'bhyt'),
      group('b', 'cấp thẻ bhyt', 1, 'bhyt'),
    ]);
    expect(joined).toHaveLength(1);
  });

  it('when a text was purged by retention, then its group stays its own row without a phrasing', () => {
    const rows = clusterQuestions([group('a', null, 4, 'x'), group('b', null, 1, 'x')]);
    expect(rows.map((r) => r.keys)).toEqual([['a'], ['b']]);
    expect(rows[0]!.texts).toEqual([]);
  });
});
