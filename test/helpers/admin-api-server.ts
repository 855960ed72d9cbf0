import type { Server } from 'node:http';
import express from 'express';
import { createAdminApiRouter } from '../../src/admin/api/create-admin-api-router.js';
import { createI18n } from '../../src/i18n/create-i18n.js';
import { createSilentLogger } from '../../src/shared/logger.js';
import type { BroadcastHarness } from './broadcast-harness.js';

/** The admin API router mounted at /admin/api on 127.0.0.1 over a broadcast harness. */
export async function startAdminApiServer(
  h: BroadcastHarness,
  adminToken: string | undefined,
): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.use(
    '/admin/api',
    createAdminApiRouter({
      broadcast: h.broadcast,
      adminToken,
      i18n: createI18n(),
      clock: h.clock,
      log: createSilentLogger(),
    }),
  );
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
