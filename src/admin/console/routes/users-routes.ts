import type { Request, Response, Router } from 'express';
import { AccountRuleError, type AccountService } from '../../auth/account-service.js';
import type { AccountRepository } from '../../auth/account-repository.js';
import { isRole } from '../../auth/roles.js';
import { accountOf, requirePermission, sendPage, stateOf } from '../console-state.js';
import type { Formatter } from '../format.js';
import { formField, noticeFrom, routeId } from '../form-input.js';
import { usersView } from '../views/users-view.js';

/** /users: admins list, add, re-role, reset, disable and enable accounts. */
export function addUsersRoutes(
  router: Router,
  deps: { accounts: AccountRepository; service: AccountService; fmt: Formatter },
): void {
  const guard = requirePermission('user.manage');

  function show(
    req: Request,
    res: Response,
    status: number,
    extra: { error?: string; generated?: { name: string; password: string } } = {},
  ) {
    const { t, session } = stateOf(res);
    sendPage(res, status, {
      title: t('users.title'),
      active: 'users',
      notice: noticeFrom(t, req),
      body: usersView(t, deps.fmt, {
        accounts: deps.accounts.list(),
        csrfToken: session!.csrfToken,
        self: accountOf(res).name,
        ...extra,
      }),
    });
  }

  /** Runs an account change; a broken rule re-renders the page with 400 and the reason. */
  async function attempt(
    req: Request,
    res: Response,
    change: (actor: string) => Promise<{ name: string; password?: string } | void>,
  ) {
    try {
      const result = await change(accountOf(res).name);
      if (result?.password) return show(req, res, 200, { generated: { name: result.name, password: result.password } });
      res.redirect(303, '/admin/users?done=saved');
    } catch (err) {
      if (!(err instanceof AccountRuleError)) throw err;
      show(req, res, err.code === 'not_found' ? 404 : 400, { error: stateOf(res).t(`users.errors.${err.code}`) });
    }
  }

  router.get('/users', guard, (req, res) => show(req, res, 200));

  router.post('/users', guard, (req, res) =>
    attempt(req, res, async (actor) => {
      const role = formField(req, 'role');
      const { account, generatedPassword } = await deps.service.add(actor, {
        name: formField(req, 'name').trim(),
        role: isRole(role) ? role : 'viewer',
        password: formField(req, 'password') || undefined,
      });
      return { name: account.name, password: generatedPassword };
    }),
  );

  router.post('/users/:id/role', guard, (req, res) =>
    attempt(req, res, async (actor) => {
      const role = formField(req, 'role');
      if (!isRole(role)) throw new AccountRuleError('role_invalid');
      deps.service.setRole(actor, routeId(req), role);
    }),
  );

  router.post('/users/:id/password', guard, (req, res) =>
    attempt(req, res, async (actor) => {
      const { account, generatedPassword } = await deps.service.resetPassword(actor, routeId(req));
      return { name: account.name, password: generatedPassword };
    }),
  );

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    router.post(`/users/:id/${action}`, guard, (req, res) =>
      attempt(req, res, async (actor) => deps.service.setDisabled(actor, routeId(req), disabled)),
    );
  }
}
