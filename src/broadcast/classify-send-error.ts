import { ZaloApiError } from '../zalo/zalo-api-error.js';
import { AUTH_ZALO_CODES, RETRYABLE_ZALO_CODES } from '../zalo/retry-policy.js';
import { TokenRefreshError } from '../zalo/token-refresh-error.js';

/**
 * How the sender treats a failed group send, after the client's own retries:
 * - `permanent`: Zalo refused for good (-237 disabled group, -403 not owned, -224 no GMF…): record the reason;
 * - `retry`: Zalo refused for now (-32 rate limit, -200, a dead token being fixed): the message did not land;
 * - `ambiguous`: the transport failed (timeout, network, 5xx, garbage), or something unexpected was thrown:
 *   it may have landed, so the group's history is checked before any resend.
 * A token that cannot be refreshed is the OA's problem, not the group's: retried (bounded), not failed at once.
 */
export interface SendFailure {
  kind: 'permanent' | 'retry' | 'ambiguous';
  /** Stored failure code: `-237`, `http_503`, `timeout`, … */
  code: string;
  /** Zalo's rate limit resets each minute: wait for the next one. */
  waitForNextMinute: boolean;
}

export function classifySendError(err: unknown): SendFailure {
  if (!(err instanceof ZaloApiError)) return { kind: 'ambiguous', code: 'internal', waitForNextMinute: false };
  const code = err.failureCode;
  if (err instanceof TokenRefreshError) return { kind: 'retry', code, waitForNextMinute: false };
  if (err.code !== null) {
    const retry = RETRYABLE_ZALO_CODES.has(err.code) || AUTH_ZALO_CODES.has(err.code);
    return { kind: retry ? 'retry' : 'permanent', code, waitForNextMinute: err.code === -32 };
  }
  if (err.kind === 'http' && err.status !== undefined && err.status < 500) {
    const retry = err.status === 401 || err.status === 429;
    return { kind: retry ? 'retry' : 'permanent', code, waitForNextMinute: err.status === 429 };
  }
  return { kind: 'ambiguous', code, waitForNextMinute: false };
}
