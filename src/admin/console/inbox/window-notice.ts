import type { TFunction } from 'i18next';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import type { ReplyWindow } from './reply-window.js';

/** What is left of Zalo's 7-day reply window, as a notice (warning when closing, error when closed). */
export function windowNotice(t: TFunction, fmt: Formatter, w: ReplyWindow): SafeHtml {
  if (w.state === 'closed')
    return html`<div class="notice bad">${t('inbox.windowClosed', { at: fmt.dateTime(w.closesAt) })}</div>`;
  if (w.state === 'closing')
    return html`<div class="notice warn">${t('inbox.windowClosing', { hours: w.hoursLeft, at: fmt.dateTime(w.closesAt) })}</div>`;
  return html`<p class="muted">${t('inbox.windowOpen', { at: fmt.dateTime(w.closesAt) })}</p>`;
}
