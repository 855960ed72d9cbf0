import type { TokenManager } from './token-manager.js';
import { TokenRefreshError, type TokenRefreshErrorInit } from './token-refresh-error.js';

/** Either end of a worker_threads channel (`Worker` on the main side, `parentPort` in the worker). */
export interface ThreadPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

type TokenOp = { op: 'get' } | { op: 'refresh'; rejected?: string };
/** a token request from the worker */
export interface TokenRequest {
  type: 'tokens';
  id: number;
  call: TokenOp;
}
interface TokenAnswer {
  type: 'tokens';
  id: number;
  token?: string;
  error?: { refresh?: Pick<TokenRefreshErrorInit, 'code' | 'reason' | 'kind' | 'detail' | 'status'>; message: string };
}

export function isTokenRequest(message: unknown): message is TokenRequest {
  return (message as { type?: unknown } | null)?.type === 'tokens';
}

/**
 * The main thread's side: answers a worker's token requests with the one `TokenManager`, so a
 * single-use refresh token is rotated by one single-flight owner however many threads send.
 */
export function answerTokenRequest(port: ThreadPort, tokens: TokenManager, request: TokenRequest): void {
  const { call, id } = request;
  const pending = call.op === 'get' ? tokens.getAccessToken() : tokens.refresh(call.rejected);
  pending.then(
    (token) => port.postMessage({ type: 'tokens', id, token } satisfies TokenAnswer),
    (err: unknown) => port.postMessage({ type: 'tokens', id, error: describe(err) } satisfies TokenAnswer),
  );
}

function describe(err: unknown): NonNullable<TokenAnswer['error']> {
  const message = err instanceof Error ? err.message : String(err);
  if (!(err instanceof TokenRefreshError)) return { message };
  return {
    message,
    refresh: { code: err.code, reason: err.reason, kind: err.kind, status: err.status },
  };
}

/**
 * The worker's `TokenManager`: asks the main thread's over `port` (see `answerTokenRequest`). A
 * refresh failure comes back as a `TokenRefreshError` with the same code and advice.
 */
export function createRemoteTokens(port: ThreadPort): Pick<TokenManager, 'getAccessToken' | 'refresh'> {
  let nextId = 1;
  const waiting = new Map<number, { resolve(token: string): void; reject(err: Error): void }>();
  port.on('message', (message) => {
    if (!isTokenRequest(message)) return;
    const answer = message as unknown as TokenAnswer;
    const waiter = waiting.get(answer.id);
    if (!waiter) return;
    waiting.delete(answer.id);
    if (answer.token !== undefined) waiter.resolve(answer.token);
    else if (answer.error?.refresh) waiter.reject(new TokenRefreshError(answer.error.refresh));
    else waiter.reject(new Error(answer.error?.message ?? 'token request failed'));
  });
  const ask = (call: TokenOp): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      port.postMessage({ type: 'tokens', id, call } satisfies TokenRequest);
    });
  return {
    getAccessToken: () => ask({ op: 'get' }),
    refresh: (rejected) => ask({ op: 'refresh', ...(rejected === undefined ? {} : { rejected }) }),
  };
}
