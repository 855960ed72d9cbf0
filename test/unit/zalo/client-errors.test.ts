import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/i18n/create-i18n.js';
import { describeZaloError } from '../../../src/zalo/describe-zalo-error.js';
import { TokenRefreshError } from '../../../src/zalo/token-refresh-error.js';
import { ZaloApiError, sanitizePayload } from '../../../src/zalo/zalo-api-error.js';
import { ZALO_ERROR_CODES } from '../../../src/zalo/zalo-error-codes.js';
import { apiFixture } from '../../helpers/zalo-client-harness.js';
import vi from '../../../locales/vi/zalo.json' with { type: 'json' };
import en from '../../../locales/en/zalo.json' with { type: 'json' };

const publishedCodes = Object.keys(apiFixture('error_codes.json')).filter((code) => code !== '0');
const oauthCodes = ['-14003', '-14004', '-14020'];

describe('Zalo error table', () => {
  it.each([...publishedCodes, ...oauthCodes])(
    'when Zalo answers %s, then operators get a meaning and a hint',
    (code) => {
      const info = ZALO_ERROR_CODES[Number(code)];
      expect(info?.meaning).toBeTruthy();
      expect(info?.hint).toBeTruthy();
    },
  );

  it('when a code is in the table, then officials get a Vietnamese and an English reason', () => {
    const errorsVi: Record<string, string> = vi.errors;
    const errorsEn: Record<string, string> = en.errors;
    for (const code of Object.keys(ZALO_ERROR_CODES)) {
      expect(errorsVi[code], code).toBeTruthy();
      expect(errorsEn[code], code).toBeTruthy();
    }
  });
});

describe('describeZaloError', () => {
  const t = createI18n().t;

  it('when a group send fails with -237, then the official reads why in Vietnamese', () => {
    const error = new ZaloApiError({ kind: 'api', code: -237, method: 'POST', path: '/v3.0/oa/group/message' });
    expect(describeZaloError(error, t)).toBe('Nhóm đã bị vô hiệu hoá hoặc hết hạn gói');
  });

  it('when given a stored failure code, then transport codes and unknown codes still read well', () => {
    expect(describeZaloError('-230', t)).toBe('Người dân không nhắn tin cho OA trong 7 ngày qua');
    expect(describeZaloError('http_503', t)).toBe('Máy chủ Zalo đang gặp sự cố');
    expect(describeZaloError('network', t)).toBe('Không kết nối được tới Zalo, hệ thống sẽ thử lại');
    expect(describeZaloError(-999, t)).toBe('Lỗi Zalo (mã -999)');
  });

  it('when the language is English, then the English reason is used', () => {
    const i18n = createI18n();
    void i18n.changeLanguage('en');
    expect(describeZaloError(-403, i18n.t)).toBe('The OA does not own this group');
  });
});

describe('ZaloApiError', () => {
  it('when built from a Zalo answer, then it carries name, code, hint and a sanitized payload', () => {
    const error = new ZaloApiError({
      kind: 'api',
      code: -230,
      method: 'POST',
      path: '/v3.0/oa/message/cs',
      request: { recipient: { user_id: '5510185758261927916' }, message: { text: 'Câu trả lời dài' } },
      response: { error: -230, message: 'User has not interacted', access_token: 'AT-secret' },
      attempts: 1,
    });
    expect(error.name).toBe('ZaloApiError');
    expect(error).toBeInstanceOf(Error);
    expect(error.failureCode).toBe('-230');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('-230');
    expect(error.hint).toContain('reply window');
    const serialized = JSON.stringify(error.payload);
    expect(serialized).not.toContain('AT-secret');
    expect(serialized).not.toContain('5510185758261927916');
    expect(serialized).not.toContain('Câu trả lời');
    expect(serialized).toContain('[15 chars]');
  });

  it('when the transport failed, then the failure code names it', () => {
    expect(new ZaloApiError({ kind: 'http', code: null, status: 503, method: 'GET', path: '/x' }).failureCode).toBe(
      'http_503',
    );
    expect(new ZaloApiError({ kind: 'timeout', code: null, method: 'GET', path: '/x' }).failureCode).toBe('timeout');
  });

  it('when a refresh is refused with -14020, then the TokenRefreshError tells the operator to re-authorize', () => {
    const error = new TokenRefreshError({ code: -14020, detail: 'Invalid refresh token' });
    expect(error).toBeInstanceOf(ZaloApiError);
    expect(error.name).toBe('TokenRefreshError');
    expect(error.message).toMatch(/re-authorize/);
    expect(error.message).toContain('ZALO_REFRESH_TOKEN');
    expect(error.hint).toBe(error.message.slice(error.message.indexOf(': ') + 2));
  });

  it('when no token was ever configured, then officials read that the Zalo connection is not set up', () => {
    const error = new TokenRefreshError({ code: null, reason: 'missing' });
    expect(error.failureCode).toBe('token_missing');
    expect(describeZaloError(error, createI18n().t)).toBe('Chưa cấu hình kết nối Zalo, cần quản trị viên kiểm tra');
  });

  it('when a query carries JSON in data=, then user ids inside it are hashed', () => {
    const clean = sanitizePayload({ data: JSON.stringify({ user_id: '123456789012345678' }) });
    expect(JSON.stringify(clean)).not.toContain('123456789012345678');
  });
});
