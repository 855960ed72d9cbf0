import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { BroadcastError } from '../../broadcast/broadcast-error.js';
import type { Campaign } from '../../broadcast/broadcast-types.js';
import { campaignCreateSchema, campaignUpdateSchema } from '../../broadcast/campaign-input.js';
import { bodyWithoutActor, idParam, parseOr400, requireActor, tFor, type AdminApiContext } from './api-context.js';

const listQuery = z.object({ status: z.enum(['draft', 'approved', 'paused', 'cancelled', 'completed']).optional() });
const ACTIONS = ['approve', 'pause', 'resume', 'cancel'] as const;

/** Campaign routes: list, create, get (with runs and deliveries), update, dry-run, approve/pause/resume/cancel. */
export function addCampaignApiRoutes(router: Router, { broadcast, i18n, views }: AdminApiContext): void {
  const campaignId = (req: Request): number => {
    const id = idParam(req.params.id as string | undefined);
    if (id === null)
      throw new BroadcastError('not_found', 'errors.campaign_not_found', 'bad campaign id', { id: req.params.id });
    return id;
  };
  const send = (req: Request, res: Response, c: Campaign, status = 200) =>
    res.status(status).json({ campaign: views.campaign(c, tFor(req, i18n)) });

  router.get('/campaigns', (req, res) => {
    const t = tFor(req, i18n);
    const q = parseOr400(listQuery, req.query, res, t);
    if (!q) return;
    res.json({ campaigns: broadcast.campaigns.list(q).map((c) => views.campaign(c, t)) });
  });

  router.post('/campaigns', (req, res) => {
    const t = tFor(req, i18n);
    const actor = requireActor(req, res, t);
    if (!actor) return;
    const input = parseOr400(campaignCreateSchema, bodyWithoutActor(req), res, t);
    if (!input) return;
    send(req, res, broadcast.campaigns.create(input, actor), 201);
  });

  router.get('/campaigns/:id', (req, res) => {
    const t = tFor(req, i18n);
    const c = broadcast.campaigns.get(campaignId(req));
    const runs = broadcast.runs.listRuns(c.id).map((r) => ({
      ...views.run(r, r.counts, t),
      deliveries: broadcast.runs.report(r.id).deliveries.map((d) => views.delivery(d, t)),
    }));
    res.json({ campaign: views.campaign(c, t), runs });
  });

  router.patch('/campaigns/:id', (req, res) => {
    const t = tFor(req, i18n);
    const id = campaignId(req);
    const actor = requireActor(req, res, t);
    if (!actor) return;
    const input = parseOr400(campaignUpdateSchema, bodyWithoutActor(req), res, t);
    if (!input) return;
    send(req, res, broadcast.campaigns.update(id, input, actor));
  });

  router.post('/campaigns/:id/dry-run', (req, res) => {
    const t = tFor(req, i18n);
    const id = campaignId(req);
    const actor = requireActor(req, res, t);
    if (!actor) return;
    const dry = broadcast.campaigns.dryRun(id, actor);
    res.json({
      dryRun: {
        ...dry,
        upcoming: dry.upcoming.map((u) => ({
          dueAt: views.at(u.dueAt),
          releaseAt: views.at(u.releaseAt),
          heldByQuietHours: u.releaseAt !== u.dueAt,
        })),
      },
    });
  });

  for (const action of ACTIONS) {
    router.post(`/campaigns/:id/${action}`, (req, res) => {
      const id = campaignId(req);
      const actor = requireActor(req, res, tFor(req, i18n));
      if (!actor) return;
      send(req, res, broadcast.campaigns[action](id, actor));
    });
  }
}
