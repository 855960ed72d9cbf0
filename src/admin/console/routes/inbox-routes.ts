import type { Request, Response, Router } from 'express';
import type { Conversation } from '../../../bot/dialog/conversation.js';
import type { HandoffRepository } from '../../../bot/dialog/handoff-repository.js';
import type { ResidentRepository } from '../../../bot/resident-repository.js';
import type { Clock } from '../../../shared/clock.js';
import type { AccountRepository } from '../../auth/account-repository.js';
import { can } from '../../auth/roles.js';
import { accountOf, requirePermission, sendPage, stateOf } from '../console-state.js';
import type { Formatter } from '../format.js';
import { noticeFrom, routeParam } from '../form-input.js';
import { html } from '../html.js';
import { HISTORY_PAGE_SIZE, historyView } from '../inbox/history-view.js';
import { threadListView } from '../inbox/thread-list-view.js';
import { listThreads, residentName, summarize, type ThreadSources } from '../inbox/thread-summaries.js';
import { threadView } from '../inbox/thread-view.js';
import { UNSETTLED_PAGE_SIZE, unsettledNotice, unsettledRepliesView } from '../inbox/unsettled-replies-view.js';
import type { ReplyOutboxStore } from '../../../bot/reply-outbox-store.js';

export interface InboxRouteDeps {
  clock: Clock;
  conversation: Conversation;
  handoffs: HandoffRepository;
  residents: ResidentRepository;
  accounts: AccountRepository;
  fmt: Formatter;
  /** replies that ended `unsettled`: listed for officials to check by hand */
  outboxStore: Pick<ReplyOutboxStore, 'unsettledReplies'>;
}

/** Zalo user ids are long digit strings; anything else finds nothing. */
export function routeUserId(req: Request): string {
  const id = routeParam(req, 'user');
  return /^[0-9A-Za-z_-]{1,64}$/.test(id) ? id : '';
}

/** Shows one thread page (also after a refused action, with `status` and the reason). */
export type ShowThread = (
  req: Request,
  res: Response,
  userId: string,
  status: number,
  failed?: { message: string; text?: string },
) => void;

/**
 * /inbox: the conversations that need an official, one page per resident's thread, and the answered
 * history. Opening a thread marks it read for whoever may answer it (a viewer's look does not).
 */
export function addInboxRoutes(router: Router, deps: InboxRouteDeps): ShowThread {
  const { clock, fmt, residents } = deps;
  const src: ThreadSources = { threads: deps.conversation.threads, handoffs: deps.handoffs, residents };
  const officials = () =>
    deps.accounts
      .list()
      .filter((a) => a.disabledAt === null && can(a.role, 'inbox.reply'))
      .map((a) => a.name);

  router.get('/inbox', requirePermission('read'), (req, res) => {
    const { t } = stateOf(res);
    const now = clock.now();
    sendPage(res, 200, {
      title: t('threads.title'),
      active: 'inbox',
      notice: noticeFrom(t, req),
      body: html`${unsettledNotice(t, deps.outboxStore.unsettledReplies(0).total)}${threadListView(t, fmt, {
        items: listThreads(t, src, now),
        now,
      })}`,
    });
  });

  router.get('/inbox/unsettled', requirePermission('read'), (_req, res) => {
    const { t } = stateOf(res);
    const { items, total } = deps.outboxStore.unsettledReplies(UNSETTLED_PAGE_SIZE);
    const named = items.map((reply) => ({ reply, name: residentName(t, residents, reply.userId) }));
    sendPage(res, 200, {
      title: t('unsettledReplies.title'),
      active: 'inbox',
      body: unsettledRepliesView(t, fmt, { items: named, total }),
    });
  });

  router.get('/inbox/history', requirePermission('read'), (req, res) => {
    const { t } = stateOf(res);
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 100).normalize('NFC').trim() : '';
    const asked = Number(req.query.page);
    const page = Number.isInteger(asked) && asked > 0 && asked < 100_000 ? asked : 1;
    const { items, total } = deps.handoffs.historyPage({
      q,
      limit: HISTORY_PAGE_SIZE,
      offset: (page - 1) * HISTORY_PAGE_SIZE,
    });
    const named = items.map((handoff) => ({ handoff, name: residentName(t, residents, handoff.userId) }));
    sendPage(res, 200, {
      title: t('history.title'),
      active: 'inbox',
      body: historyView(t, fmt, { items: named, q, page, total }),
    });
  });

  const show: ShowThread = (req, res, userId, status, failed) => {
    const { t, session } = stateOf(res);
    const now = clock.now();
    const summary = userId ? summarize(t, src, userId, now) : undefined;
    if (!summary) {
      sendPage(res, 404, {
        title: t('threads.notFound'),
        active: 'inbox',
        body: html`<div class="card"><h1>${t('threads.notFound')}</h1><p><a href="/admin/inbox">${t('threads.listLink')}</a></p></div>`,
      });
      return;
    }
    const account = accountOf(res);
    const canAct = can(account.role, 'inbox.reply');
    const full = residents.get(userId)?.displayName?.trim();
    sendPage(res, status, {
      title: summary.name,
      active: 'inbox',
      notice: noticeFrom(t, req),
      body: threadView(t, fmt, {
        summary,
        fullName: full || summary.name,
        messages: deps.conversation.threads.messagesWithSource(userId),
        now,
        canAct,
        officials: officials(),
        me: account.name,
        csrfToken: session!.csrfToken,
        failed,
      }),
    });
    if (canAct && status === 200 && summary.unread > 0) deps.conversation.threads.markRead(userId);
  };

  router.get('/inbox/t/:user', requirePermission('read'), (req, res) => show(req, res, routeUserId(req), 200));
  return show;
}
