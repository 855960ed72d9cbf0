import type { TFunction } from 'i18next';
import type { BroadcastRun, Campaign, Delivery, DeliveryCounts } from '../../../broadcast/broadcast-types.js';
import { runOutcome } from '../../../broadcast/run-outcome.js';
import type { RunProgress } from '../../../broadcast/run-service.js';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { statusTone } from './describe-campaign.js';
import { runCountsLine, runOutcomeBadge } from './run-outcome-badge.js';

export interface RunReportInput {
  campaign: Campaign;
  run: BroadcastRun;
  counts: DeliveryCounts;
  deliveries: readonly Delivery[];
  progress: RunProgress;
  /** set when the account may resend failed groups (the form is shown when some failed) */
  resendCsrf?: string;
}

/** "Đã gửi 12 · Lỗi 1 · Còn chờ 37" and "Dự kiến xong lúc …": the page and its JSON poll say the same. */
export function progressLabels(t: TFunction, fmt: Formatter, p: RunProgress): { label: string; finishLabel: string } {
  return {
    label: t('runOutcome.progressLine', { sent: p.sent, failed: p.failed, waiting: p.waiting }),
    finishLabel:
      p.expectedFinishAt === null
        ? ''
        : t('runOutcome.expectedFinish', { at: fmt.dateTime(p.expectedFinishAt), rate: fmt.number(p.ratePerMinute) }),
  };
}

/** Sent / failed / waiting and the expected finish, refreshed by console.js while the run sends. */
function progressBox(t: TFunction, fmt: Formatter, base: string, input: RunReportInput): SafeHtml {
  const { progress: p, counts } = input;
  const labels = progressLabels(t, fmt, p);
  return html`<div class="card progress" data-progress-url="${base}/progress"><strong>${t('report.sending')}</strong>
<progress max="${Math.max(counts.total, 1)}" value="${counts.total - p.waiting}"></progress>
<p data-progress-label>${labels.label}</p>
<p class="muted" data-progress-finish>${labels.finishLabel}</p></div>`;
}

/** What the official should know first: partial or failed delivery, unknown outcomes, the resend action. */
function outcomeNotice(t: TFunction, base: string, input: RunReportInput): SafeHtml {
  const { run, counts, resendCsrf } = input;
  const outcome = runOutcome(run, counts);
  const line = runCountsLine(t, counts);
  const notices: SafeHtml[] = [];
  if (outcome === 'failed')
    notices.push(html`<div class="notice bad" role="alert">${t('runOutcome.failedNotice', { counts: line })}</div>`);
  if (outcome === 'partial')
    notices.push(html`<div class="notice warn" role="status">${t('runOutcome.partialNotice', { counts: line })}</div>`);
  if (counts.unknown > 0) notices.push(html`<div class="notice warn">${t('runOutcome.unknownNotice')}</div>`);
  if (run.status === 'done' && counts.failed > 0 && resendCsrf && input.campaign.status !== 'cancelled') {
    const label = t('runOutcome.resend', { count: counts.failed });
    notices.push(html`<form method="post" action="${base}/resend-failed" class="actions" data-confirm="${t(
      'runOutcome.resendConfirm',
      { count: counts.failed },
    )}"><input type="hidden" name="_csrf" value="${resendCsrf}"><button type="submit">${label}</button>
<span class="muted">${t('runOutcome.resendHelp')}</span></form>`);
  }
  return html`${notices}`;
}

/** The delivery report of one run: honest result, live progress while sending, one row per group, CSV link. */
export function runReportView(t: TFunction, fmt: Formatter, input: RunReportInput): SafeHtml {
  const { campaign: c, run, counts } = input;
  const base = `/admin/campaigns/${c.id}/runs/${run.id}`;
  const rows = input.deliveries.map(
    (d) => html`<tr><td>${d.groupName || d.groupId}</td>
<td><span class="badge ${statusTone(d.status)}">${t(`status.delivery.${d.status}`)}</span>${
      d.needsAttention ? html` <span class="badge warn">${t('report.needsAttention')}</span>` : ''
    }</td>
<td>${fmt.dateTime(d.sentAt)}</td><td class="num">${d.attempts}</td><td>${d.reason ?? ''}</td></tr>`,
  );
  return html`<p><a href="/admin/campaigns/${c.id}">← ${c.title}</a></p>
<h1>${t('report.title', { at: fmt.dateTime(run.dueAt) })} ${runOutcomeBadge(t, run, counts)}</h1>
${run.status === 'scheduled' ? html`<p>${t('runOutcome.waitingStart', { at: fmt.dateTime(run.releaseAt) })}</p>` : ''}
${run.status === 'sending' ? progressBox(t, fmt, base, input) : ''}
${outcomeNotice(t, base, input)}
<div class="stats">
<div class="stat"><div class="value">${counts.sent}</div><div class="label">${t('campaigns.sent')}</div></div>
<div class="stat"><div class="value">${counts.failed + counts.unknown}</div><div class="label">${t('campaigns.failed')}</div></div>
<div class="stat"><div class="value">${counts.skipped}</div><div class="label">${t('campaigns.skipped')}</div></div>
<div class="stat"><div class="value">${fmt.percent(counts.sent, counts.total - counts.skipped)}</div><div class="label">${t('report.deliveryRate')}</div></div>
</div>
<div class="actions"><a class="button secondary" href="${base}/report.csv" download>${t('report.csv')}</a></div>
<div class="table-wrap"><table><thead><tr><th>${t('groups.name')}</th><th>${t('campaigns.status')}</th><th>${t('report.sentAt')}</th>
<th class="num">${t('report.attempts')}</th><th>${t('report.reason')}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}
