import type { Router } from 'express';
import type { Broadcast } from '../broadcast/create-broadcast.js';
import { createAdminApiRouter } from './api/create-admin-api-router.js';
import { createConsoleRouter, type ConsoleDeps } from './console/create-console-router.js';
import { createAdminRouter } from './create-admin-router.js';

export interface AdminDeps extends ConsoleDeps {
  /** the broadcast domain behind both the console and the JSON API */
  broadcast: Pick<
    Broadcast,
    'directory' | 'campaigns' | 'runs' | 'approvalRequests' | 'runStore' | 'audit' | 'options'
  >;
  /** ADMIN_TOKEN; undefined → the JSON API answers 503 saying it is off */
  adminToken: string | undefined;
}

/**
 * Wires everything under `/admin` from its dependencies: the bearer-token JSON API at `/admin/api`
 * and the officials' web console. Pass the result to `createApp({ admin })`.
 * @example createApp({ ..., admin: createAdmin({ db, clock, log, i18n, faq, zalo, broadcast, …, adminToken }) });
 */
export function createAdmin(deps: AdminDeps): Router {
  const { broadcast, adminToken, i18n, clock, log } = deps;
  return createAdminRouter({
    api: createAdminApiRouter({ broadcast, adminToken, i18n, clock, log }),
    console: createConsoleRouter(deps),
  });
}
