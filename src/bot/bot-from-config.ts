import type { TFunction } from 'i18next';
import type { Config } from '../config/parse-config.js';
import type { FaqStore } from '../faq/faq-types.js';
import { createHouseholdFlow } from '../household/create-household-flow.js';
import { createBot, type Bot, type BotDeps } from './create-bot.js';
import { createFaqDialog } from './dialog/create-faq-dialog.js';

/**
 * `createBot` with the FAQ dialog and the options the config sets (DIALOG_*, MESSAGE_RETENTION_DAYS,
 * LOG_MESSAGE_TEXT, REPLY_ABSENT_AFTER_MS): the same resident side in the main thread and in the bot worker.
 */
export function botFromConfig(
  config: Pick<Config, 'dialog' | 'messageRetentionDays' | 'log' | 'replies'>,
  deps: Omit<BotDeps, 'dialog' | 'options'> & { faq: FaqStore; t: TFunction; processesHere?: boolean },
): Bot {
  const { faq, t, processesHere, ...rest } = deps;
  return createBot({
    ...rest,
    dialog: ({ buttonsEnabled }) =>
      createFaqDialog({
        faq,
        db: deps.db,
        t,
        log: deps.log,
        options: {
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
}
