import type { TFunction } from '../i18n/create-i18n.js';
import { ZaloApiError } from './zalo-api-error.js';

/**
 * A short reason an official understands, in the language of `t` (`zalo:errors.<code>`), for a
 * failed send shown in the console or a broadcast report: e.g. -237 → "Nhóm đã bị vô hiệu hoá hoặc
 * hết hạn gói". Accepts a `ZaloApiError`, a Zalo code, or a stored `failureCode` (`-230`, `http_503`,
 * `network`, …). Unknown codes give the generic "Lỗi Zalo (mã …)".
 */
export function describeZaloError(error: ZaloApiError | number | string, t: TFunction): string {
  const code = error instanceof ZaloApiError ? error.failureCode : String(error);
  const key = code.startsWith('http_') ? 'http' : code;
  return t([`errors.${key}`, 'errors.unknown'], { ns: 'zalo', code });
}
