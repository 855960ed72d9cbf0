import type { Router } from 'express';
import type { i18n } from 'i18next';
import type { HandoffRepository } from '../../../bot/dialog/handoff-repository.js';
import type { ResidentRepository } from '../../../bot/resident-repository.js';
import type { AuditLog } from '../../../broadcast/audit-log.js';
import type { CampaignService } from '../../../broadcast/campaign-service.js';
import type { RunStore } from '../../../broadcast/run-store.js';
import type { GroupDirectory } from '../../../broadcast/group-directory.js';
import type { FaqStore } from '../../../faq/faq-types.js';
import { AUDIT_KINDS, auditListView } from '../audit/audit-list-view.js';
import { auditSubjects } from '../audit/audit-subject.js';
import { requirePermission, sendPage, stateOf } from '../console-state.js';
import type { Formatter } from '../format.js';
import { PAGE_SIZE, queryParam, readListQuery, searchMatcher } from '../lists/list-query.js';

/** The action codes whose Vietnamese label matches the search ("dang nhap" → account.sign_in). */
function actionsLabelled(i18n: i18n, q: string): string[] {
  const matches = searchMatcher(q);
  const out: string[] = [];
  const walk = (node: unknown, prefix: string): void => {
    if (typeof node === 'string') {
      if (matches(node)) out.push(prefix);
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) walk(value, prefix ? `${prefix}.${key}` : key);
    }
  };
  walk((i18n.getResourceBundle('vi', 'admin') as { audit?: unknown }).audit, '');
  return out;
}

/** GET /audit: the whole audit trail, for the roles holding `audit.read`. */
export function addAuditRoutes(
  router: Router,
  deps: {
    audit: AuditLog;
    campaigns: Pick<CampaignService, 'list'>;
    directory: Pick<GroupDirectory, 'list'>;
    handoffs: Pick<HandoffRepository, 'get'>;
    runStore: Pick<RunStore, 'getRun'>;
    residents: ResidentRepository;
    faq: FaqStore;
    fmt: Formatter;
    /** the action labels (`admin:audit.*`), searched too */
    i18n: i18n;
  },
): void {
  router.get('/audit', requirePermission('audit.read'), (req, res) => {
    const { t } = stateOf(res);
    const list = readListQuery(req);
    const actors = deps.audit.actors();
    const actor = actors.find((a) => a === queryParam(req, 'actor', 200)) ?? '';
    const kind = Object.hasOwn(AUDIT_KINDS, queryParam(req, 'kind')) ? queryParam(req, 'kind') : '';
    const qActions = list.q ? actionsLabelled(deps.i18n, list.q) : [];
    const query = { actor, areas: kind ? AUDIT_KINDS[kind] : undefined, q: list.q, qActions, limit: PAGE_SIZE };
    let found = deps.audit.page({ ...query, offset: (list.page - 1) * PAGE_SIZE });
    const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
    const page = Math.min(list.page, pages);
    if (page !== list.page) found = deps.audit.page({ ...query, offset: (page - 1) * PAGE_SIZE });
    const src = {
      campaigns: new Map(deps.campaigns.list().map((c) => [c.id, c])),
      groups: new Map(deps.directory.list().map((g) => [g.groupId, g])),
      handoffs: deps.handoffs,
      runs: deps.runStore,
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
