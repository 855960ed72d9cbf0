import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../src/faq/content/build-snapshot.js';
import { loadContent } from '../../src/faq/content/load-content.js';

/**
 * synonyms.yaml keeps the deprivation indicators apart from the income line: "tiêu chí hộ nghèo" is
 * said of both, so it is not folded into "chuẩn nghèo", while "tiêu chí thiếu hụt", "thiếu hụt dịch
 * vụ" and "chỉ số đa chiều" are the indicators. A bare "chuẩn nghèo bao nhiêu" is the line in force.
 */
const snapshot = buildSnapshot(loadContent(path.resolve('content')), { now: () => Date.now() });
const AT = Date.parse('2026-12-07T12:00:00+07:00');

const ROUTES: [question: string, node: string][] = [
  ['tiêu chí thiếu hụt gồm những gì', 'chi-so-thieu-hut'],
  ['thiếu hụt dịch vụ nước sạch là sao', 'chi-so-thieu-hut'],
  ['tieu chi ho ngheo co tinh nha co tivi voi dien thoai ko', 'chi-so-thieu-hut'],
  ['chuẩn nghèo là bao nhiêu', 'chuan-ngheo-thu-nhap'],
  ['chuan ngheo bao nhieu', 'chuan-ngheo-thu-nhap'],
];

describe('indicator words and income-line words reach their own answers', () => {
  it.each(ROUTES)('%s → %s', (question, node) => {
    expect(snapshot.match(question, AT)).toMatchObject({ kind: 'answer', id: node });
  });

});
