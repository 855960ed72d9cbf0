import type { TFunction } from 'i18next';
import { MAX_TEXT_CHARS } from '../../../broadcast/campaign-input.js';
import type { ThreadMessage } from '../../../bot/dialog/thread-repository.js';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { threadBadges } from './thread-list-view.js';
import type { ThreadSummary } from './thread-summaries.js';
import { windowNotice } from './window-notice.js';

export type SourcedMessage = ThreadMessage & { source: string | null };

/** Console replies are recorded with a `console:` key; any other official message came from the OA chat. */
const CONSOLE_SOURCE = /^console:/;

function who(t: TFunction, m: SourcedMessage): string {
  if (m.kind !== 'official') return t(`threads.who.${m.kind}`);
  const name = m.actor ?? '';
  return t(CONSOLE_SOURCE.test(m.source ?? '') ? 'threads.who.console' : 'threads.who.oa', { name });
}

function messageItem(t: TFunction, fmt: Formatter, m: SourcedMessage): SafeHtml {
  const body =
    m.kind === 'event'
      ? t(`threads.event.${m.event ?? 'request'}`, { actor: m.actor ?? '' })
      : (m.text ?? t('threads.noText'));
  return html`<li class="msg msg-${m.kind}"><div class="msg-meta"><strong>${who(t, m)}</strong> · <time>${fmt.dateTime(m.createdAt)}</time></div>
<div class="msg-text">${body}</div></li>`;
}

export interface ThreadViewInput {
  summary: ThreadSummary;
  /** the resident's full Zalo name (or pseudonym) */
  fullName: string;
  messages: readonly SourcedMessage[];
  now: number;
  canAct: boolean;
  /** officials the thread can be given to (names) */
  officials: readonly string[];
  me: string;
  csrfToken: string;
  /** a refused action, shown above the forms (a refused reply keeps its text) */
  failed?: { message: string; text?: string };
}

function actionForms(t: TFunction, input: ThreadViewInput): SafeHtml {
  const { summary: s, csrfToken } = input;
  const csrf = html`<input type="hidden" name="_csrf" value="${csrfToken}">`;
  const base = `/admin/inbox/t/${s.userId}`;
  const reply =
    s.window.state !== 'closed'
      ? html`<form method="post" action="${base}/reply" class="card">${csrf}
<label for="reply-text">${t('inbox.reply')}</label>
<textarea id="reply-text" name="text" rows="4" required data-count="reply-count" data-max="${MAX_TEXT_CHARS}">${input.failed?.text ?? ''}</textarea>
<div id="reply-count" class="counter" data-template="${t('campaigns.counter', { n: '{n}', max: '{max}' })}"></div>
<div class="actions"><button type="submit">${t('inbox.send')}</button></div></form>`
      : '';
  const others = input.officials.filter((n) => n !== s.assignedTo);
  return html`${reply}<div class="card thread-actions">
${s.assignedTo !== input.me ? html`<form method="post" action="${base}/take" class="actions">${csrf}<button type="submit">${t('threads.take')}</button></form>` : ''}
${
  others.length > 0
    ? html`<form method="post" action="${base}/assign" class="actions">${csrf}<label for="assign-to">${t('threads.assignLabel')}</label>
<select id="assign-to" name="to">${others.map((n) => html`<option value="${n}">${n}</option>`)}</select>
<button type="submit" class="secondary">${t('threads.assign')}</button></form>`
    : ''
}
${
  s.state !== 'bot' || s.handoff
    ? html`<p class="muted">${t('threads.finishHelp')}</p>
<form method="post" action="${base}/answered" class="actions">${csrf}<button type="submit" class="secondary">${t('threads.markAnswered')}</button></form>
<form method="post" action="${base}/return" class="actions">${csrf}<button type="submit" class="secondary">${t('threads.returnToBot')}</button></form>`
    : ''
}
</div>`;
}

/** One resident's conversation: every message in order with its time, then what an official can do. */
export function threadView(t: TFunction, fmt: Formatter, input: ThreadViewInput): SafeHtml {
  const { summary: s } = input;
  const topic = s.handoff?.subject;
  return html`<p><a href="/admin/inbox">${t('threads.listLink')}</a></p>
<h1>${input.fullName}</h1>
${threadBadges(t, s, input.now)}
${s.floodLimitedAt != null ? html`<p class="notice warn">${t('threads.floodLimited', { at: fmt.dateTime(s.floodLimitedAt) })}</p>` : ''}
${windowNotice(t, fmt, s.window)}
${topic ? html`<div><strong>${t('threads.subject')}</strong></div><div class="quote">${topic}</div>` : ''}
${s.handoff?.question ? html`<div><strong>${t('threads.question')}</strong></div><div class="quote">${s.handoff.question}</div>` : ''}
${
  input.messages.length === 0
    ? html`<div class="card"><p class="muted">${t('threads.noMessages')}</p></div>`
    : html`<ol class="thread">${input.messages.map((m) => messageItem(t, fmt, m))}</ol>`
}
${input.failed ? html`<div class="notice bad" role="alert">${input.failed.message}</div>` : ''}
${input.canAct ? actionForms(t, input) : ''}`;
}
