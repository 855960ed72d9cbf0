import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../src/faq/content/build-snapshot.js';
import { loadContent } from '../../src/faq/content/load-content.js';

/**
 * A message the model declines as a whole is not read question by question: its second half alone
 * ("làm online được không") looks like the FAQ's online-filing answer, but the message asks about
 * another public service (knob `keepDeclineAbove`, docs/matching.md).
 */
const snapshot = buildSnapshot(loadContent(path.resolve('content')), { now: () => Date.now() });
const AT = Date.parse('2026-12-08T12:00:00+07:00');

describe('a message out of scope as a whole', () => {
  it.each([
    'mua bảo hiểm ô tô ở đâu rẻ, làm online được không',
    'đổi bằng lái xe máy ở đâu, nộp trực tuyến có được không ad',
  ])('"%s" is declined, not answered by one of its halves', (text) => {
    expect(snapshot.match(text, AT)).toMatchObject({ kind: 'smalltalk', intent: 'out_of_scope' });
  });

  it('a programme question with the same second half is still answered', () => {
    expect(snapshot.match('nộp đơn xin hộ cận nghèo ở đâu, làm online được không', AT)).toMatchObject({
      kind: 'answer',
    });
  });
});
