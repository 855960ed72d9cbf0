import type { Router } from 'express';
import { BroadcastError } from '../../../broadcast/broadcast-error.js';
import type { GroupKind } from '../../../broadcast/broadcast-types.js';
import type { GroupDirectory } from '../../../broadcast/group-directory.js';
import type { Logger } from '../../../shared/logger.js';
import { can } from '../../auth/roles.js';
import { accountOf, requirePermission, sendPage, stateOf } from '../console-state.js';
import type { Formatter } from '../format.js';
import { formField, noticeFrom, routeParam } from '../form-input.js';
import { GROUP_STATUSES, groupEditView, groupStatus, groupsView } from '../groups/groups-view.js';
import { paginate, readListQuery, searchMatcher } from '../lists/list-query.js';

const GROUP_ID = /^[A-Za-z0-9]{1,64}$/;

/** /groups: the directory (filter by kind and tag), sync from Zalo, edit kind / unit / tags. */
export function addGroupRoutes(router: Router, deps: { directory: GroupDirectory; fmt: Formatter; log: Logger }): void {
  const { directory, fmt } = deps;

  router.get('/groups', requirePermission('read'), (req, res) => {
    const { t, session } = stateOf(res);
    const kind = req.query.kind === 'commune' || req.query.kind === 'agency' ? req.query.kind : undefined;
    const tag = typeof req.query.tag === 'string' && req.query.tag ? req.query.tag : undefined;
    const status = GROUP_STATUSES.find((s) => s === req.query.status);
    const showDeleted = req.query.all === '1' || status === 'deleted';
    const list = readListQuery(req);
    const matches = searchMatcher(list.q);
    const all = directory.list();
    const shown = directory
      .list({ kind, tag })
      .filter((g) => (showDeleted || g.deletedAt === null) && (!status || groupStatus(g) === status))
      .filter((g) => matches(g.name, g.unit, g.groupId, ...g.tags));
    const filters = { kind: kind ?? '', tag: tag ?? '', status: status ?? '', all: showDeleted ? '1' : '', q: list.q };
    sendPage(res, 200, {
      title: t('groups.title'),
      active: 'groups',
      notice: noticeFrom(t, req),
      body: groupsView(t, fmt, {
        groups: paginate(shown, list.page),
        allTags: [...new Set(all.flatMap((g) => g.tags))].sort((a, b) => a.localeCompare(b, 'vi')),
        filter: filters,
        hiddenDeleted: showDeleted ? 0 : all.filter((g) => g.deletedAt !== null).length,
        canEdit: can(accountOf(res).role, 'group.edit'),
        csrfToken: session!.csrfToken,
      }),
    });
  });

  router.post('/groups/sync', requirePermission('group.edit'), async (_req, res) => {
    const { t } = stateOf(res);
    try {
      await directory.sync(accountOf(res).name);
      res.redirect(303, `/admin/groups?done=synced`);
    } catch (err) {
      deps.log.warn({ err }, 'console: group sync from Zalo failed');
      const all = directory.list();
      sendPage(res, 502, {
        title: t('groups.title'),
        active: 'groups',
        body: groupsView(t, fmt, {
          groups: paginate(all, 1, all.length || 1),
          allTags: [...new Set(all.flatMap((g) => g.tags))],
          filter: { kind: '', tag: '', status: '', all: '1', q: '' },
          hiddenDeleted: 0,
          canEdit: true,
          csrfToken: stateOf(res).session!.csrfToken,
          message: { tone: 'bad', text: t('groups.syncFailed') },
        }),
      });
    }
  });

  router.get('/groups/:groupId', requirePermission('group.edit'), (req, res, next) => {
    const { t, session } = stateOf(res);
    const groupId = routeParam(req, 'groupId');
    const group = GROUP_ID.test(groupId) ? directory.get(groupId) : null;
    if (!group) return next();
    sendPage(res, 200, {
      title: group.name,
      active: 'groups',
      body: groupEditView(t, { group, csrfToken: session!.csrfToken }),
    });
  });

  router.post('/groups/:groupId', requirePermission('group.edit'), (req, res, next) => {
    const groupId = routeParam(req, 'groupId');
    if (!GROUP_ID.test(groupId)) return next();
    const kindValue = formField(req, 'kind');
    const kind: GroupKind | null = kindValue === 'commune' || kindValue === 'agency' ? kindValue : null;
    const tags = formField(req, 'tags')
      .split(/[,;\n]/)
      .map((x) => x.trim())
      .filter((x) => x.length > 0 && x.length <= 60);
    try {
      directory.update(groupId, { kind, unit: formField(req, 'unit').slice(0, 200), tags }, accountOf(res).name);
      res.redirect(303, '/admin/groups?done=saved');
    } catch (err) {
      if (err instanceof BroadcastError && err.code === 'not_found') return next();
      throw err;
    }
  });
}
