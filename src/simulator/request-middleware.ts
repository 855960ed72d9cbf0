import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { oauthError, openApiError } from './simulator-errors.js';
import type { SimulatorState } from './simulator-state.js';
import type { FaultSpec } from './simulator-types.js';

const SECRET_HEADERS = ['access_token', 'secret_key', 'appsecret_proof', 'authorization'];
const SECRET_FIELDS = ['refresh_token', 'code', 'code_verifier', 'access_token'];

/** Records every request in `state.requests`, with token and secret values replaced by '[redacted]'. */
export function recordRequests(state: SimulatorState): RequestHandler {
  return (req, _res, next) => {
    const headers: Record<string, string | string[] | undefined> = { ...req.headers };
    for (const name of SECRET_HEADERS) if (headers[name] !== undefined) headers[name] = '[redacted]';
    let body: unknown = req.body;
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
      body = { ...(body as Record<string, unknown>) };
      for (const field of SECRET_FIELDS)
        if ((body as Record<string, unknown>)[field] !== undefined)
          (body as Record<string, unknown>)[field] = '[redacted]';
    }
    state.requests.push({
      time: state.clock.now(),
      method: req.method,
      path: req.path,
      query: { ...req.query },
      headers,
      body,
    });
    next();
  };
}

/**
 * Applies the first armed fault whose `path` matches (or that has none), then decrements it.
 * Latency-only faults delay and pass the request on; `responseDelayMs` / `dropResponse` let the
 * request be handled (a send is accepted and recorded) and then hold or drop the answer; the others
 * answer in its place.
 */
export function injectFaults(state: SimulatorState): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const fault = state.faults.find((f) => f.remaining > 0 && (f.path === undefined || f.path === req.path));
    if (!fault) {
      next();
      return;
    }
    fault.remaining -= 1;
    state.faults = state.faults.filter((f) => f.remaining > 0);
    if (fault.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    if (fault.responseDelayMs !== undefined || fault.dropResponse) {
      holdAnswer(res, fault);
      next();
    } else if (fault.httpStatus !== undefined) {
      res.status(fault.httpStatus).type('text/plain').send(`Simulated HTTP ${fault.httpStatus}`);
    } else if (fault.malformed) {
      res.status(200).type('text/html').send('<html><body>502 Bad Gateway</body></html>');
    } else if (fault.code !== undefined) {
      res.json(req.path.startsWith('/v4/oa/') ? oauthError(fault.code) : openApiError(fault.code));
    } else {
      next();
    }
  };
}

/**
 * Lets the route answer as usual, then holds that answer for `responseDelayMs` (the client may have
 * timed out and gone by then) or, with `dropResponse`, closes the connection without any answer.
 */
function holdAnswer(res: Response, fault: FaultSpec): void {
  const json = res.json.bind(res);
  res.json = ((body: unknown) => {
    if (fault.dropResponse) {
      res.socket?.destroy();
      return res;
    }
    const timer = setTimeout(() => {
      if (!res.writableEnded && !res.destroyed && res.socket && !res.socket.destroyed) json(body);
    }, fault.responseDelayMs);
    timer.unref();
    return res;
  }) as Response['json'];
}

/**
 * OpenAPI gate: the `access_token` header must be a live token (missing, unknown or expired →
 * HTTP 200 `{error:-216}`), then the per-minute counter runs (window from the clock) and every
 * answer carries `X-RateLimit-Limit` / `X-RateLimit-Remain`; over the limit → `{error:-32}`.
 */
export function openApiGate(state: SimulatorState): RequestHandler {
  return (req, res, next) => {
    if (state.tokens.checkAccess(req.get('access_token')) !== 'valid') {
      res.json(openApiError(-216));
      return;
    }
    const window = Math.floor(state.clock.now() / 60_000) * 60_000;
    if (state.rate.windowStart !== window) {
      state.rate.windowStart = window;
      state.rate.count = 0;
    }
    state.rate.count += 1;
    const over = state.rate.count > state.rate.limit;
    res.set('X-RateLimit-Limit', String(state.rate.limit));
    res.set('X-RateLimit-Remain', String(Math.max(0, state.rate.limit - state.rate.count)));
    if (over) {
      res.json(openApiError(-32));
      return;
    }
    next();
  };
}
