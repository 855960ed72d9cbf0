import type { TFunction } from 'i18next';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { formatDuration, type ThreadSummary } from './thread-summaries.js';
import { windowNotice } from './window-notice.js';

/** The badges of one conversation: urgent, state, unread, waiting time, who owns it. */
export function threadBadges(t: TFunction, s: ThreadSummary, now: number): SafeHtml {
  return html`<p class="thread-badges">${s.urgent ? html`<span class="badge bad">${t('threads.urgent')}</span> ` : ''}<span class="badge state-${s.state}">${t(`threads.state.${s.state}`)}</span>
${s.unread > 0 ? html`<span class="badge warn">${t('threads.unread', { count: s.unread })}</span>` : ''}
${s.waitingSince != null ? html`<span class="muted">${t('threads.waitingFor', { duration: formatDuration(t, now - s.waitingSince) })}</span>` : ''}
<span class="muted">· ${s.assignedTo ? t('threads.assignedTo', { name: s.assignedTo }) : t('threads.unassigned')}</span></p>`;
}

/** The conversations that need an official, urgent first; each links to its thread page. */
export function threadListView(
  t: TFunction,
  fmt: Formatter,
  input: { items: readonly ThreadSummary[]; now: number },
): SafeHtml {
  const cards = input.items.map((s) => {
    const topic = s.handoff?.subject ?? s.handoff?.question;
    return html`<section class="card thread-card" id="thread-${s.handoff?.id ?? s.userId}">
<h2><a href="/admin/inbox/t/${s.userId}">${s.name}</a></h2>
${threadBadges(t, s, input.now)}
${topic ? html`<div class="quote">${topic}</div>` : ''}
${windowNotice(t, fmt, s.window)}
<div class="actions"><a class="button" href="/admin/inbox/t/${s.userId}">${t('threads.open')}</a></div>
</section>`;
  });
  return html`<h1>${t('threads.title')}</h1>
<p class="muted">${t('threads.help')}</p>
<p><a href="/admin/inbox/history">${t('threads.historyLink')}</a></p>
${cards.length === 0 ? html`<div class="card"><p>${t('threads.empty')}</p></div>` : cards}`;
}
