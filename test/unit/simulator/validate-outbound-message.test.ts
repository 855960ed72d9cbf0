import { describe, expect, it } from 'vitest';
import { validateCsMessage, validateGroupMessage } from '../../../src/simulator/validate-outbound-message.js';

const to = (message: unknown) => ({ recipient: { user_id: '1' }, message });
const buttons = (list: unknown[]) => ({ text: 'menu', attachment: { type: 'template', payload: { buttons: list } } });
const button = (over: Record<string, unknown> = {}) => ({
  title: 'Mục 1',
  type: 'oa.query.show',
  payload: '#1',
  ...over,
});
const code = (r: { ok: boolean; code?: number }) => (r.ok ? 0 : r.code);

describe('validateCsMessage', () => {
  it.each([
    ['plain text', to({ text: 'a' }), 0],
    ['text at 2,000', to({ text: 'x'.repeat(2000) }), 0],
    ['text over 2,000', to({ text: 'x'.repeat(2001) }), -210],
    ['empty text', to({ text: '' }), -201],
    ['no recipient', { message: { text: 'a' } }, -201],
    ['5 buttons', to(buttons(Array.from({ length: 5 }, () => button()))), 0],
    ['6 buttons', to(buttons(Array.from({ length: 6 }, () => button()))), -210],
    ['button title over 100', to(buttons([button({ title: 't'.repeat(101) })])), -210],
    ['query payload over 1,000', to(buttons([button({ payload: 'p'.repeat(1001) })])), -210],
    ['unknown button type', to(buttons([button({ type: 'oa.do.magic' })])), -201],
    [
      'open.url with object payload',
      to(buttons([button({ type: 'oa.open.url', payload: { url: 'https://x.test' } })])),
      0,
    ],
    ['unknown template type', to({ attachment: { type: 'template', payload: { template_type: 'carousel' } } }), -233],
    [
      'media image',
      to({
        attachment: {
          type: 'template',
          payload: { template_type: 'media', elements: [{ media_type: 'image', url: 'https://x.test/a.jpg' }] },
        },
      }),
      0,
    ],
    [
      'gif without size',
      to({
        attachment: {
          type: 'template',
          payload: { template_type: 'media', elements: [{ media_type: 'gif', url: 'u' }] },
        },
      }),
      -201,
    ],
    ['file with token', to({ attachment: { type: 'file', payload: { token: 't' } } }), 0],
    [
      'request_user_info',
      to({
        attachment: {
          type: 'template',
          payload: { template_type: 'request_user_info', elements: [{ title: 'Chia sẻ', subtitle: 's' }] },
        },
      }),
      0,
    ],
  ])('when the body is %s, then the result code is %s', (_label, body, expected) => {
    expect(code(validateCsMessage(body, true))).toBe(expected);
  });

  it('when buttons are switched off, then a message with buttons gets -201', () => {
    expect(code(validateCsMessage(to(buttons([button()])), false))).toBe(-201);
  });
});

describe('validateGroupMessage', () => {
  const group = (message: unknown) => ({ recipient: { group_id: 'g' }, message });
  it.each([
    ['text', group({ text: 'a' }), 0],
    ['text with mention', group({ text: 'Chào [@123]' }), 0],
    ['buttons', group(buttons([button()])), -233],
    [
      'request_user_info',
      group({ attachment: { type: 'template', payload: { template_type: 'request_user_info', elements: [] } } }),
      -233,
    ],
    [
      'image',
      group({
        attachment: {
          type: 'template',
          payload: { template_type: 'media', elements: [{ media_type: 'image', attachment_id: 'a' }] },
        },
      }),
      0,
    ],
    ['no group id', { recipient: {}, message: { text: 'a' } }, -201],
  ])('when the body is %s, then the result code is %s', (_label, body, expected) => {
    expect(code(validateGroupMessage(body))).toBe(expected);
  });
});
