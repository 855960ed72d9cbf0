import type { TFunction } from 'i18next';
import type { Account } from '../../auth/account-repository.js';
import { ROLES, type Role } from '../../auth/roles.js';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';

function roleOptions(t: TFunction, selected: Role): SafeHtml[] {
  return ROLES.map(
    (r) => html`<option value="${r}"${r === selected ? html` selected` : ''}>${t(`roles.${r}`)}</option>`,
  );
}

/** The users page: the account list with per-row actions and the form to add one. */
export function usersView(
  t: TFunction,
  fmt: Formatter,
  input: {
    accounts: Account[];
    csrfToken: string;
    self: string;
    error?: string;
    generated?: { name: string; password: string };
  },
): SafeHtml {
  const csrf = html`<input type="hidden" name="_csrf" value="${input.csrfToken}">`;
  const cards = input.accounts.map(
    (a) => html`<section class="card">
<h2>${a.name} <span class="badge">${t(`roles.${a.role}`)}</span>${a.disabledAt !== null ? html` <span class="badge bad">${t('users.disabled')}</span>` : ''}</h2>
<p class="muted">${t('users.lastLogin')}: ${fmt.dateTime(a.lastLoginAt)}</p>
<form method="post" action="/admin/users/${a.id}/role" class="filters">${csrf}
<label for="role-${a.id}">${t('users.role')}</label>
<select id="role-${a.id}" name="role">${roleOptions(t, a.role)}</select>
<button type="submit" class="secondary">${t('users.changeRole')}</button></form>
<div class="actions">
<form method="post" action="/admin/users/${a.id}/password">${csrf}<button type="submit" class="secondary">${t('users.resetPassword')}</button></form>
${
  a.name === input.self
    ? ''
    : html`<form method="post" action="/admin/users/${a.id}/${a.disabledAt === null ? 'disable' : 'enable'}">${csrf}
<button type="submit" class="${a.disabledAt === null ? 'danger' : 'secondary'}">${t(a.disabledAt === null ? 'users.disable' : 'users.enable')}</button></form>`
}
</div>
</section>`,
  );
  return html`<h1>${t('users.title')}</h1>
${input.error ? html`<div class="notice bad" role="alert">${input.error}</div>` : ''}
${
  input.generated
    ? html`<div class="notice warn" role="status">${t('users.generated', { name: input.generated.name })}
<pre class="snippet" id="one-time-password">${input.generated.password}</pre>
<button type="button" class="secondary" data-copy="one-time-password" data-copied="${t('questions.copied')}" hidden>${t('questions.copy')}</button></div>`
    : ''
}
<div class="card-grid">${cards}</div>
<div class="card"><h2>${t('users.addTitle')}</h2>
<form method="post" action="/admin/users">${csrf}
<label for="new-name">${t('users.name')}</label>
<input type="text" id="new-name" name="name" required pattern="[A-Za-z0-9._\\-]{3,32}" autocapitalize="none" spellcheck="false">
<p class="muted">${t('users.nameHint')}</p>
<label for="new-role">${t('users.role')}</label>
<select id="new-role" name="role">${roleOptions(t, 'editor')}</select>
<label for="new-password">${t('users.password')}</label>
<input type="password" id="new-password" name="password" autocomplete="new-password">
<p class="muted">${t('users.passwordHint')}</p>
<div class="actions"><button type="submit">${t('users.add')}</button></div>
</form>
<h2>${t('users.rolesTitle')}</h2>
<dl class="facts">${ROLES.map((r) => html`<dt>${t(`roles.${r}`)}</dt><dd>${t(`users.roleHelp.${r}`)}</dd>`)}</dl>
</div>`;
}
