import type { AuditLog } from '../../../broadcast/audit-log.js';
import type { Conversation, FinishHow } from '../../../bot/dialog/conversation.js';
import type { ReplyOutbox } from '../../../bot/reply-outbox.js';
import { hashUserId } from '../../../shared/logger.js';
import type { Db } from '../../../storage/open-database.js';

export interface ThreadActionDeps {
  db: Db;
  conversation: Conversation;
  /** the durable reply outbox: the "bot answers again" notice goes out through it */
  replies: Pick<ReplyOutbox, 'enqueue' | 'deliver'>;
  audit: AuditLog;
  /** dialog:handoff.backToBot in Vietnamese */
  backToBotText: string;
}

export type FinishResult = 'done' | 'withBot';

/**
 * What an official does to a conversation from the console, each in one transaction with its audit
 * entry. Ending a hand-off stores the resident's notice in the reply outbox in the same transaction,
 * and only when the conversation was not with the bot already: a double click sends it once.
 */
export function createThreadActions(deps: ThreadActionDeps) {
  const { db, conversation, audit } = deps;
  return {
    assign: db.transaction((userId: string, to: string, actor: string, now: number) => {
      conversation.assign(userId, to, actor, now);
      audit.record({ actor, action: 'handoff.assign', details: { user: hashUserId(userId), to } });
    }),
    finish(userId: string, how: FinishHow, actor: string, now: number): FinishResult {
      const result = db.transaction((): FinishResult => {
        const open = conversation.handoffs.openOf(userId);
        if (conversation.stateOf(userId) === 'bot' && !open) return 'withBot';
        const closed = conversation.finish(userId, how, actor, now);
        deps.replies.enqueue(userId, null, [{ text: deps.backToBotText }]);
        audit.record({
          actor,
          action: how === 'answered' ? 'handoff.answered' : 'handoff.returned',
          details: { user: hashUserId(userId), ...(closed ? { handoffId: closed.id } : {}) },
        });
        return 'done';
      })();
      if (result === 'done') void deps.replies.deliver(userId);
      return result;
    },
  };
}

export type ThreadActions = ReturnType<typeof createThreadActions>;
