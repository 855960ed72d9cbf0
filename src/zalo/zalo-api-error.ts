import { AppError } from '../shared/errors.js';
import { hashUserId } from '../shared/logger.js';
import { ZALO_ERROR_CODES } from './zalo-error-codes.js';

/** How a Zalo call failed: Zalo answered with a negative `error`, or the transport did. */
export type ZaloFailureKind = 'api' | 'http' | 'network' | 'timeout' | 'bad_response';

export interface ZaloApiErrorInit {
  kind: ZaloFailureKind;
  /** Zalo's `error` code; null when the failure happened before Zalo answered with one. */
  code: number | null;
  method: string;
  path: string;
  /** Zalo's own `message` / `error_description`, or the transport error text. */
  detail?: string;
  status?: number;
  retryable?: boolean;
  /**
   * A send (POST) that may have been delivered although it failed: a timeout, a connection lost after
   * the request went out, an HTTP 5xx or an unreadable answer. Zalo has no idempotency key, so the
   * caller must check what Zalo recorded before sending it again.
   */
  outcomeUnknown?: boolean;
  attempts?: number;
  request?: unknown;
  response?: unknown;
  cause?: unknown;
  /** Overrides the hint from the code table. */
  hint?: string;
}

/**
 * A failed Zalo OpenAPI (or OAuth) call. `code` is Zalo's error code (e.g. -230), `hint` tells an
 * operator what to do, `payload` holds the request and response with tokens and secrets redacted,
 * message texts reduced to their length and user ids hashed, so the error can be logged as is.
 */
export class ZaloApiError extends AppError {
  readonly kind: ZaloFailureKind;
  readonly code: number | null;
  readonly method: string;
  readonly path: string;
  readonly status: number | undefined;
  readonly retryable: boolean;
  /** See `ZaloApiErrorInit.outcomeUnknown`: the message may have been delivered; reconcile before a resend. */
  readonly outcomeUnknown: boolean;
  readonly attempts: number;
  readonly payload: { request?: unknown; response?: unknown };

  constructor(init: ZaloApiErrorInit) {
    const info = init.code === null ? undefined : ZALO_ERROR_CODES[init.code];
    const what = init.code !== null ? `error ${init.code}` : init.status ? `HTTP ${init.status}` : init.kind;
    const meaning = info?.meaning ?? init.detail ?? 'unknown failure';
    super(
      `Zalo ${init.method} ${init.path} failed: ${what} (${meaning})`,
      init.hint ?? info?.hint ?? transportHint(init.kind),
      {
        cause: init.cause,
      },
    );
    this.kind = init.kind;
    this.code = init.code;
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.retryable = init.retryable ?? false;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
    this.attempts = init.attempts ?? 1;
    this.payload = { request: sanitizePayload(init.request), response: sanitizePayload(init.response) };
  }

  /** A short code for storage and reports: `-230`, `http_503`, `network`, `timeout`, `bad_response`. */
  get failureCode(): string {
    if (this.code !== null) return String(this.code);
    return this.kind === 'http' && this.status ? `http_${this.status}` : this.kind;
  }
}

function transportHint(kind: ZaloFailureKind): string {
  switch (kind) {
    case 'network':
    case 'timeout':
      return 'check outbound HTTPS access to ZALO_OPENAPI_URL / ZALO_OAUTH_URL (DNS, firewall, proxy)';
    case 'http':
      return 'Zalo answered with an HTTP error; retried when temporary, otherwise check ZALO_OPENAPI_URL';
    default:
      return 'Zalo answered with something unexpected; check ZALO_OPENAPI_URL points at the Zalo OpenAPI';
  }
}

const SECRET_KEY = /token|secret|password|code_verifier|appsecret_proof/i;

/**
 * Copies a request/response body for logs and errors: secrets and tokens redacted, `text` fields
 * replaced by their length, `user_id` values hashed with `hashUserId`. JSON strings are parsed first
 * (Zalo's `data=` query parameter carries JSON).
 */
export function sanitizePayload(value: unknown, key = ''): unknown {
  if (value === undefined || value === null) return value;
  if (SECRET_KEY.test(key)) return '[redacted]';
  if (key === 'text' && typeof value === 'string') return `[${value.length} chars]`;
  if (key === 'user_id' && (typeof value === 'string' || typeof value === 'number'))
    return `user:${hashUserId(String(value))}`;
  if (typeof value === 'string' && key === 'data' && value.startsWith('{')) {
    try {
      return sanitizePayload(JSON.parse(value) as unknown);
    } catch {
      return value;
    }
  }
  if (Array.isArray(value)) return value.map((item) => sanitizePayload(item));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitizePayload(v, k)]));
  }
  return value;
}
