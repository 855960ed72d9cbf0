import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../src/faq/content/build-snapshot.js';
import { loadContent } from '../../src/faq/content/load-content.js';
import { createManualClock } from '../../src/shared/clock.js';

const snapshot = buildSnapshot(loadContent(path.resolve('content')), createManualClock());
const AT = Date.parse('2026-12-07T12:00:00+07:00');
const match = (text: string) => snapshot.match(text, AT);

/** The real content's out-of-scope triggers (smalltalk.yaml `ngoai-pham-vi`): the bot knows offices, not who holds them. */
describe('who holds an office is out of scope', () => {
  it.each([
    'chu tich ubnd xa luc nam hien nay la ai',
    'Ai là Bộ trưởng Bộ Nông nghiệp và Môi trường hiện nay?',
    'ad oi ai dang lam bi thu xa minh vay',
    'Đảng nào tốt nhất, ad nghĩ sao về chính quyền bây giờ?',
  ])('when a resident asks "%s", then the bot declines instead of describing the office', (text) => {
    expect(match(text)).toMatchObject({ kind: 'smalltalk', intent: 'out_of_scope' });
  });

  it.each([
    'ai là người quyết định công nhận hộ nghèo',
    'ai ky giay chung nhan ho ngheo',
  ])('when a question only mentions an office or asks who decides ("%s"), then it is not declined', (text) => {
    expect(match(text)).not.toMatchObject({ intent: 'out_of_scope' });
  });
});

/** decide.ts: a word pair of the asking clause that only the out-of-scope examples use names another service. */
describe('another service named in the question', () => {
  it('when the question asks the fee of an international school, then it is declined, not the public-school answer', () => {
    expect(match('học phí trường quốc tế một năm hết bao nhiêu')).toMatchObject({ kind: 'smalltalk', intent: 'out_of_scope' });
  });

  it('when a programme question mentions a lawyer, then it is still answered', () => {
    expect(match('hộ nghèo có được luật sư tư vấn miễn phí không')).toMatchObject({ kind: 'answer', id: 'tro-giup-phap-ly' });
  });
});
