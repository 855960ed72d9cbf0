import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import type { Logger } from '../shared/logger.js';
import type { MinuteWindow, RateLimiter } from './rate-limiter.js';
import { AUTH_ZALO_CODES, RETRYABLE_ZALO_CODES, backoffDelay } from './retry-policy.js';
import type { TokenManager } from './token-manager.js';
import { ZaloApiError, type ZaloApiErrorInit } from './zalo-api-error.js';

export interface ZaloRequest {
  method: 'GET' | 'POST';
  path: string;
  params?: Record<string, string | number>;
  body?: unknown;
  /**
   * false: a POST whose outcome is unclear (timeout, connection lost after sending, HTTP 5xx, an
   * unreadable answer) is not retried; it fails at once with `outcomeUnknown` set, for a caller that
   * reconciles against what Zalo recorded (1:1 replies). Default true (retried like other failures).
   */
  retryUnclear?: boolean;
}

/**
 * Connections kept open to the OpenAPI host: replies reuse them instead of a new TCP (and TLS)
 * handshake each. See bench/zalo-http for the figures behind axios with its own keep-alive agent.
 */
const MAX_SOCKETS = 64;

/** Socket errors raised before any byte of the request left: Zalo cannot have received it. */
const NOT_SENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** A successful call: Zalo's body (`error: 0`) and how many HTTP attempts it took. */
export interface ZaloResponse {
  body: Record<string, unknown>;
  attempts: number;
}

/** Sends authenticated OpenAPI requests with pacing, retries and one token refresh. */
export interface ZaloTransport {
  call(request: ZaloRequest): Promise<ZaloResponse>;
}

export interface ZaloTransportDeps {
  openapiUrl: string;
  /** a `TokenManager`, or in the bot worker its bridge to the main thread's */
  tokens: Pick<TokenManager, 'getAccessToken' | 'refresh'>;
  limiter: RateLimiter;
  log: Logger;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /**
   * Attempts for transient failures (network, timeout, 5xx, -32, -200), first one included. Use 1 for
   * a caller that reconciles unclear sends itself (broadcasts); see the retry policy on `createZaloTransport`.
   */
  maxAttempts: number;
  timeoutMs: number;
}

type Outcome =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; failure: Omit<ZaloApiErrorInit, 'attempts'>; auth: boolean };

/**
 * Creates the HTTP layer under `createZaloClient`. Each attempt waits for the rate limiter, takes a
 * token from the manager and sends it as the `access_token` header (never Bearer). A reply is a
 * success only with `error: 0`. Network errors, timeouts, HTTP 5xx, -32 and -200 are retried up to
 * `maxAttempts` with full-jitter backoff (-32 waits for the next minute window instead); -216,
 * -220 and HTTP 401 refresh the token once and retry once; everything else fails at once.
 *
 * Retry policy for POSTs (sends). Zalo has no idempotency key, so a POST that timed out, lost its
 * connection or got an HTTP 5xx may still have been delivered, and retrying it may deliver it twice.
 * - Other sends of main's default client (`maxAttempts` 4: an official's hand-off answer) retry these
 *   anyway: the resident may, rarely, receive the same message twice.
 * - Broadcasts (main's second client, `maxAttempts: 1`) never resend blindly: the failure goes back
 *   to the broadcast sender, which checks the group's history before any resend (reconciliation).
 * - 1:1 replies from the reply outbox pass `retryUnclear: false`: only failures that prove nothing
 *   was delivered (-32, -200, a refused connection) are retried here; an unclear one fails at once
 *   with `outcomeUnknown`, and the outbox checks the echo webhooks and the conversation before any resend.
 * A refused token (-216, -220, HTTP 401) is refreshed and the call retried once in both: Zalo
 * refused it, so nothing was delivered. -32 and -200 count against `maxAttempts` like the rest.
 */
