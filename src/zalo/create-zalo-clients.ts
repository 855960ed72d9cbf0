import { createZaloClient, type ZaloClientDeps } from './zalo-client.js';
import type { ZaloApi } from './zalo-api.js';

/** The two OpenAPI clients a process sends through. */
export interface ZaloClients {
  /** replies to residents: transport retries on */
  zalo: ZaloApi;
  /**
   * group messages and the officials' notices: one attempt only, because their senders own the
   * retries (they reconcile an unclear send against the group's history before any resend)
   */
  groupZalo: ZaloApi;
}

/** @example const { zalo, groupZalo } = createZaloClients({ openapiUrl, tokens, db, log, clock, rateLimitPerMinute }); */
export function createZaloClients(deps: Omit<ZaloClientDeps, 'maxAttempts'>): ZaloClients {
  return { zalo: createZaloClient(deps), groupZalo: createZaloClient({ ...deps, maxAttempts: 1 }) };
}
