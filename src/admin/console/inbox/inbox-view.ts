import type { TFunction } from 'i18next';
import { MAX_TEXT_CHARS } from '../../../broadcast/campaign-input.js';
import type { Handoff } from '../../../bot/dialog/handoff-repository.js';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import type { ReplyWindow } from './reply-window.js';

export interface InboxItem {
  handoff: Handoff;
  /** display name, or a pseudonym when Zalo gave none */
  resident: string;
  window: ReplyWindow;
  lastAnswer: { title: string; text: string } | null;
}

function windowNotice(t: TFunction, fmt: Formatter, w: ReplyWindow): SafeHtml {
  if (w.state === 'closed')
    return html`<div class="notice bad">${t('inbox.windowClosed', { at: fmt.dateTime(w.closesAt) })}</div>`;
  if (w.state === 'closing')
    return html`<div class="notice warn">${t('inbox.windowClosing', { hours: w.hoursLeft, at: fmt.dateTime(w.closesAt) })}</div>`;
  return html`<p class="muted">${t('inbox.windowOpen', { at: fmt.dateTime(w.closesAt) })}</p>`;
}

/**
 * The hand-off inbox: one card per open request, oldest first, with the resident's question, the
 * bot's last answer, the reply-window state, and (for those who may) a reply box and a close button.
 */
export function inboxView(
  t: TFunction,
  fmt: Formatter,
  input: {
    items: readonly InboxItem[];
    canReply: boolean;
    csrfToken: string;
    /** a refused reply, shown on its card with the text kept */
    failed?: { id: number; message: string; text: string };
  },
): SafeHtml {
  const csrf = html`<input type="hidden" name="_csrf" value="${input.csrfToken}">`;
  const cards = input.items.map(({ handoff: h, resident, window: w, lastAnswer }) => {
    const failed = input.failed?.id === h.id ? input.failed : undefined;
    return html`<section class="card" id="handoff-${h.id}">
<h2>${h.urgent ? html`<span class="badge bad">${t('inbox.urgent')}</span> ` : ''}${resident} <span class="muted">· ${t('inbox.askedAt', { at: fmt.dateTime(h.createdAt) })}</span></h2>
${windowNotice(t, fmt, w)}
<div><strong>${t('inbox.question')}</strong></div>
<div class="quote">${h.question ?? t('inbox.noQuestion')}</div>
<div><strong>${t('inbox.lastAnswer')}</strong></div>
${
  lastAnswer
    ? html`<div class="quote"><strong>${lastAnswer.title}</strong>\n${lastAnswer.text}</div>`
    : html`<p class="muted">${t('inbox.noLastAnswer')}</p>`
}
${failed ? html`<div class="notice bad" role="alert">${failed.message}</div>` : ''}
${
  input.canReply && w.state !== 'closed'
    ? html`<form method="post" action="/admin/inbox/${h.id}/reply">${csrf}
<label for="reply-${h.id}">${t('inbox.reply')}</label>
<textarea id="reply-${h.id}" name="text" rows="4" required data-count="count-${h.id}" data-max="${MAX_TEXT_CHARS}">${failed?.text ?? ''}</textarea>
<div id="count-${h.id}" class="counter" data-template="${t('campaigns.counter', { n: '{n}', max: '{max}' })}"></div>
<div class="actions"><button type="submit">${t('inbox.send')}</button></div></form>`
    : ''
}
${
  input.canReply
    ? html`<form method="post" action="/admin/inbox/${h.id}/close" class="actions">${csrf}
<button type="submit" class="secondary">${t('inbox.close')}</button></form>`
    : ''
}
</section>`;
  });
  return html`<h1>${t('inbox.title')}</h1>
<p class="muted">${t('inbox.help')}</p>
${cards.length === 0 ? html`<div class="card"><p>${t('inbox.empty')}</p></div>` : cards}`;
}