export function createZaloTransport(deps: ZaloTransportDeps): ZaloTransport {
  const client: AxiosInstance = axios.create({
    baseURL: deps.openapiUrl,
    timeout: deps.timeoutMs,
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS, scheduling: 'lifo' }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS, scheduling: 'lifo' }),
    validateStatus: () => true,
    headers: { 'Content-Type': 'application/json' },
  });

  async function attempt(request: ZaloRequest, token: string, sentIn: MinuteWindow): Promise<Outcome> {
    const base = { method: request.method, path: request.path, request: request.body ?? request.params };
    const isPost = request.method === 'POST';
    let response;
    try {
      response = await client.request({
        method: request.method,
        url: request.path,
        params: request.params,
        data: request.body,
        headers: { access_token: token },
      });
    } catch (cause) {
      if (!axios.isAxiosError(cause)) throw cause;
      const timedOut = cause.code === 'ECONNABORTED' || cause.code === 'ETIMEDOUT';
      return {
        ok: false,
        auth: false,
        failure: {
          ...base,
          kind: timedOut ? 'timeout' : 'network',
          code: null,
          detail: cause.message,
          retryable: true,
          outcomeUnknown: isPost && (timedOut || !NOT_SENT_NETWORK_CODES.has(cause.code ?? '')),
          cause,
        },
      };
    }
    deps.limiter.observe(response.headers as Record<string, unknown>, sentIn);
    const body: unknown = response.data;
    const record =
      typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
    const code = record && record.error !== undefined && record.error !== null ? Number(record.error) : NaN;
    const status = response.status;
    const failure = { ...base, status, response: body };
    if (status === 401 || AUTH_ZALO_CODES.has(code)) {
      return {
        ok: false,
        auth: true,
        failure: {
          ...failure,
          kind: Number.isFinite(code) ? 'api' : 'http',
          code: Number.isFinite(code) ? code : null,
        },
      };
    }
    if (status >= 500)
      return {
        ok: false,
        auth: false,
        failure: { ...failure, kind: 'http', code: null, retryable: true, outcomeUnknown: isPost },
      };
    if (Number.isFinite(code) && code !== 0) {
      const detail = typeof record?.message === 'string' ? record.message : undefined;
      return {
        ok: false,
        auth: false,
        failure: { ...failure, kind: 'api', code, detail, retryable: RETRYABLE_ZALO_CODES.has(code) },
      };
    }
    if (status >= 400) return { ok: false, auth: false, failure: { ...failure, kind: 'http', code: null } };
    if (code === 0 && record) return { ok: true, body: record };
    return {
      ok: false,
      auth: false,
      failure: {
        ...failure,
        kind: 'bad_response',
        code: null,
        detail: 'no JSON body with an error field',
        outcomeUnknown: isPost,
      },
    };
  }

  return {
    async call(request) {
      let attempts = 0;
      let transientFailures = 0;
      let refreshed = false;
      for (;;) {
        const sentIn = await deps.limiter.acquire();
        const token = await deps.tokens.getAccessToken();
        attempts += 1;
        const outcome = await attempt(request, token, sentIn);
        if (outcome.ok) return { body: outcome.body, attempts };
        const { failure } = outcome;
        if (outcome.auth && !refreshed) {
          refreshed = true;
          deps.log.warn(
            { method: request.method, path: request.path, code: failure.code ?? failure.status },
            'Zalo rejected the access token; refreshing it and retrying once',
          );
          await deps.tokens.refresh(token);
          continue;
        }
        const mayResend = request.retryUnclear !== false || !failure.outcomeUnknown;
        if (failure.retryable && mayResend && transientFailures + 1 < deps.maxAttempts) {
          transientFailures += 1;
          const waitMs = failure.code === -32 ? undefined : backoffDelay(transientFailures, { random: deps.random });
          deps.log.warn(
            {
              method: request.method,
              path: request.path,
              code: failure.code ?? failure.status ?? failure.kind,
              attempt: attempts,
              waitMs: waitMs ?? 'next minute',
            },
            'Zalo call failed; retrying',
          );
          if (waitMs === undefined) deps.limiter.blockUntilNextWindow(sentIn);
          else await deps.sleep(waitMs);
          continue;
        }
        throw new ZaloApiError({ ...failure, attempts });
      }
    },
  };
}
