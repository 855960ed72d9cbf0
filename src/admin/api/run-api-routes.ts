import type { Request, Router } from 'express';
import { z } from 'zod';
import { BroadcastError } from '../../broadcast/broadcast-error.js';
import { bodyWithoutActor, idParam, parseOr400, requireActor, tFor } from './api-context.js';
import type { AdminApiContext } from './create-admin-api-router.js';

const resolveSchema = z.object({ resolution: z.enum(['sent', 'failed', 'resend']) }).strict();
const auditQuery = z.object({
  campaignId: z.coerce.number().int().positive().optional(),
  beforeId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** GET /runs/:id, GET /runs/:id/report.csv, POST /runs/:id/resend-failed, POST /deliveries/:id/resolve, GET /audit */
export function addRunApiRoutes(router: Router, { broadcast, i18n, views }: AdminApiContext): void {
  const id = (req: Request, key: string): number => {
    const n = idParam(req.params.id as string | undefined);
    if (n === null) throw new BroadcastError('not_found', key, 'bad id', { id: req.params.id });
    return n;
  };

  router.get('/runs/:id', (req, res) => {
    const t = tFor(req, i18n);
    const r = broadcast.runs.report(id(req, 'errors.run_not_found'));
    res.json({
      run: views.run(r.run, r.counts, t),
      campaign: r.campaign,
      deliveries: r.deliveries.map((d) => views.delivery(d, t)),
    });
  });

  router.get('/runs/:id/report.csv', (req, res) => {
    const runId = id(req, 'errors.run_not_found');
    const csv = broadcast.runs.csv(runId, tFor(req, i18n));
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="loa-xa-run-${runId}.csv"`)
      .send(csv);
  });

  router.post('/runs/:id/resend-failed', (req, res) => {
    const t = tFor(req, i18n);
    const runId = id(req, 'errors.run_not_found');
    const actor = requireActor(req, res, t);
    if (!actor) return;
    res.json({ queued: broadcast.runs.resendFailed(runId, actor) });
  });

  router.post('/deliveries/:id/resolve', (req, res) => {
    const t = tFor(req, i18n);
    const deliveryId = id(req, 'errors.delivery_not_found');
    const actor = requireActor(req, res, t);
    if (!actor) return;
    const body = parseOr400(resolveSchema, bodyWithoutActor(req), res, t);
    if (!body) return;
    res.json({ delivery: views.delivery(broadcast.runs.resolveDelivery(deliveryId, body.resolution, actor), t) });
  });

  router.get('/audit', (req, res) => {
    const q = parseOr400(auditQuery, req.query, res, tFor(req, i18n));
    if (!q) return;
    res.json({ entries: broadcast.audit.list(q).map(views.audit) });
  });
}
