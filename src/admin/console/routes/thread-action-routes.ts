import type { Request, Response, Router } from 'express';
import type { AuditLog } from '../../../broadcast/audit-log.js';
import { countChars, MAX_TEXT_CHARS } from '../../../broadcast/campaign-input.js';
import type { Conversation, FinishHow } from '../../../bot/dialog/conversation.js';
import type { HandoffRepository } from '../../../bot/dialog/handoff-repository.js';
import type { ResidentRepository } from '../../../bot/resident-repository.js';
import type { Clock } from '../../../shared/clock.js';
import { hashUserId, type Logger } from '../../../shared/logger.js';
import type { Db } from '../../../storage/open-database.js';
import { describeZaloError } from '../../../zalo/describe-zalo-error.js';
import { ZaloApiError } from '../../../zalo/zalo-api-error.js';
import type { ZaloApi } from '../../../zalo/zalo-api.js';
import type { AccountRepository } from '../../auth/account-repository.js';
import { can } from '../../auth/roles.js';
import { accountOf, requirePermission, stateOf } from '../console-state.js';
import { formField, routeId } from '../form-input.js';
import { replyWindow } from '../inbox/reply-window.js';
import type { ThreadActions } from '../inbox/thread-actions.js';
import { routeUserId, type ShowThread } from './inbox-routes.js';

export interface ThreadActionRouteDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  zalo: ZaloApi;
  audit: AuditLog;
  conversation: Conversation;
  handoffs: HandoffRepository;
  residents: ResidentRepository;
  accounts: AccountRepository;
  actions: ThreadActions;
  show: ShowThread;
  /** tells the dialog an official is talking to this resident (Dialog.noteHumanReply) */
  onHumanReply?: (userId: string, now: number) => void;
}

/**
 * The officials' buttons on a thread (POST with the CSRF token; `inbox.reply` holders only): reply,
 * take it, give it to another official, mark answered, return to the bot. The older per-request
 * paths `/inbox/:id/reply` and `/inbox/:id/close` act on that request's thread.
 */
export function addThreadActionRoutes(router: Router, deps: ThreadActionRouteDeps): void {
  const { clock, conversation, show } = deps;
  const exists = (userId: string) =>
    userId !== '' && (conversation.threads.get(userId) || deps.handoffs.openOf(userId));
  const back = (res: Response, userId: string, done: string) =>
    res.redirect(303, `/admin/inbox/t/${userId}?done=${done}`);
  /** residents whose reply is being sent right now: a second submit (double click, two officials) waits its turn */
  const sending = new Set<string>();

  async function reply(req: Request, res: Response, userId: string): Promise<void> {
    const { t } = stateOf(res);
    const text = formField(req, 'text').replace(/\r\n/g, '\n').normalize('NFC').trim();
    const refuse = (status: number, message: string) => show(req, res, userId, status, { message, text });
    if (!exists(userId)) return show(req, res, userId, 404);
    if (sending.has(userId)) return refuse(409, t('inbox.notOpen'));
    if (text.length === 0 || countChars(text) > MAX_TEXT_CHARS)
      return refuse(400, t('inbox.badText', { max: MAX_TEXT_CHARS }));
    const requestedAt = deps.handoffs.openOf(userId)?.createdAt ?? 0;
    const lastSeen = deps.residents.get(userId)?.lastInteractionAt ?? null;
    if (replyWindow(lastSeen, requestedAt, clock.now()).state === 'closed') {
      return refuse(409, t('inbox.windowClosedRefused'));
    }
    const actor = accountOf(res).name;
    sending.add(userId);
    let sent;
    try {
      sent = await deps.zalo.sendText(userId, text, { purpose: 'handoff', ref: `thread:${hashUserId(userId)}` });
    } catch (err) {
      if (!(err instanceof ZaloApiError)) throw err;
      deps.log.warn({ err, user: hashUserId(userId) }, 'console: hand-off reply refused by Zalo');
      return refuse(502, t('inbox.sendFailed', { reason: describeZaloError(err, t) }));
    } finally {
      sending.delete(userId);
    }
    const now = clock.now();
    const source = `console:${sent[0]?.messageId ?? `${now}`}`;
    deps.db.transaction(() => {
      conversation.officialWrote(userId, { actor, text, source }, now);
      deps.audit.record({
        actor,
        action: 'handoff.reply',
        details: { user: hashUserId(userId), chars: countChars(text), ...handoffRef(userId) },
      });
    })();
    deps.onHumanReply?.(userId, now);
    back(res, userId, 'replied');
  }
  const handoffRef = (userId: string) => {
    const id = deps.handoffs.openOf(userId)?.id;
    return id ? { handoffId: id } : {};
  };

  function finish(req: Request, res: Response, userId: string, how: FinishHow): void {
    const { t } = stateOf(res);
    if (!exists(userId)) return show(req, res, userId, 404);
    const result = deps.actions.finish(userId, how, accountOf(res).name, clock.now());
    if (result === 'withBot') return show(req, res, userId, 409, { message: t('threads.withBot') });
    back(res, userId, how);
  }

  const userOfHandoff = (req: Request) => deps.handoffs.get(routeId(req))?.userId ?? '';
  const may = requirePermission('inbox.reply');

  router.post('/inbox/t/:user/reply', may, (req, res) => reply(req, res, routeUserId(req)));
  router.post('/inbox/:id/reply', may, (req, res) => reply(req, res, userOfHandoff(req)));
  router.post('/inbox/t/:user/answered', may, (req, res) => finish(req, res, routeUserId(req), 'answered'));
  router.post('/inbox/t/:user/return', may, (req, res) => finish(req, res, routeUserId(req), 'returned'));
  router.post('/inbox/:id/close', may, (req, res) => finish(req, res, userOfHandoff(req), 'returned'));

  router.post('/inbox/t/:user/take', may, (req, res) => {
    const userId = routeUserId(req);
    if (!exists(userId)) return show(req, res, userId, 404);
    const me = accountOf(res).name;
    deps.actions.assign(userId, me, me, clock.now());
    back(res, userId, 'assigned');
  });

  router.post('/inbox/t/:user/assign', may, (req, res) => {
    const { t } = stateOf(res);
    const userId = routeUserId(req);
    if (!exists(userId)) return show(req, res, userId, 404);
    const to = deps.accounts.list().find((a) => a.name === formField(req, 'to'));
    if (!to || to.disabledAt !== null || !can(to.role, 'inbox.reply')) {
      return show(req, res, userId, 400, { message: t('threads.badAssignee') });
    }
    deps.actions.assign(userId, to.name, accountOf(res).name, clock.now());
    back(res, userId, 'assigned');
  });
}
