import { describe, expect, it } from 'vitest';
import { splitText } from '../../../src/zalo/split-text.js';

const PARAGRAPH_1 =
  'Hộ nghèo là hộ gia đình có thu nhập bình quân đầu người/tháng từ 1.500.000 đồng trở xuống ở khu vực nông thôn. ' +
  'Hộ cũng phải thiếu hụt từ 3 chỉ số đo lường mức độ thiếu hụt dịch vụ xã hội cơ bản trở lên.';
const PARAGRAPH_2 =
  'Người dân có thể liên hệ Ủy ban nhân dân xã để được hướng dẫn thủ tục rà soát. ' +
  'Cán bộ phụ trách sẽ kiểm tra thông tin và trả lời trong thời hạn quy định!';

describe('splitText', () => {
  it('when the text fits, then it is returned trimmed as one part', () => {
    expect(splitText('  Xin chào bà con!  ')).toEqual(['Xin chào bà con!']);
  });

  it('when the text is empty or blank, then there are no parts', () => {
    expect(splitText('')).toEqual([]);
    expect(splitText(' \n\n ')).toEqual([]);
  });

  it('when two paragraphs do not fit together, then it splits between them', () => {
    const text = `${PARAGRAPH_1}\n\n${PARAGRAPH_2}`;
    expect(splitText(text, PARAGRAPH_1.length + 5)).toEqual([PARAGRAPH_1, PARAGRAPH_2]);
  });

  it('when a paragraph is too long, then it splits at sentence ends', () => {
    const parts = splitText(PARAGRAPH_2, 90);
    expect(parts).toEqual([
      'Người dân có thể liên hệ Ủy ban nhân dân xã để được hướng dẫn thủ tục rà soát.',
      'Cán bộ phụ trách sẽ kiểm tra thông tin và trả lời trong thời hạn quy định!',
    ]);
  });

  it('when a sentence is too long, then it splits between words and never inside one', () => {
    const parts = splitText(PARAGRAPH_1, 40);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(40);
    expect(parts.join(' ').split(/\s+/)).toEqual(PARAGRAPH_1.split(/\s+/));
  });

  it('when a numbered menu must be split, then line breaks inside each part are kept', () => {
    const menu = '1. Chuẩn hộ nghèo\n2. Thủ tục rà soát\n3. Chính sách hỗ trợ\n4. Gặp cán bộ';
    const parts = splitText(menu, 40);
    expect(parts).toEqual(['1. Chuẩn hộ nghèo\n2. Thủ tục rà soát', '3. Chính sách hỗ trợ\n4. Gặp cán bộ']);
  });

  it('when one word is longer than the limit, then only that word is cut', () => {
    const url = `https://dichvucong.gov.vn/${'a'.repeat(30)}`;
    const parts = splitText(`Xem tại ${url} nhé`, 20);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(20);
    expect(parts).toEqual(['Xem tại', 'https://dichvucong.g', 'ov.vn/aaaaaaaaaaaaaa', 'aaaaaaaaaaaaaaaa nhé']);
  });

  it('when a long text is split at the default 2,000 limit, then every character survives in order', () => {
    const text = Array.from({ length: 30 }, (_, i) => `Đoạn ${i + 1}. ${PARAGRAPH_1} ${PARAGRAPH_2}`).join('\n\n');
    const parts = splitText(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    expect(parts.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    expect(parts[1]!.startsWith('Đoạn ')).toBe(true);
  });
});
