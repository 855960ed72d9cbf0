import type { Request, Response, NextFunction, RequestHandler } from 'express';
import type { TFunction } from 'i18next';
import type { Account, AccountRepository } from '../auth/account-repository.js';
import { isValidCsrfToken } from '../auth/csrf.js';
import { can, type Permission } from '../auth/roles.js';
import type { Session, SessionStore } from '../auth/session-store.js';
import { html } from './html.js';
import { renderPage, type NavKey, type PageInput } from './layout.js';
import { readCookie, type RequestFacts } from './request-facts.js';

export const SESSION_COOKIE = 'loa_admin_session';

/** What the console knows about the current request; set by `loadConsoleState`. */
export interface ConsoleState {
  t: TFunction;
  session?: Session;
  /** the signed-in, enabled account */
  account?: Account;
  /** counts shown beside navigation entries (campaigns awaiting the approver) */
  badges?: Partial<Record<NavKey, number>>;
  /** counts shown beside section links (unread conversations) */
  counts?: Partial<Record<NavKey, number>>;
}

export function stateOf(res: Response): ConsoleState {
  return res.locals.console as ConsoleState;
}

/** The signed-in account; only call after `requirePermission`. */
export function accountOf(res: Response): Account {
  const account = stateOf(res).account;
  if (!account) throw new Error('accountOf() used on a route without requirePermission');
  return account;
}

/** Sends a full console page with the shell filled from the request's state. */
export function sendPage(
  res: Response,
  status: number,
  page: Omit<PageInput, 't' | 'account' | 'csrfToken' | 'counts'>,
): void {
  const state = stateOf(res);
  const shell = { t: state.t, account: state.account, csrfToken: state.session?.csrfToken, counts: state.counts };
  res
    .status(status)
    .type('html')
    .send(renderPage({ ...page, ...shell, badges: state.badges }));
}

/** Sets (or, with `undefined`, clears) the session cookie: HttpOnly, SameSite=Lax, Secure over TLS. */
export function setSessionCookie(res: Response, facts: RequestFacts, req: Request, session: Session | undefined): void {
  res.cookie(SESSION_COOKIE, session?.id ?? '', {
    httpOnly: true,
    sameSite: 'lax',
    secure: facts.isSecure(req),
    path: '/admin',
    ...(session ? {} : { expires: new Date(0) }),
  });
}

/** Loads the session named by the cookie and its account (a disabled account counts as signed out). */
export function loadConsoleState(deps: {
  t: TFunction;
  sessions: SessionStore;
  accounts: AccountRepository;
  /** counts beside section links, read only for a signed-in account */
  counts?: () => Partial<Record<NavKey, number>>;
}): RequestHandler {
  return (req, res, next) => {
    const id = readCookie(req, SESSION_COOKIE);
    const session = id ? deps.sessions.get(id) : undefined;
    const found = session?.accountId != null ? deps.accounts.findById(session.accountId) : undefined;
    const account = found && found.disabledAt === null ? found : undefined;
    const counts = account ? deps.counts?.() : undefined;
    res.locals.console = { t: deps.t, session, account, counts } satisfies ConsoleState;
    next();
  };
}

/** Counts the drafts awaiting a signed-in approver, for the badge beside "Chiến dịch". */
export function approvalBadge(requests: { awaiting(actor: string): unknown[] }): RequestHandler {
  return (_req, res, next) => {
    const state = stateOf(res);
    if (state.account && can(state.account.role, 'campaign.approve')) {
      state.badges = { campaigns: requests.awaiting(state.account.name).length };
    }
    next();
  };
}

/**
 * Refuses any state-changing request whose `_csrf` field (or `X-CSRF-Token` header) does not match
 * the session's synchronizer token: 403, nothing changes. Runs after the body parser.
 */
export function verifyCsrf(req: Request, res: Response, next: NextFunction): void {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  const { session, t } = stateOf(res);
  const submitted = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.get('x-csrf-token');
  if (session && isValidCsrfToken(session.csrfToken, submitted)) return next();
  sendPage(res, 403, {
    title: t('errors.csrfTitle'),
    body: html`<div class="card"><h1>${t('errors.csrfTitle')}</h1><p>${t('errors.csrfText')}</p>
      <p><a href="/admin">${t('errors.backHome')}</a></p></div>`,
  });
}

/**
 * Requires a signed-in account holding `permission`. Signed out: GET goes to the sign-in page
 * (coming back afterwards), anything else gets 401. Signed in without the right: 403 — enforced here,
 * whatever the page shows.
 */
export function requirePermission(permission: Permission): RequestHandler {
  return (req, res, next) => {
    const { account, t } = stateOf(res);
    if (!account) {
      if (req.method === 'GET') {
        res.redirect(303, `/admin/login?next=${encodeURIComponent(req.originalUrl)}`);
        return;
      }
      sendPage(res, 401, {
        title: t('errors.signedOutTitle'),
        body: html`<div class="card"><h1>${t('errors.signedOutTitle')}</h1><p><a href="/admin/login">${t('auth.signIn')}</a></p></div>`,
      });
      return;
    }
    if (!can(account.role, permission)) {
      sendPage(res, 403, {
        title: t('errors.forbiddenTitle'),
        body: html`<div class="card"><h1>${t('errors.forbiddenTitle')}</h1><p>${t('errors.forbiddenText', {
          role: t(`roles.${account.role}`),
        })}</p><p><a href="/admin">${t('errors.backHome')}</a></p></div>`,
      });
      return;
    }
    next();
  };
}
