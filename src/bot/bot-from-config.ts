import type { TFunction } from 'i18next';
import type { Config } from '../config/parse-config.js';
import type { FaqStore } from '../faq/faq-types.js';
import { createHouseholdFlow } from '../household/create-household-flow.js';
import type { ZaloApi } from '../zalo/zalo-api.js';
import { createBot, type Bot, type BotDeps } from './create-bot.js';
import { createConversation, type Conversation } from './dialog/conversation.js';
import { createFaqDialog } from './dialog/create-faq-dialog.js';
import { createHandoffNotifier, type HandoffNotifier } from './dialog/handoff-notifier.js';
import { createResidentRepository } from './resident-repository.js';

export interface ResidentSide {
  bot: Bot;
  /** one thread per resident: the dialog records every message, the console reads and answers them */
  conversation: Conversation;
  /** "a resident needs an official" to the officials' OA group, when HANDOFF_NOTIFY_GROUP_ID is set */
  notifier?: HandoffNotifier;
}

/**
 * `createBot` with the FAQ dialog, its conversation threads, the officials' notifier and the options
 * the config sets (DIALOG_*, MESSAGE_RETENTION_DAYS, LOG_MESSAGE_TEXT, REPLY_ABSENT_AFTER_MS,
 * HANDOFF_NOTIFY_GROUP_ID, TIME_ZONE): the same resident side in the main thread and in the bot worker.
 */
export function botFromConfig(
  config: Pick<Config, 'dialog' | 'messageRetentionDays' | 'log' | 'replies' | 'handoff' | 'timeZone'>,
  deps: Omit<BotDeps, 'dialog' | 'options' | 'nonTextLine'> & {
    faq: FaqStore;
    t: TFunction;
    /** the officials' notices: a client that does not retry an unclear send */
    groupZalo: ZaloApi;
    processesHere?: boolean;
    /** in the bot worker: the webhook's connection writes at the same time (see FaqDialogDeps) */
    sharedWriteLock?: boolean;
  },
): ResidentSide {
  const { faq, t, groupZalo, processesHere, sharedWriteLock, ...rest } = deps;
  const { db, clock, log } = deps;
  const conversation = createConversation(db, { keepText: config.messageRetentionDays > 0 });
  const groupId = config.handoff.notifyGroupId;
  const notifier = groupId
    ? createHandoffNotifier({
        db,
        conversation,
        residents: createResidentRepository(db),
        zalo: groupZalo,
        groupId,
        t,
        clock,
        log,
      })
    : undefined;
  const bot = createBot({
    ...rest,
    nonTextLine: (kind) => t('dialog:handoffReply.nonText', { kind }),
    dialog: ({ buttonsEnabled }) =>
      createFaqDialog({
        faq,
        db,
        t,
        log,
        conversation,
        ...(notifier && { onWaiting: notifier.onWaiting }),
        sharedWriteLock,
        options: {
          timeZone: config.timeZone,
          buttons: config.dialog.buttons && buttonsEnabled,
          humanQuietMs: config.dialog.humanQuietMs,
          flood: { max: config.dialog.floodMax, windowMs: config.dialog.floodWindowMs },
          messageRetentionDays: config.messageRetentionDays,
        },
        household: createHouseholdFlow(),
      }),
    options: {
      messageRetentionDays: config.messageRetentionDays,
      logMessageText: config.log.messageText,
      replies: { absentAfterMs: config.replies.absentAfterMs },
      processesHere,
    },
  });
  return { bot, conversation, notifier };
}
