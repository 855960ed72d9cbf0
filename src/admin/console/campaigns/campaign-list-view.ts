import type { TFunction } from 'i18next';
import type { BroadcastGroup, BroadcastRun, Campaign, DeliveryCounts } from '../../../broadcast/broadcast-types.js';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { filterParams, pager, searchField, type Page } from '../lists/list-query.js';
import { describeAudience, describeSchedule, statusTone } from './describe-campaign.js';
import { runCountsLine, runOutcomeBadge } from './run-outcome-badge.js';

/** The result of a campaign's latest started run: badge, when, the counts behind it. */
function lastRunCell(t: TFunction, fmt: Formatter, last: { run: BroadcastRun; counts: DeliveryCounts } | undefined) {
  if (!last) return html`<span class="muted">${t('runOutcome.noRun')}</span>`;
  const href = `/admin/campaigns/${last.run.campaignId}/runs/${last.run.id}`;
  return html`${runOutcomeBadge(t, last.run, last.counts)}<br><a href="${href}">${fmt.dateTime(last.run.releaseAt)}</a>
<br><span class="muted">${runCountsLine(t, last.counts)}</span>`;
}

export const CAMPAIGN_STATUSES = ['draft', 'approved', 'paused', 'cancelled', 'completed'] as const;

/** The filter form of the campaign list: search in titles and texts, status. */
function campaignFilters(t: TFunction, filter: { q: string; status: string }): SafeHtml {
  const option = (value: string, label: string) =>
    html`<option value="${value}"${filter.status === value ? html` selected` : ''}>${label}</option>`;
  return html`<form method="get" action="/admin/campaigns" class="filters no-print">${searchField(t, filter.q)}
<label for="status">${t('campaigns.status')}</label><select id="status" name="status">${option('', t('lists.anyStatus'))}${CAMPAIGN_STATUSES.map(
    (s) => option(s, t(`status.campaign.${s}`)),
  )}</select><button type="submit" class="secondary">${t('groups.filter')}</button></form>`;
}

/** The campaign list (one page, newest first, searchable), with a "new campaign" button for those who may draft. */
export function campaignListView(
  t: TFunction,
  fmt: Formatter,
  input: {
    campaigns: Page<Campaign>;
    filter: { q: string; status: string };
    groups: readonly BroadcastGroup[];
    canDraft: boolean;
    /** each campaign's latest started run with its counts */
    lastRuns: ReadonlyMap<number, { run: BroadcastRun; counts: DeliveryCounts }>;
  },
): SafeHtml {
  const rows = input.campaigns.items.map(
    (c) => html`<tr>
<td><a href="/admin/campaigns/${c.id}">${c.title}</a></td>
<td><span class="badge ${statusTone(c.status)}">${t(`status.campaign.${c.status}`)}</span></td>
<td>${lastRunCell(t, fmt, input.lastRuns.get(c.id))}</td>
<td>${describeSchedule(t, c.schedule)}</td>
<td>${describeAudience(t, c.audience, input.groups)}</td>
<td>${c.createdBy}${c.approvedBy ? html`<br><span class="muted">${t('campaigns.approvedBy', { name: c.approvedBy })}</span>` : ''}</td>
<td>${fmt.dateTime(c.updatedAt)}</td></tr>`,
  );
  return html`<h1>${t('campaigns.title')}</h1>
${input.canDraft ? html`<div class="actions"><a class="button" href="/admin/campaigns/new">${t('campaigns.new')}</a></div>` : ''}
${campaignFilters(t, input.filter)}
${
  rows.length === 0
    ? html`<div class="card"><p>${t('campaigns.empty')}</p></div>`
    : html`<div class="table-wrap"><table>
<thead><tr><th>${t('campaigns.fieldTitle')}</th><th>${t('campaigns.status')}</th><th>${t('runOutcome.lastRun')}</th><th>${t('campaigns.schedule')}</th>
<th>${t('campaigns.audience')}</th><th>${t('campaigns.createdBy')}</th><th>${t('campaigns.updatedAt')}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`
}
${pager(t, '/admin/campaigns', filterParams(input.filter), input.campaigns)}`;
}
