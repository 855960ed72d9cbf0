import express, { type Router } from 'express';

/**
 * Everything under `/admin`: the bearer-token JSON API at `/admin/api` (for machines) and the web
 * console for officials everywhere else. Pass the result to `createApp({ admin })`.
 * @example createApp({ ..., admin: createAdminRouter({ api: createAdminApiRouter(…), console: createConsoleRouter(…) }) })
 */
export function createAdminRouter(parts: { api: Router; console: Router }): Router {
  const router = express.Router();
  router.use('/api', parts.api);
  router.use(parts.console);
  return router;
}
