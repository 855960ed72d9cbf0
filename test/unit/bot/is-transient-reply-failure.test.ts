import { describe, expect, it } from 'vitest';
import { isTransientReplyFailure } from '../../../src/bot/is-transient-reply-failure.js';
import { AppError } from '../../../src/shared/errors.js';
import { TokenRefreshError } from '../../../src/zalo/token-refresh-error.js';
import { ZaloApiError, type ZaloApiErrorInit } from '../../../src/zalo/zalo-api-error.js';

const send = { method: 'POST', path: '/v3.0/oa/message/cs' } as const;
const zalo = (init: Omit<ZaloApiErrorInit, 'method' | 'path'>) => new ZaloApiError({ ...send, ...init });

describe('isTransientReplyFailure', () => {
  it.each([
    ['HTTP 503', zalo({ kind: 'http', code: null, status: 503, retryable: true })],
    ['network', zalo({ kind: 'network', code: null, retryable: true })],
    ['timeout', zalo({ kind: 'timeout', code: null, retryable: true })],
    ['a proxy’s HTML page', zalo({ kind: 'bad_response', code: null, status: 200 })],
    ['-32 rate limit', zalo({ kind: 'api', code: -32, retryable: true })],
    ['-200 send failed', zalo({ kind: 'api', code: -200, retryable: true })],
    ['-216 after the refresh', zalo({ kind: 'api', code: -216 })],
    ['a failed token refresh', new TokenRefreshError({ code: -14020 })],
    ['an unexpected bug', new TypeError('x is undefined')],
  ])('when the failure is %s, then the reply is kept for a retry', (_name, err) => {
    expect(isTransientReplyFailure(err)).toBe(true);
  });

  it.each([
    ['-230 outside the reply window', zalo({ kind: 'api', code: -230 })],
    ['-232 no interaction', zalo({ kind: 'api', code: -232 })],
    ['-227 banned', zalo({ kind: 'api', code: -227 })],
    ['-244 restricted', zalo({ kind: 'api', code: -244 })],
    ['-201 bad parameter', zalo({ kind: 'api', code: -201 })],
    ['HTTP 404', zalo({ kind: 'http', code: null, status: 404 })],
    ['a caller mistake', new AppError('sendText: the text is empty')],
  ])('when the failure is %s, then the reply fails at once', (_name, err) => {
    expect(isTransientReplyFailure(err)).toBe(false);
  });
});
