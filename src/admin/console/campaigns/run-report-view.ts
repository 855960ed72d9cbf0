import type { TFunction } from 'i18next';
import type { BroadcastRun, Campaign, Delivery, DeliveryCounts } from '../../../broadcast/broadcast-types.js';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { statusTone } from './describe-campaign.js';

/** The delivery report of one run: counts, live progress while sending, one row per group, CSV link. */
export function runReportView(
  t: TFunction,
  fmt: Formatter,
  input: { campaign: Campaign; run: BroadcastRun; counts: DeliveryCounts; deliveries: readonly Delivery[] },
): SafeHtml {
  const { campaign: c, run, counts } = input;
  const base = `/admin/campaigns/${c.id}/runs/${run.id}`;
  const settled = counts.total - counts.pending - counts.sending;
  const rows = input.deliveries.map(
    (d) => html`<tr><td>${d.groupName || d.groupId}</td>
<td><span class="badge ${statusTone(d.status)}">${t(`status.delivery.${d.status}`)}</span>${
      d.needsAttention ? html` <span class="badge warn">${t('report.needsAttention')}</span>` : ''
    }</td>
<td>${fmt.dateTime(d.sentAt)}</td><td class="num">${d.attempts}</td><td>${d.reason ?? ''}</td></tr>`,
  );
  return html`<p><a href="/admin/campaigns/${c.id}">← ${c.title}</a></p>
<h1>${t('report.title', { at: fmt.dateTime(run.dueAt) })} <span class="badge ${statusTone(run.status)}">${t(`status.run.${run.status}`)}</span></h1>
${
  run.status === 'sending'
    ? html`<div class="card" data-progress-url="${base}/progress"><strong>${t('report.sending')}</strong>
<progress max="${Math.max(counts.total, 1)}" value="${settled}"></progress> <span data-progress-label>${settled}/${counts.total}</span></div>`
    : ''
}
<div class="stats">
<div class="stat"><div class="value">${counts.sent}</div><div class="label">${t('campaigns.sent')}</div></div>
<div class="stat"><div class="value">${counts.failed + counts.unknown}</div><div class="label">${t('campaigns.failed')}</div></div>
<div class="stat"><div class="value">${counts.skipped}</div><div class="label">${t('campaigns.skipped')}</div></div>
<div class="stat"><div class="value">${fmt.percent(counts.sent, counts.total - counts.skipped)}</div><div class="label">${t('report.deliveryRate')}</div></div>
</div>
<div class="actions"><a class="button secondary" href="${base}.csv" download>${t('report.csv')}</a></div>
<div class="table-wrap"><table><thead><tr><th>${t('groups.name')}</th><th>${t('campaigns.status')}</th><th>${t('report.sentAt')}</th>
<th class="num">${t('report.attempts')}</th><th>${t('report.reason')}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}
