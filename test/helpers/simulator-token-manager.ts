import type { ZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';
import { createTokenManager, type TokenManagerDeps } from '../../src/zalo/token-manager.js';

/**
 * The real token manager pointed at a listening simulator: its OAuth URL, app id and app secret.
 * `bootstrap` is usually `sim.issueTokens()`.
 */
export function createSimulatorTokenManager(
  sim: Pick<ZaloSimulator, 'appId' | 'appSecret'>,
  url: string,
  deps: Pick<TokenManagerDeps, 'db' | 'clock' | 'log' | 'bootstrap'>,
) {
  return createTokenManager({ oauthUrl: url, appId: sim.appId, appSecret: sim.appSecret, ...deps });
}
