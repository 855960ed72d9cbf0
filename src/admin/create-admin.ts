import type { Router } from 'express';
import type { Bot } from '../bot/create-bot.js';
import { createQuestionRepository } from '../bot/dialog/question-repository.js';
import type { Broadcast } from '../broadcast/create-broadcast.js';
import type { Config } from '../config/parse-config.js';
import { createAdminApiRouter } from './api/create-admin-api-router.js';
import { createConsoleRouter, type ConsoleDeps } from './console/create-console-router.js';
import { createAdminRouter } from './create-admin-router.js';

export interface AdminDeps extends Pick<
  ConsoleDeps,
  'db' | 'clock' | 'log' | 'i18n' | 'faq' | 'zalo' | 'conversation' | 'scryptCost' | 'loginLimits'
> {
  /** the broadcast domain behind both the console and the JSON API */
  broadcast: Pick<
    Broadcast,
    'directory' | 'campaigns' | 'runs' | 'approvalRequests' | 'runStore' | 'audit' | 'options'
  >;
  /**
   * the resident side: its residents table, dialog (the quiet period after a console reply) and the
   * outbox that sends officials' replies (with BOT_WORKER, one that hands the send to the worker)
   */
  bot: Pick<Bot, 'residents' | 'dialog'> & { outbox: ConsoleDeps['replies'] };
  /** CONTENT_DIR, TZ_NAME, TRUST_PROXY and ADMIN_TOKEN (undefined → the JSON API answers 503 saying it is off) */
  config: Pick<Config, 'contentDir' | 'timeZone' | 'trustProxy' | 'adminToken'>;
}

/**
 * Wires everything under `/admin` from its dependencies: the bearer-token JSON API at `/admin/api`
 * and the officials' web console. The one place the console's dependencies are spelled out: the
 * hand-off queue comes from the conversation, the question log is opened here. Pass the result to
 * `createApp({ admin })`.
 * @example createApp({ ..., admin: createAdmin({ db, clock, log, i18n, faq, zalo, broadcast, conversation, bot, config }) });
 */
export function createAdmin(deps: AdminDeps): Router {
  const { broadcast, bot, config, conversation, db, i18n, clock, log } = deps;
  return createAdminRouter({
    api: createAdminApiRouter({ broadcast, adminToken: config.adminToken, i18n, clock, log }),
    console: createConsoleRouter({
      ...deps,
      handoffs: conversation.handoffs,
      questions: createQuestionRepository(db),
      residents: bot.residents,
      replies: bot.outbox,
      onHumanReply: (userId, now) => bot.dialog.noteHumanReply(userId, now),
      contentDir: config.contentDir,
      timeZone: config.timeZone,
      trustProxy: config.trustProxy,
    }),
  });
}
