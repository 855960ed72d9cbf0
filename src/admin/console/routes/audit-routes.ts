import type { Router } from 'express';
import type { HandoffRepository } from '../../../bot/dialog/handoff-repository.js';
import type { ResidentRepository } from '../../../bot/resident-repository.js';
import type { AuditLog } from '../../../broadcast/audit-log.js';
import type { CampaignService } from '../../../broadcast/campaign-service.js';
import type { GroupDirectory } from '../../../broadcast/group-directory.js';
import type { FaqStore } from '../../../faq/faq-types.js';
import { AUDIT_KINDS, auditListView } from '../audit/audit-list-view.js';
import { auditSubjects } from '../audit/audit-subject.js';
import { requirePermission, sendPage, stateOf } from '../console-state.js';
import type { Formatter } from '../format.js';
import { PAGE_SIZE, queryParam, readListQuery } from '../lists/list-query.js';

/** GET /audit: the whole audit trail, for the roles holding `audit.read`. */
export function addAuditRoutes(
  router: Router,
  deps: {
    audit: AuditLog;
    campaigns: Pick<CampaignService, 'list'>;
    directory: Pick<GroupDirectory, 'list'>;
    handoffs: Pick<HandoffRepository, 'get'>;
    residents: ResidentRepository;
    faq: FaqStore;
    fmt: Formatter;
  },
): void {
  router.get('/audit', requirePermission('audit.read'), (req, res) => {
    const { t } = stateOf(res);
    const list = readListQuery(req);
    const actors = deps.audit.actors();
    const actor = actors.find((a) => a === queryParam(req, 'actor', 200)) ?? '';
    const kind = Object.hasOwn(AUDIT_KINDS, queryParam(req, 'kind')) ? queryParam(req, 'kind') : '';
    const query = { actor, areas: kind ? AUDIT_KINDS[kind] : undefined, q: list.q, limit: PAGE_SIZE };
    let found = deps.audit.page({ ...query, offset: (list.page - 1) * PAGE_SIZE });
    const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
    const page = Math.min(list.page, pages);
    if (page !== list.page) found = deps.audit.page({ ...query, offset: (page - 1) * PAGE_SIZE });
    const src = {
      campaigns: new Map(deps.campaigns.list().map((c) => [c.id, c])),
      groups: new Map(deps.directory.list().map((g) => [g.groupId, g])),
      handoffs: deps.handoffs,
      residents: deps.residents,
      faq: deps.faq.current(),
    };
    const items = found.items.map((entry) => ({ entry, subjects: auditSubjects(t, src, entry) }));
    sendPage(res, 200, {
      title: t('auditPage.title'),
      active: 'audit',
      body: auditListView(t, deps.fmt, {
        entries: { items, page, pages, total: found.total },
        filter: { q: list.q, actor, kind },
        actors,
      }),
    });
  });
}
