import express, { type ErrorRequestHandler, type Router } from 'express';
import type { i18n } from 'i18next';
import type { Broadcast } from '../../broadcast/create-broadcast.js';
import type { Conversation } from '../../bot/dialog/conversation.js';
import type { HandoffRepository } from '../../bot/dialog/handoff-repository.js';
import type { QuestionRepository } from '../../bot/dialog/question-repository.js';
import type { ReplyOutbox } from '../../bot/reply-outbox.js';
import { createReplyOutboxStore } from '../../bot/reply-outbox-store.js';
import type { ResidentRepository } from '../../bot/resident-repository.js';
import type { FaqStore } from '../../faq/faq-types.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { Db } from '../../storage/open-database.js';
import type { ZaloApi } from '../../zalo/zalo-api.js';
import { createAccountRepository } from '../auth/account-repository.js';
import { createAccountService } from '../auth/account-service.js';
import { createLoginRateLimiter, DEFAULT_LOGIN_LIMITS, type LoginLimits } from '../auth/login-rate-limiter.js';
import type { ScryptCost } from '../auth/password-hash.js';
import { createSessionStore } from '../auth/session-store.js';
import { createSignIn } from '../auth/sign-in.js';
import { addConsoleAssets } from './console-assets.js';
import { consoleSecurityHeaders } from './console-security.js';
import { approvalBadge, loadConsoleState, sendPage, stateOf, verifyCsrf } from './console-state.js';
import { createThreadActions } from './inbox/thread-actions.js';
import { createFormatter } from './format.js';
import { html } from './html.js';
import { createRequestFacts } from './request-facts.js';
import { createConsoleStats } from './stats/console-stats.js';
import { addAuditRoutes } from './routes/audit-routes.js';
import { addAuthRoutes } from './routes/auth-routes.js';
import { addCampaignRoutes } from './routes/campaign-routes.js';
import { addContentRoutes } from './routes/content-routes.js';
import { addGroupRoutes } from './routes/group-routes.js';
import { addImproveRoutes } from './routes/improve-routes.js';
import { addInboxRoutes } from './routes/inbox-routes.js';
import { addQuestionRoutes } from './routes/question-routes.js';
import { addThreadActionRoutes } from './routes/thread-action-routes.js';
import { addReportRoutes } from './routes/report-routes.js';
import { addUsersRoutes } from './routes/users-routes.js';

export interface ConsoleDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  i18n: i18n;
  faq: FaqStore;
  /** hand-off replies go out through it (purpose 'handoff') */
  zalo: ZaloApi;
  /**
   * the broadcast domain, shared with the JSON API and the scheduler; its audit log also receives
   * every console change (accounts, hand-offs, questions) with the account's name
   */
  broadcast: Pick<Broadcast, 'directory' | 'campaigns' | 'runs' | 'runStore' | 'audit' | 'approvalRequests'>;
  /** the dialog's hand-off queue and question log, and the residents table (reply window) */
  handoffs: HandoffRepository;
  questions: QuestionRepository;
  residents: ResidentRepository;
  /** residents' conversation threads (shared with the dialog): the inbox pages and their buttons */
  conversation: Conversation;
  /** the durable reply outbox: the "bot answers again" notice when an official ends a hand-off */
  replies: Pick<ReplyOutbox, 'enqueue' | 'deliver'>;
  /** `dialog.noteHumanReply`: the bot stays quiet after an official wrote to the resident */
  onHumanReply?: (userId: string, now: number) => void;
  /** Config.contentDir: FAQ file paths are shown relative to it */
  contentDir: string;
  /** Config.timeZone: dates are shown in it */
  timeZone: string;
  /** Config.trustProxy: believe X-Forwarded-Proto / X-Forwarded-For from the reverse proxy */
  trustProxy: boolean;
  /** tests lower the scrypt cost; production keeps the default */
  scryptCost?: ScryptCost;
  /** tests lower the sign-in limits; production keeps DEFAULT_LOGIN_LIMITS */
  loginLimits?: Partial<LoginLimits>;
}

/**
 * The officials' web console, to be mounted at `/admin` AFTER the bearer-token API at `/admin/api`
 * (requests under `/api` are passed on untouched). Server-rendered HTML in Vietnamese; every
 * state-changing form carries the session's CSRF token; every route checks the role on the server.
 *
 * @example app.use('/admin/api', adminApi); app.use('/admin', createConsoleRouter(deps));
 */
export function createConsoleRouter(deps: ConsoleDeps): Router {
  const { db, clock, log } = deps;
  const t = deps.i18n.getFixedT('vi', 'admin');
  const fmt = createFormatter(deps.timeZone);
  const facts = createRequestFacts({ trustProxy: deps.trustProxy });
  const accounts = createAccountRepository({ db, clock });
  const sessions = createSessionStore({ db, clock });
  const limiter = createLoginRateLimiter({ clock, limits: { ...DEFAULT_LOGIN_LIMITS, ...deps.loginLimits } });
  const signIn = createSignIn({ accounts, limiter, scryptCost: deps.scryptCost });
  const { audit, directory } = deps.broadcast;
  const accountService = createAccountService({ db, accounts, audit, scryptCost: deps.scryptCost });

  const router = express.Router();
  router.use('/api', (_req, _res, next) => next('router'));
  addConsoleAssets(router);
  router.use(consoleSecurityHeaders);
  router.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 2000 }));
  router.use(
    loadConsoleState({ t, sessions, accounts, counts: () => ({ inbox: deps.conversation.threads.unreadCount() }) }),
  );
  router.use(approvalBadge(deps.broadcast.approvalRequests));
  router.use(verifyCsrf);

  addAuthRoutes(router, { sessions, signIn, facts, audit, log, clock });
  addUsersRoutes(router, { accounts, service: accountService, fmt });
  addReportRoutes(router, {
    stats: createConsoleStats({ ...deps, runStore: deps.broadcast.runStore }),
    faq: deps.faq,
    clock,
    timeZone: deps.timeZone,
    fmt,
    questions: deps.questions,
  });
  addCampaignRoutes(router, { ...deps.broadcast, fmt, clock, timeZone: deps.timeZone, accounts });
  addGroupRoutes(router, { directory, fmt, log });
  const show = addInboxRoutes(router, { ...deps, accounts, fmt, outboxStore: createReplyOutboxStore(db) });
  const backToBotText = deps.i18n.getFixedT('vi', 'dialog')('handoff.backToBot');
  const actions = createThreadActions({ ...deps, audit, backToBotText });
  addThreadActionRoutes(router, { ...deps, audit, accounts, actions, show });
  addQuestionRoutes(router, { ...deps, audit, fmt });
  addContentRoutes(router, { faq: deps.faq, fmt });
  addImproveRoutes(router, { ...deps, audit });
  addAuditRoutes(router, { ...deps, ...deps.broadcast, fmt });

  router.use((_req, res) => {
    const { t: tr } = stateOf(res);
    sendPage(res, 404, {
      title: tr('errors.notFoundTitle'),
      body: html`<div class="card"><h1>${tr('errors.notFoundTitle')}</h1><p><a href="/admin">${tr('errors.backHome')}</a></p></div>`,
    });
  });
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const status = (err as { status?: number }).status;
    if (status === 413 || status === 400) {
      res.status(status).type('text').send(t('errors.badRequest'));
      return;
    }
    log.error({ err }, 'console request failed');
    res.status(500).type('text').send(t('errors.internal'));
  };
  router.use(onError);
  return router;
}
