import type { TFunction } from 'i18next';
import { html, type SafeHtml } from '../html.js';

/** The sign-in form. `error` is an already-translated sentence. */
export function signInView(
  t: TFunction,
  input: { csrfToken: string; next: string; name?: string; error?: string },
): SafeHtml {
  return html`<div class="card signin">
<h1>${t('auth.title')}</h1>
${input.error ? html`<div class="notice bad" role="alert">${input.error}</div>` : ''}
<form method="post" action="/admin/login">
<input type="hidden" name="_csrf" value="${input.csrfToken}">
<input type="hidden" name="next" value="${input.next}">
<label for="name">${t('auth.name')}</label>
<input type="text" id="name" name="name" value="${input.name ?? ''}" autocomplete="username" autocapitalize="none" spellcheck="false" required>
<label for="password">${t('auth.password')}</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<div class="actions"><button type="submit">${t('auth.signIn')}</button></div>
</form>
</div>`;
}
