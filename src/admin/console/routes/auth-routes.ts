import type { Request, Response, Router } from 'express';
import type { AuditLog } from '../../../broadcast/audit-log.js';
import type { Clock } from '../../../shared/clock.js';
import { createLogThrottle } from '../../../shared/log-throttle.js';
import { hashUserId, type Logger } from '../../../shared/logger.js';
import type { SessionStore } from '../../auth/session-store.js';
import type { SignIn } from '../../auth/sign-in.js';
import { sendPage, setSessionCookie, stateOf } from '../console-state.js';
import type { RequestFacts } from '../request-facts.js';
import { formField } from '../form-input.js';
import { signInView } from '../views/sign-in-view.js';

/** Only console paths are valid targets after sign-in (no open redirect). */
export function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/admin(\/[^/\\]|\/?$|\?)/.test(value) && !value.startsWith('/admin/login')
    ? value
    : '/admin';
}

/**
 * GET/POST /login and POST /logout. A signed-out visitor gets a stateless session (nothing stored);
 * signing in starts a new stored one.
 */
export function addAuthRoutes(
  router: Router,
  deps: { sessions: SessionStore; signIn: SignIn; facts: RequestFacts; audit: AuditLog; log: Logger; clock: Clock },
): void {
  const { sessions, facts } = deps;
  // a guesser's refused attempts cost nothing to send: one line per minute and address, with a count
  const lockedOut = createLogThrottle({ log: deps.log, clock: deps.clock });

  function showForm(
    req: Request,
    res: Response,
    status: number,
    extra: { name?: string; error?: string; next?: string },
  ) {
    const state = stateOf(res);
    let session = state.session;
    if (!session || session.accountId !== null) {
      session = sessions.anonymous();
      setSessionCookie(res, facts, req, session);
      state.session = session;
    }
    sendPage(res, status, {
      title: state.t('auth.title'),
      body: signInView(state.t, { csrfToken: session.csrfToken, next: extra.next ?? '/admin', ...extra }),
    });
  }

  router.get('/login', (req, res) => {
    if (stateOf(res).account) return res.redirect(303, safeNext(req.query.next));
    showForm(req, res, 200, { next: safeNext(req.query.next) });
  });

  router.post('/login', async (req, res) => {
    const { t, session } = stateOf(res);
    const name = formField(req, 'name').trim();
    const next = safeNext(formField(req, 'next'));
    const ip = facts.clientIp(req);
    const result = await deps.signIn(name, formField(req, 'password'), ip);
    if (!result.ok) {
      // a hash, not the name: a password typed into the name field must not reach the log
      const fields = { account: hashUserId(name), reason: result.reason };
      if (result.reason === 'rate_limited') lockedOut.warn(ip, { ...fields, ip }, 'console sign-in refused');
      else deps.log.warn(fields, 'console sign-in refused');
      if (result.reason === 'rate_limited') {
        const minutes = Math.ceil(result.retryAfterMs / 60_000);
        res.set('Retry-After', String(Math.ceil(result.retryAfterMs / 1000)));
        return showForm(req, res, 429, { name, next, error: t('auth.rateLimited', { minutes }) });
      }
      return showForm(req, res, 401, { name, next, error: t('auth.invalid') });
    }
    if (session) sessions.destroy(session.id);
    setSessionCookie(res, facts, req, sessions.create(result.account.id));
    deps.audit.record({ actor: result.account.name, action: 'account.sign_in' });
    res.redirect(303, next);
  });

  router.post('/logout', (req, res) => {
    const { session, account } = stateOf(res);
    if (session) sessions.destroy(session.id);
    if (account) deps.audit.record({ actor: account.name, action: 'account.sign_out' });
    setSessionCookie(res, facts, req, undefined);
    res.redirect(303, '/admin/login');
  });
}
