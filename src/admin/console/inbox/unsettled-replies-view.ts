import type { TFunction } from 'i18next';
import type { UnsettledReply } from '../../../bot/reply-outbox-store.js';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';

export const UNSETTLED_PAGE_SIZE = 100;

export interface UnsettledRepliesInput {
  items: ReadonlyArray<{ reply: UnsettledReply; name: string }>;
  total: number;
}

/** The warning on /inbox while any reply ended unsettled, linking to the list. */
export function unsettledNotice(t: TFunction, total: number): SafeHtml | '' {
  if (total === 0) return '';
  return html`<div class="card unsettled-notice" role="status"><p>${t('unsettledReplies.notice', { count: total })}
<a href="/admin/inbox/unsettled">${t('unsettledReplies.noticeLink')}</a></p></div>`;
}

/**
 * Replies whose outcome stayed unknown after every delivery lookup: never resent by the bot, so an
 * official checks the resident's chat in Zalo and resends by hand if the reply is missing.
 */
export function unsettledRepliesView(t: TFunction, fmt: Formatter, input: UnsettledRepliesInput): SafeHtml {
  const rows = input.items.map(
    ({ reply, name }) => html`<tr class="unsettled-reply"><td><a href="/admin/inbox/t/${reply.userId}">${name}</a></td>
<td>${reply.text}</td><td>${fmt.dateTime(reply.createdAt)}</td><td><span class="badge warn">${t('unsettledReplies.label')}</span></td></tr>`,
  );
  return html`<p><a href="/admin/inbox">${t('threads.listLink')}</a></p>
<h1>${t('unsettledReplies.title')}</h1>
<p class="muted">${t('unsettledReplies.help')}</p>
<p class="unsettled-todo"><strong>${t('unsettledReplies.todo')}</strong></p>
${
  rows.length === 0
    ? html`<div class="card"><p>${t('unsettledReplies.empty')}</p></div>`
    : html`<div class="table-wrap"><table><thead><tr><th>${t('unsettledReplies.resident')}</th><th>${t('unsettledReplies.text')}</th>
<th>${t('unsettledReplies.at')}</th><th>${t('unsettledReplies.status')}</th></tr></thead><tbody>${rows}</tbody></table></div>
${input.total > rows.length ? html`<p class="muted">${t('unsettledReplies.more', { shown: rows.length, total: input.total })}</p>` : ''}`
}`;
}
