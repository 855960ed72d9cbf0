import type { TFunction } from 'i18next';
import type { Handoff } from '../../../bot/dialog/handoff-repository.js';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { formatDuration } from './thread-summaries.js';

export const HISTORY_PAGE_SIZE = 25;

export interface HistoryInput {
  items: ReadonlyArray<{ handoff: Handoff; name: string }>;
  q: string;
  page: number;
  total: number;
}

function pageLink(q: string, page: number): string {
  const params = new URLSearchParams({ ...(q ? { q } : {}), page: String(page) });
  return `/admin/inbox/history?${params.toString()}`;
}

/** Ended hand-offs, latest first: who answered, when, and how long the resident waited for the first reply. */
export function historyView(t: TFunction, fmt: Formatter, input: HistoryInput): SafeHtml {
  const pages = Math.max(1, Math.ceil(input.total / HISTORY_PAGE_SIZE));
  const rows = input.items.map(({ handoff: h, name }) => {
    const response = h.answeredAt != null ? formatDuration(t, h.answeredAt - h.createdAt) : t('history.notAnswered');
    return html`<tr><td><a href="/admin/inbox/t/${h.userId}">${name}</a></td><td>${h.subject ?? h.question ?? '—'}</td>
<td>${fmt.dateTime(h.createdAt)}</td><td>${h.answeredBy ?? '—'}</td><td>${response}</td><td>${fmt.dateTime(h.closedAt)}${h.closedBy ? html` · ${h.closedBy}` : ''}</td></tr>`;
  });
  const nav = html`<p class="actions">${input.page > 1 ? html`<a class="button secondary" href="${pageLink(input.q, input.page - 1)}">${t('history.prev')}</a>` : ''}
<span class="muted">${t('history.page', { page: input.page, pages, total: input.total })}</span>
${input.page < pages ? html`<a class="button secondary" href="${pageLink(input.q, input.page + 1)}">${t('history.next')}</a>` : ''}</p>`;
  return html`<p><a href="/admin/inbox">${t('threads.listLink')}</a></p>
<h1>${t('history.title')}</h1>
<p class="muted">${t('history.help')}</p>
<form method="get" action="/admin/inbox/history" class="filters"><label for="q">${t('history.search')}</label>
<input id="q" name="q" type="search" value="${input.q}" maxlength="100">
<button type="submit" class="secondary">${t('history.find')}</button></form>
${
  rows.length === 0
    ? html`<div class="card"><p>${t('history.empty')}</p></div>`
    : html`<div class="table-wrap"><table><thead><tr><th>${t('history.resident')}</th><th>${t('history.subject')}</th><th>${t('history.askedAt')}</th>
<th>${t('history.answeredBy')}</th><th>${t('history.responseTime')}</th><th>${t('history.closedAt')}</th></tr></thead><tbody>${rows}</tbody></table></div>${nav}`
}`;
}
