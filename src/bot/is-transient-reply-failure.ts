import { AppError } from '../shared/errors.js';
import { AUTH_ZALO_CODES } from '../zalo/retry-policy.js';
import { TokenRefreshError } from '../zalo/token-refresh-error.js';
import { ZaloApiError } from '../zalo/zalo-api-error.js';

/**
 * Whether a reply that failed (after the Zalo client's own retries) may still go through later, so
 * the outbox keeps it pending with backoff: Zalo or the network unavailable (network, timeout, HTTP
 * 5xx/429, a non-JSON answer from a proxy, -32, -200), or a token problem an operator can fix (a
 * failed refresh, -216/-220 after the refresh). Everything else Zalo refuses is permanent: the reply
 * window (-230/-232), a banned or restricting user (-227/-244), a bad parameter (-201) …; so is a
 * caller mistake (`AppError`). An unexpected error (a bug) counts as transient: the max age bounds it.
 */
export function isTransientReplyFailure(err: unknown): boolean {
  if (err instanceof TokenRefreshError) return true;
  if (err instanceof ZaloApiError) {
    if (err.retryable || err.kind === 'network' || err.kind === 'timeout' || err.kind === 'bad_response') return true;
    if (err.kind === 'http') return (err.status ?? 0) >= 500 || err.status === 429 || err.status === 401;
    return err.code !== null && AUTH_ZALO_CODES.has(err.code);
  }
  return !(err instanceof AppError);
}
