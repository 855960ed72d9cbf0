import type { TFunction } from 'i18next';
import type { Account } from '../auth/account-repository.js';
import { can } from '../auth/roles.js';
import { html, raw, type SafeHtml } from './html.js';
import { labelTableCells } from './stack-tables.js';

export type NavKey = 'dashboard' | 'campaigns' | 'groups' | 'inbox' | 'questions' | 'report' | 'content' | 'users';

const NAV: ReadonlyArray<{ key: NavKey; href: string }> = [
  { key: 'dashboard', href: '/admin' },
  { key: 'campaigns', href: '/admin/campaigns' },
  { key: 'groups', href: '/admin/groups' },
  { key: 'inbox', href: '/admin/inbox' },
  { key: 'questions', href: '/admin/questions' },
  { key: 'report', href: '/admin/report' },
  { key: 'content', href: '/admin/content' },
  { key: 'users', href: '/admin/users' },
];

function navBadge(t: TFunction, n: number | undefined): SafeHtml | '' {
  return n ? html` <span class="nav-badge" title="${t('approval.badge', { n })}">${n}</span>` : '';
}

export interface PageInput {
  t: TFunction;
  title: string;
  body: SafeHtml;
  /** absent on the sign-in page */
  account?: Account;
  csrfToken?: string;
  active?: NavKey;
  /** counts beside navigation entries (0 shows nothing) */
  badges?: Partial<Record<NavKey, number>>;
  /** a count shown beside a section's link, e.g. "Hội thoại (3)" (left out when 0) */
  counts?: Partial<Record<NavKey, number>>;
  /** a one-line confirmation shown above the body */
  notice?: { tone: 'ok' | 'warn' | 'bad'; text: string };
}

function navLabel(t: TFunction, key: NavKey, count: number | undefined): string {
  const label = t(`nav.${key}`);
  return count ? t('nav.withCount', { label, count }) : label;
}

/**
 * The page shell: top bar with the account and sign-out, the section navigation (a menu on phones),
 * then the body, whose table cells are labelled for the phone's stacked-card layout.
 */
export function renderPage(input: PageInput): string {
  const { t, account } = input;
  // On a phone the sections fold into a menu (console.js opens it; without script they simply wrap).
  const nav = account
    ? html`<nav class="main" aria-label="${t('nav.label')}">
<button type="button" class="menu-toggle" aria-expanded="false" aria-controls="nav-links" hidden>☰ ${t('navMenu.label')}${
        input.active ? html` · ${t(`nav.${input.active}`)}` : ''
      }</button>
<div class="nav-links" id="nav-links">${NAV.filter((n) => n.key !== 'users' || can(account.role, 'user.manage')).map(
        (n) =>
          html`<a href="${n.href}"${n.key === input.active ? html` aria-current="page"` : ''}>${navLabel(t, n.key, input.counts?.[n.key])}${navBadge(t, input.badges?.[n.key])}</a>`,
      )}</div></nav>`
    : '';
  const who = account
    ? html`<span class="who">${account.name} · ${t(`roles.${account.role}`)}
        <form method="post" action="/admin/logout"><input type="hidden" name="_csrf" value="${input.csrfToken}">
        <button type="submit">${t('auth.signOut')}</button></form></span>`
    : '';
  const notice = input.notice
    ? html`<div class="notice ${input.notice.tone}" role="status">${input.notice.text}</div>`
    : '';
  return html`<!doctype html>
<html lang="${t('meta.lang')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${input.title} · ${t('meta.appName')}</title>
<link rel="icon" href="/admin/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/admin/assets/console.css">
<script src="/admin/assets/console.js" defer></script>
</head>
<body>
<a class="skip" href="#main">${t('nav.skip')}</a>
<header class="topbar"><div class="topbar-inner"><a class="brand" href="/admin">${t('meta.appName')}</a>${who}</div></header>
${nav}
<main id="main">
${notice}
${raw(labelTableCells(input.body.value))}
</main>
</body>
</html>`.value;
}
