import path from 'node:path';
import type { Router } from 'express';
import type { TFunction } from '../i18n/create-i18n.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { createZaloSimulator, type ZaloSimulator } from '../simulator/create-zalo-simulator.js';
import type { TokenPair } from '../simulator/simulator-types.js';
import { createSandboxRouter } from './create-sandbox-router.js';

export interface StartSandboxOptions {
  /** The app's Zalo credentials (in sandbox mode, `SANDBOX_ZALO` from parse-config): the simulator uses the same. */
  credentials: { appId: string; appSecret: string; oaSecretKey: string };
  t: TFunction;
  log: Logger;
  /** The app's webhook, e.g. `http://127.0.0.1:3000/webhook/zalo`; can be set later with `setWebhookUrl`. */
  webhookUrl?: string;
  clock?: Clock;
  /**
   * DATA_DIR: the simulated Zalo is kept in `sandbox-zalo.json` there, so a restart keeps the groups'
   * ids, the residents, their chats and the token chain. Unset: in memory, fresh at every start.
   */
  dataDir?: string;
}

/** The file in DATA_DIR holding the sandbox's simulated Zalo (delete it with the database to start over). */
export const SANDBOX_STATE_FILE = 'sandbox-zalo.json';

export interface Sandbox {
  /** Base URL to use as ZALO_OPENAPI_URL. */
  openapiUrl: string;
  /** Base URL to use as ZALO_OAUTH_URL (the same server). */
  oauthUrl: string;
  /** Bootstrap token pair, as if an OA admin had granted the app: the same pair at every start on one DATA_DIR. */
  tokens: TokenPair;
  simulator: ZaloSimulator;
  /** Mount at `/sandbox`. */
  router: Router;
  setWebhookUrl(url: string): void;
  close(): Promise<void>;
}

/**
 * Starts the in-process Zalo for sandbox mode: a simulator listening on 127.0.0.1 (random port)
 * with the app's credentials and auto-echo on, seeded at its first start with demo groups (two
 * enabled, one expired, one not owned by the OA; names from the `sandbox` locale), plus the
 * `/sandbox` router. With `dataDir` its state survives restarts (see `SANDBOX_STATE_FILE`).
 * @example
 * const sandbox = await startSandbox({ credentials: config.zalo, t, log });
 * // build the Zalo client with sandbox.openapiUrl / oauthUrl / tokens, mount sandbox.router at /sandbox,
 * // listen, then: sandbox.setWebhookUrl(`${appUrl}/webhook/zalo`)
 */
export async function startSandbox(options: StartSandboxOptions): Promise<Sandbox> {
  const { t } = options;
  const simulator = createZaloSimulator({
    ...options.credentials,
    oaName: t('sandbox:seed.oaName'),
    clock: options.clock,
    autoEcho: true,
    webhookUrl: options.webhookUrl,
    log: options.log,
    stateFile: options.dataDir ? path.join(options.dataDir, SANDBOX_STATE_FILE) : undefined,
  });
  const { url } = await simulator.listen({ host: '127.0.0.1', port: 0 });
  const members = (n: number): string[] => Array.from({ length: n }, () => simulator.addUser().userId);
  const seed = [
    { key: 'povertyGroup', status: 'enabled', owned: true, size: 12 },
    { key: 'farmersGroup', status: 'enabled', owned: true, size: 8 },
    { key: 'expiredGroup', status: 'disabled', owned: true, size: 5 },
    { key: 'personalGroup', status: 'enabled', owned: false, size: 6 },
  ] as const;
  const restored = simulator.listGroups().length > 0;
  for (const group of restored ? [] : seed) {
    simulator.addGroup({
      name: t(`sandbox:seed.${group.key}`),
      description: t(`sandbox:seed.${group.key}Description`),
      status: group.status,
      owned: group.owned,
      members: members(group.size),
    });
  }
  options.log.info(
    { openapiUrl: url, restored, groups: simulator.listGroups().length },
    restored
      ? 'sandbox: Zalo simulator listening with the groups and residents of the last run; open /sandbox to chat'
      : 'sandbox: Zalo simulator listening; open /sandbox to chat as a resident',
  );
  return {
    openapiUrl: url,
    oauthUrl: url,
    tokens: simulator.bootstrapTokens(),
    simulator,
    router: createSandboxRouter({ simulator, t, log: options.log }),
    setWebhookUrl: (webhookUrl) => simulator.setWebhook(webhookUrl),
    close: () => simulator.close(),
  };
}
