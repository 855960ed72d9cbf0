import express, { type ErrorRequestHandler, type Express, type Router } from 'express';
import type { Logger } from './shared/logger.js';

/** What /healthz reports; `ready` false answers 503 (starting up or shutting down). */
export interface HealthReport {
  ready: boolean;
  /** FAQ content version live now */
  content?: string;
  [detail: string]: unknown;
}

export interface AppDeps {
  /** `createWebhookRouter(…)`, mounted at `POST /webhook/zalo` */
  webhook: Router;
  health(): HealthReport;
  /** ZALO_VERIFIER_CODE: serves `/zalo_verifier<CODE>.html` when set */
  verifierCode?: string;
  /** the sandbox chat page and its API, mounted at `/sandbox` (sandbox mode only) */
  sandbox?: Router;
  /** the admin API and console, mounted at `/admin` */
  admin?: Router;
  log: Logger;
}

/**
 * Builds the HTTP app; the only place routes are mounted. Body parsing is left to each router
 * (the webhook needs the raw bytes). Unknown paths get a JSON 404; any unexpected error is logged
 * and answered 500 without details.
 * @example const app = createApp({ webhook: createWebhookRouter({...}), health: () => ({ ready: true }), log });
 */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');

  app.use('/webhook/zalo', deps.webhook);

  app.get('/healthz', (_req, res) => {
    const { ready, ...details } = deps.health();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'unavailable', ...details });
  });

  if (deps.verifierCode) {
    const page = verifierPage(deps.verifierCode);
    app.get(`/zalo_verifier${deps.verifierCode}.html`, (_req, res) => {
      res.type('html').send(page);
    });
  }

  if (deps.sandbox) app.use('/sandbox', deps.sandbox);
  if (deps.admin) app.use('/admin', deps.admin);

  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });

  const onError: ErrorRequestHandler = (err, req, res, next) => {
    deps.log.error({ err, method: req.method, path: req.path }, 'unhandled error in HTTP request');
    if (res.headersSent) return next(err);
    res.status(500).json({ error: 'internal error' });
  };
  app.use(onError);
  return app;
}

/** Zalo's domain-verification file: a page carrying the verification meta tag. */
function verifierPage(code: string): string {
  return `<!DOCTYPE html>
<html>
<head>
<meta property="zalo-platform-site-verification" content="${code}" />
</head>
<body>Zalo domain verification</body>
</html>
`;
}
