import type { Router } from 'express';
import { z } from 'zod';
import { bodyWithoutActor, parseOr400, requireActor, tFor, type AdminApiContext } from './api-context.js';

const groupPatchSchema = z
  .object({
    kind: z.enum(['agency', 'commune']).nullable().optional(),
    unit: z.string().max(200).nullable().optional(),
    tags: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  })
  .strict();

const listQuery = z.object({ kind: z.enum(['agency', 'commune']).optional(), tag: z.string().min(1).optional() });

/** GET /groups, POST /groups/sync, PATCH /groups/:groupId */
export function addGroupApiRoutes(router: Router, { broadcast, i18n, views }: AdminApiContext): void {
  router.get('/groups', (req, res) => {
    const q = parseOr400(listQuery, req.query, res, tFor(req, i18n));
    if (!q) return;
    res.json({ groups: broadcast.directory.list(q).map(views.group) });
  });

  router.post('/groups/sync', async (req, res) => {
    const actor = requireActor(req, res, tFor(req, i18n));
    if (!actor) return;
    const summary = await broadcast.directory.sync(actor);
    res.json({ summary, groups: broadcast.directory.list().map(views.group) });
  });

  router.patch('/groups/:groupId', (req, res) => {
    const t = tFor(req, i18n);
    const actor = requireActor(req, res, t);
    if (!actor) return;
    const patch = parseOr400(groupPatchSchema, bodyWithoutActor(req), res, t);
    if (!patch) return;
    res.json({ group: views.group(broadcast.directory.update(req.params.groupId, patch, actor)) });
  });
}
