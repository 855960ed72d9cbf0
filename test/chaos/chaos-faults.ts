import type { ZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';
import type { FaultSpec } from '../../src/simulator/simulator-types.js';

export { seededRandom } from '../../src/faq/match/seeded-random.js';

const CS = '/v3.0/oa/message/cs';
const GROUP = '/v3.0/oa/group/message';
const CONVERSATION = '/v2.0/oa/conversation';
/** the app's Zalo client gives up on a request after 10 s */
const CLIENT_TIMEOUT_MS = 10_000;

/** The kinds of Zalo trouble the runs inject through the simulator's fault hooks. */
export type FaultKind =
  'timeout' | 'late' | 'late-refused' | 'drop' | '5xx' | 'rate-limit' | 'token-expiry' | 'lookup-5xx';

/** Only outcomes-unknown trouble (no 30 s backoff): what the kill -9 trials use. */
export const TIMEOUT_FAULTS: readonly FaultKind[] = ['timeout', 'late', 'late-refused', 'drop'];
export const ALL_FAULTS: readonly FaultKind[] = [...TIMEOUT_FAULTS, '5xx', 'rate-limit', 'token-expiry', 'lookup-5xx'];

export type Random = () => number;

/**
 * Arms one fault of `kind` in the simulator (for the next 1–3 matching requests):
 * - `timeout`: Zalo accepts the reply and answers 0.5–3 s after the client's 10 s timeout (delivered, outcome unknown)
 * - `late`: Zalo holds the request 10.5–11 s, after the client gave up, then accepts it (delivered late)
 * - `late-refused`: the same hold, then a 503 (not delivered, outcome unknown)
 * - `drop`: Zalo accepts the reply and closes the connection without an answer
 * - `5xx`: 502 at once; `rate-limit`: error -32 at once (certainly not delivered: retried with backoff)
 * - `token-expiry`: every access token expires now (-216 until the app refreshes)
 * - `lookup-5xx`: the conversation lookup the reconciliation uses answers 503
 * 1:1 and group sends are both hit (a third of the faults go to the group path).
 */
export function injectFault(sim: ZaloSimulator, kind: FaultKind, random: Random): void {
  const times = 1 + Math.floor(random() * 3);
  const path = random() < 1 / 3 ? GROUP : CS;
  const between = (a: number, b: number): number => Math.round(a + random() * (b - a));
  const specs: Record<Exclude<FaultKind, 'token-expiry'>, FaultSpec> = {
    timeout: { path, responseDelayMs: CLIENT_TIMEOUT_MS + between(500, 3_000), times },
    late: { path, latencyMs: CLIENT_TIMEOUT_MS + between(500, 1_000), times },
    'late-refused': { path, latencyMs: CLIENT_TIMEOUT_MS + between(500, 1_000), httpStatus: 503, times },
    drop: { path, dropResponse: true, times },
    '5xx': { path, httpStatus: 502, times },
    'rate-limit': { path, code: -32, times },
    'lookup-5xx': { path: CONVERSATION, httpStatus: 503, times },
  };
  if (kind === 'token-expiry') sim.expireAccessTokens();
  else sim.injectFault(specs[kind]);
}
