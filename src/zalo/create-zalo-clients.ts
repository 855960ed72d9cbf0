import { createRateLimitState } from './rate-limiter.js';
import { createZaloClient, type ZaloClientDeps } from './zalo-client.js';
import type { ZaloApi } from './zalo-api.js';

/** The two OpenAPI clients a process sends through. */
export interface ZaloClients {
  /** replies to residents (the console's too): transport retries on */
  zalo: ZaloApi;
  /**
   * group messages and the officials' notices: one attempt only, because their senders own the
   * retries (they reconcile an unclear send against the group's history before any resend)
   */
  groupZalo: ZaloApi;
}

/**
 * Both clients draw on one rate counter (`deps.rateLimitState`, or a new one), so together they send
 * no more than `rateLimitPerMinute` in a minute window; with a bot worker, main passes the same state
 * to the worker's clients.
 * @example const { zalo, groupZalo } = createZaloClients({ openapiUrl, tokens, db, log, clock, rateLimitPerMinute });
 */
export function createZaloClients(deps: Omit<ZaloClientDeps, 'maxAttempts'>): ZaloClients {
  const shared = { ...deps, rateLimitState: deps.rateLimitState ?? createRateLimitState() };
  return { zalo: createZaloClient(shared), groupZalo: createZaloClient({ ...shared, maxAttempts: 1 }) };
}
