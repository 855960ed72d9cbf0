import type { Request, Response, Router } from 'express';
import type { TFunction } from 'i18next';
import type { AuditLog } from '../../../broadcast/audit-log.js';
import { countChars, MAX_TEXT_CHARS } from '../../../broadcast/campaign-input.js';
import type { HandoffRepository } from '../../../bot/dialog/handoff-repository.js';
import type { ResidentRepository } from '../../../bot/resident-repository.js';
import type { FaqStore } from '../../../faq/faq-types.js';
import type { Clock } from '../../../shared/clock.js';
import { hashUserId, type Logger } from '../../../shared/logger.js';
import type { Db } from '../../../storage/open-database.js';
import { describeZaloError } from '../../../zalo/describe-zalo-error.js';
import { ZaloApiError } from '../../../zalo/zalo-api-error.js';
import type { ZaloApi } from '../../../zalo/zalo-api.js';
import { can } from '../../auth/roles.js';
import { accountOf, requirePermission, sendPage, stateOf } from '../console-state.js';
import type { Formatter } from '../format.js';
import { formField, noticeFrom, routeId } from '../form-input.js';
import { inboxView, type InboxItem } from '../inbox/inbox-view.js';
import { replyWindow } from '../inbox/reply-window.js';

export interface InboxRouteDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  handoffs: HandoffRepository;
  residents: ResidentRepository;
  faq: FaqStore;
  zalo: ZaloApi;
  audit: AuditLog;
  fmt: Formatter;
  /** tells the dialog an official is talking to this resident (Dialog.noteHumanReply) */
  onHumanReply?: (userId: string, now: number) => void;
}

/**
 * /inbox: residents who asked for a person. A reply goes out as a 1:1 OA message (purpose 'handoff')
 * only while Zalo's 7-day window is open; the request is marked answered only after Zalo accepted it.
 */
export function addInboxRoutes(router: Router, deps: InboxRouteDeps): void {
  const { handoffs, residents, faq, clock, fmt } = deps;

  function items(t: TFunction): InboxItem[] {
    const now = clock.now();
    const snapshot = faq.current();
    return handoffs.listOpen().map((h) => {
      const resident = residents.get(h.userId);
      const node = h.lastAnswerId ? snapshot.node(h.lastAnswerId) : undefined;
      const answer = node ? snapshot.answerAt(node, now) : undefined;
      return {
        handoff: h,
        resident: resident?.displayName || t('inbox.anonymous', { id: hashUserId(h.userId).slice(0, 6) }),
        window: replyWindow(resident?.lastInteractionAt ?? null, h.createdAt, now),
        lastAnswer: node ? { title: node.title, text: answer?.text ?? node.intro ?? '' } : null,
      };
    });
  }

  function show(req: Request, res: Response, status: number, failed?: { id: number; message: string; text: string }) {
    const { t, session } = stateOf(res);
    sendPage(res, status, {
      title: t('inbox.title'),
      active: 'inbox',
      notice: noticeFrom(t, req),
      body: inboxView(t, fmt, {
        items: items(t),
        canReply: can(accountOf(res).role, 'inbox.reply'),
        csrfToken: session!.csrfToken,
        failed,
      }),
    });
  }

  router.get('/inbox', requirePermission('read'), (req, res) => show(req, res, 200));

  /** hand-offs whose reply is being sent right now: a second submit (double click, two officials) waits its turn */
  const sending = new Set<number>();

  router.post('/inbox/:id/reply', requirePermission('inbox.reply'), async (req, res) => {
    const { t } = stateOf(res);
    const id = routeId(req);
    const text = formField(req, 'text').replace(/\r\n/g, '\n').normalize('NFC').trim();
    const handoff = handoffs.get(id);
    if (!handoff) return show(req, res, 404);
    const refuse = (status: number, message: string) => show(req, res, status, { id, message, text });
    if (handoff.status !== 'open' || sending.has(id)) return refuse(409, t('inbox.notOpen'));
    if (text.length === 0 || countChars(text) > MAX_TEXT_CHARS)
      return refuse(400, t('inbox.badText', { max: MAX_TEXT_CHARS }));
    const resident = residents.get(handoff.userId);
    if (replyWindow(resident?.lastInteractionAt ?? null, handoff.createdAt, clock.now()).state === 'closed') {
      return refuse(409, t('inbox.windowClosedRefused'));
    }
    const actor = accountOf(res).name;
    sending.add(id);
    try {
      await deps.zalo.sendText(handoff.userId, text, { purpose: 'handoff', ref: `handoff:${id}` });
    } catch (err) {
      sending.delete(id);
      if (!(err instanceof ZaloApiError)) throw err;
      deps.log.warn(
        { err, handoffId: id, user: hashUserId(handoff.userId) },
        'console: hand-off reply refused by Zalo',
      );
      return refuse(502, t('inbox.sendFailed', { reason: describeZaloError(err, t) }));
    }
    sending.delete(id);
    const now = clock.now();
    deps.db.transaction(() => {
      handoffs.markAnswered(id, actor, now);
      deps.audit.record({
        actor,
        action: 'handoff.reply',
        details: { handoffId: id, user: hashUserId(handoff.userId), chars: countChars(text) },
      });
    })();
    deps.onHumanReply?.(handoff.userId, now);
    res.redirect(303, '/admin/inbox?done=replied');
  });

  router.post('/inbox/:id/close', requirePermission('inbox.reply'), (req, res) => {
    const id = routeId(req);
    const actor = accountOf(res).name;
    const closed = deps.db.transaction(() => {
      const ok = handoffs.close(id);
      if (ok) deps.audit.record({ actor, action: 'handoff.close', details: { handoffId: id } });
      return ok;
    })();
    if (!closed) return show(req, res, 404);
    res.redirect(303, '/admin/inbox?done=closed');
  });
}
