import express, { type ErrorRequestHandler, type Router } from 'express';
import { BroadcastError, type BroadcastErrorCode } from '../../broadcast/broadcast-error.js';
import { requireBearer } from '../require-bearer.js';
import { tFor, type AdminApiDeps } from './api-context.js';
import { createApiViews } from './api-views.js';
import { addCampaignApiRoutes } from './campaign-api-routes.js';
import { addGroupApiRoutes } from './group-api-routes.js';
import { addRunApiRoutes } from './run-api-routes.js';

export type { AdminApiDeps } from './api-context.js';

const STATUS: Record<BroadcastErrorCode, number> = {
  not_found: 404,
  invalid_state: 409,
  forbidden: 403,
  invalid_input: 400,
};

/**
 * The JSON admin API (docs/admin-api.md): groups, campaigns, runs, audit, behind a bearer token.
 * Mutating requests name the acting official (`X-Actor` or `actor`). Bodies are validated with
 * zod; an invalid one gets 400 naming the field and changes nothing. Mount it at `/admin/api`.
 * @example adminRouter.use('/api', createAdminApiRouter({ broadcast, adminToken: config.adminToken, i18n, clock, log }));
 */
export function createAdminApiRouter(deps: AdminApiDeps): Router {
  const { i18n, log } = deps;
  const router = express.Router();
  const vi = i18n.getFixedT('vi', 'broadcast');
  router.use(
    requireBearer(deps.adminToken, {
      notConfigured: vi('api.token_not_configured'),
      unauthorized: vi('api.unauthorized'),
    }),
  );
  router.use(express.json({ limit: '256kb' }));

  const ctx = { ...deps, views: createApiViews(deps.broadcast.options.timeZone, deps.clock) };
  addGroupApiRoutes(router, ctx);
  addCampaignApiRoutes(router, ctx);
  addRunApiRoutes(router, ctx);

  router.use((req, res) => {
    res.status(404).json({ error: 'not_found', message: tFor(req, i18n)('api.not_found') });
  });
  const onError: ErrorRequestHandler = (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const t = tFor(req, i18n);
    if (err instanceof BroadcastError) {
      res
        .status(STATUS[err.code])
        .json({ error: err.code, message: t(err.key, err.params), ...(err.field ? { field: err.field } : {}) });
      return;
    }
    if ((err as { type?: string }).type === 'entity.parse.failed') {
      res.status(400).json({ error: 'invalid_json', message: t('api.invalid_json') });
      return;
    }
    if ((err as { type?: string }).type === 'entity.too.large') {
      res.status(413).json({ error: 'too_large', message: t('api.invalid_json') });
      return;
    }
    log.error({ err, method: req.method, path: req.path }, 'admin API request failed');
    res.status(500).json({ error: 'internal', message: t('api.internal') });
  };
  router.use(onError);
  return router;
}
