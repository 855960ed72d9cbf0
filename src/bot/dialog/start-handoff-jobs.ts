import type { TFunction } from '../../i18n/create-i18n.js';
import type { Clock } from '../../shared/clock.js';
import { hashUserId, type Logger } from '../../shared/logger.js';
import { untilDeadline, type Service } from '../../shared/service.js';
import type { Db } from '../../storage/open-database.js';
import type { ReplyOutbox } from '../reply-outbox.js';
import type { Conversation } from './conversation.js';
import type { HandoffNotifier } from './handoff-notifier.js';

export interface HandoffJobs extends Service {
  /** One pass: threads gone quiet return to the bot (the resident is told), due notices go out. */
  runOnce(now?: number): Promise<void>;
}

export interface HandoffJobsDeps {
  db: Db;
  conversation: Conversation;
  replies: Pick<ReplyOutbox, 'enqueue' | 'deliver'>;
  notifier?: HandoffNotifier;
  /** HANDOFF_QUIET_HOURS in ms */
  quietMs: number;
  t: TFunction;
  clock: Clock;
  log: Logger;
  /** default every minute */
  everyMs?: number;
}

/**
 * The hand-off's periodic work on an unref'd timer (started by `start`, stopped at shutdown): a
 * thread an official owns with no official writing for `quietMs` goes back to the bot, and the
 * resident gets `dialog:handoff.backToBot` through the reply outbox, stored in the same transaction
 * (told exactly once); a waiting thread never times out. Then the officials' group notices.
 */
export function createHandoffJobs(deps: HandoffJobsDeps): HandoffJobs {
  const { db, conversation, replies, t, log } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const expire = db.transaction((userId: string, now: number) => {
    if (!conversation.expireIfQuiet(userId, now, deps.quietMs)) return false;
    const text = t('dialog:handoff.backToBot');
    replies.enqueue(userId, null, [{ text }]);
    conversation.botSaid(userId, [text], undefined, now);
    return true;
  });

  async function pass(now: number): Promise<void> {
    try {
      for (const userId of conversation.threads.listQuiet(now - deps.quietMs)) {
        if (!expire(userId, now)) continue;
        log.info({ user: hashUserId(userId) }, 'hand-off went quiet; the bot answers again');
        void replies.deliver(userId);
      }
    } catch (err) {
      log.error({ err }, 'hand-off quiet timeout failed; retried at the next run');
    }
    await deps.notifier?.runOnce(now);
  }

  const runOnce = (now = deps.clock.now()) => (running = running.then(() => pass(now)));
  return {
    runOnce,
    start() {
      if (timer) return;
      timer = setInterval(() => void runOnce(), deps.everyMs ?? 60_000);
      timer.unref();
      void runOnce();
    },
    /** stops the timer; a pass in flight (a notice being sent) may finish until `deadline` */
    async stop(deadline) {
      if (timer) clearInterval(timer);
      timer = undefined;
      await untilDeadline(running, deadline, deps.clock.now());
    },
  };
}
