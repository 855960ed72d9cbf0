import type { Router } from 'express';
import type { FaqStore } from '../../../faq/faq-types.js';
import { can } from '../../auth/roles.js';
import { accountOf, requirePermission, sendPage, stateOf } from '../console-state.js';
import type { Formatter } from '../format.js';
import { contentView } from '../views/content-view.js';

/** /content: which content version is live and what the checker says about it. */
export function addContentRoutes(router: Router, deps: { faq: FaqStore; fmt: Formatter }): void {
  router.get('/content', requirePermission('read'), (_req, res) => {
    const { t } = stateOf(res);
    sendPage(res, 200, {
      title: t('content.title'),
      active: 'content',
      body: contentView(t, deps.fmt, deps.faq.status(), can(accountOf(res).role, 'content.edit')),
    });
  });
}
