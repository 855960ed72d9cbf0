import type { TFunction } from 'i18next';
import type { BroadcastGroup, Campaign } from '../../../broadcast/broadcast-types.js';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { describeAudience, describeSchedule, statusTone } from './describe-campaign.js';

/** The campaign list, newest first, with a "new campaign" button for those who may draft. */
export function campaignListView(
  t: TFunction,
  fmt: Formatter,
  input: { campaigns: readonly Campaign[]; groups: readonly BroadcastGroup[]; canDraft: boolean },
): SafeHtml {
  const rows = input.campaigns.map(
    (c) => html`<tr>
<td><a href="/admin/campaigns/${c.id}">${c.title}</a></td>
<td><span class="badge ${statusTone(c.status)}">${t(`status.campaign.${c.status}`)}</span></td>
<td>${describeSchedule(t, c.schedule)}</td>
<td>${describeAudience(t, c.audience, input.groups)}</td>
<td>${c.createdBy}${c.approvedBy ? html`<br><span class="muted">${t('campaigns.approvedBy', { name: c.approvedBy })}</span>` : ''}</td>
<td>${fmt.dateTime(c.updatedAt)}</td></tr>`,
  );
  return html`<h1>${t('campaigns.title')}</h1>
${input.canDraft ? html`<div class="actions"><a class="button" href="/admin/campaigns/new">${t('campaigns.new')}</a></div>` : ''}
${
  rows.length === 0
    ? html`<div class="card"><p>${t('campaigns.empty')}</p></div>`
    : html`<div class="table-wrap"><table>
<thead><tr><th>${t('campaigns.fieldTitle')}</th><th>${t('campaigns.status')}</th><th>${t('campaigns.schedule')}</th>
<th>${t('campaigns.audience')}</th><th>${t('campaigns.createdBy')}</th><th>${t('campaigns.updatedAt')}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`
}`;
}
