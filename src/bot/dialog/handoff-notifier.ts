import type { TFunction } from '../../i18n/create-i18n.js';
import { checkGroupHistory } from '../../broadcast/check-group-history.js';
import type { Clock } from '../../shared/clock.js';
import { hashUserId, type Logger } from '../../shared/logger.js';
import type { Db } from '../../storage/open-database.js';
import type { ZaloApi } from '../../zalo/zalo-api.js';
import { ZaloApiError } from '../../zalo/zalo-api-error.js';
import type { ResidentRepository } from '../resident-repository.js';
import type { Conversation } from './conversation.js';
import { createHandoffNoticeStore, type NoticeRow } from './handoff-notice-store.js';

const HOUR_MS = 3_600_000;
/** A notice waits this long for the message after the request (its topic), unless urgent. */
export const SUBJECT_WAIT_MS = 2 * 60_000;
/** A 'sending' notice is checked against the group's history only this long after its attempt. */
const SETTLE_MS = 10_000;
const MAX_ATTEMPTS = 5;
const TOPIC_CHARS = 60;
const NAME_CHARS = 20;

export interface HandoffNotifier {
  /** A thread started waiting: queue one notice unless this thread had one within the hour. */
  onWaiting(userId: string, now: number): void;
  /** Sends due notices, settles unclear ones from the group's history. Never throws. */
  runOnce(now: number): Promise<void>;
}

export interface HandoffNotifierDeps {
  db: Db;
  conversation: Conversation;
  residents: ResidentRepository;
  /** a client that does not retry an unclear send (`maxAttempts: 1`): this notifier reconciles it */
  zalo: ZaloApi;
  /** HANDOFF_NOTIFY_GROUP_ID */
  groupId: string;
  t: TFunction;
  clock: Clock;
  log: Logger;
}

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/**
 * "Có 1 người dân cần gặp cán bộ: <first name>, chủ đề <topic>" to the officials' OA group, at most
 * once per thread per hour, through a durable row per notice: claimed with the thread's
 * `notified_at`, marked 'sending' before the call, and after a crash or an unclear failure looked
 * for in the group's history before any resend. No personal data beyond a first name and the topic.
 */
export function createHandoffNotifier(deps: HandoffNotifierDeps): HandoffNotifier {
  const { db, conversation, zalo, groupId, t, log } = deps;
  const store = createHandoffNoticeStore(db);
  const claim = db.transaction((userId: string, now: number) => {
    if (!conversation.threads.claimNotice(userId, now, HOUR_MS)) return false;
    store.add(userId, groupId, now);
    return true;
  });

  function textOf(userId: string): string {
    const open = conversation.handoffs.openOf(userId);
    const name = deps.residents.get(userId)?.displayName?.trim().split(/\s+/).pop();
    const topic = open?.subject ?? open?.question;
    const params = {
      name: name ? cut(name, NAME_CHARS) : t('dialog:handoffReply.noName'),
      topic: topic ? cut(topic.replace(/\s+/g, ' '), TOPIC_CHARS) : t('dialog:handoffReply.noTopic'),
    };
    return t(open?.urgent ? 'dialog:handoffReply.noticeUrgent' : 'dialog:handoffReply.notice', params);
  }

  const due = (row: NoticeRow, now: number) => {
    const open = conversation.handoffs.openOf(row.userId);
    return !open || open.urgent || open.subject !== null || row.createdAt + SUBJECT_WAIT_MS <= now;
  };

  async function send(row: NoticeRow, now: number): Promise<void> {
    const text = row.text ?? textOf(row.userId);
    store.markSending(row.id, text, now);
    try {
      const sent = await zalo.sendGroupMessage(row.groupId, { text }, { purpose: 'handoff', retryUnclear: false });
      store.markSent(row.id, sent.messageId);
      log.info({ user: hashUserId(row.userId), notice: row.id }, "officials' group told a resident waits");
    } catch (err) {
      const unclear = !(err instanceof ZaloApiError) || err.outcomeUnknown;
      if (unclear) return void log.warn({ err, notice: row.id }, 'hand-off notice outcome unknown; history is checked');
      const give = row.attempts + 1 >= MAX_ATTEMPTS || !err.retryable;
      (give ? store.markFailed : store.markPending)(row.id, err.message);
      log.warn({ err, notice: row.id }, give ? 'hand-off notice failed' : 'hand-off notice refused; retried later');
    }
  }

  async function settle(row: NoticeRow): Promise<void> {
    const verdict = await checkGroupHistory(zalo, row.groupId, { text: row.text ?? '' }, row.attemptedAt ?? 0);
    if (verdict.kind === 'sent') return store.markSent(row.id, verdict.messageId);
    if (verdict.kind === 'unsettled') {
      log.error({ notice: row.id, why: verdict.why }, 'hand-off notice may have gone out; not resent');
      return store.markUnknown(row.id, verdict.why);
    }
    if (row.attempts >= MAX_ATTEMPTS) store.markFailed(row.id, 'not_sent');
    else store.markPending(row.id, 'not_sent');
  }

  return {
    onWaiting(userId, now) {
      if (claim(userId, now)) log.info({ user: hashUserId(userId) }, "officials' group notice queued");
    },
    async runOnce(now) {
      try {
        for (const row of store.unsettled(now - SETTLE_MS)) await settle(row);
        for (const row of store.pending()) if (due(row, now)) await send(row, now);
        store.purge(now - 7 * 24 * HOUR_MS);
      } catch (err) {
        log.error({ err }, 'hand-off notices failed; retried at the next run');
      }
    },
  };
}
