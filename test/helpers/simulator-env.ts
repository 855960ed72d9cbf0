import type { ZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';

/**
 * The contract's Zalo variables (design.md) pointing a spawned app at a listening simulator, with a
 * fresh token pair: live mode against the fake Zalo on 127.0.0.1.
 */
export function simulatorEnv(sim: ZaloSimulator, simUrl: string): Record<string, string> {
  const { accessToken, refreshToken } = sim.issueTokens();
  return {
    ZALO_APP_ID: sim.appId,
    ZALO_APP_SECRET: sim.appSecret,
    ZALO_OA_SECRET_KEY: sim.oaSecretKey,
    ZALO_ACCESS_TOKEN: accessToken,
    ZALO_REFRESH_TOKEN: refreshToken,
    ZALO_OPENAPI_URL: simUrl,
    ZALO_OAUTH_URL: simUrl,
  };
}
