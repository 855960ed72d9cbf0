import type { TFunction } from 'i18next';
import type { BroadcastGroup, BroadcastRun, Campaign, DeliveryCounts } from '../../../broadcast/broadcast-types.js';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { filterParams, pager, searchField, type Page } from '../lists/list-query.js';
import { CAMPAIGN_STATUSES, SCHEDULE_KINDS, type CampaignFilter } from './campaign-filter.js';
import { describeAudience, describeSchedule, statusTone } from './describe-campaign.js';
import { runCountsLine, runOutcomeBadge } from './run-outcome-badge.js';

/** The result of a campaign's latest started run: badge, when, the counts behind it. */
function lastRunCell(t: TFunction, fmt: Formatter, last: { run: BroadcastRun; counts: DeliveryCounts } | undefined) {
  if (!last) return html`<span class="muted">${t('runOutcome.noRun')}</span>`;
  const href = `/admin/campaigns/${last.run.campaignId}/runs/${last.run.id}`;
  return html`${runOutcomeBadge(t, last.run, last.counts)}<br><a href="${href}">${fmt.dateTime(last.run.releaseAt)}</a>
<br><span class="muted">${runCountsLine(t, last.counts)}</span>`;
}

/** The filter form of the campaign list: search, status, schedule kind, tag, date range (GET, in the URL). */
function campaignFilters(t: TFunction, f: CampaignFilter, tags: readonly string[]): SafeHtml {
  const select = (name: keyof CampaignFilter, label: string, any: string, options: ReadonlyArray<[string, string]>) =>
    html`<div><label for="${name}">${label}</label><select id="${name}" name="${name}">${[
      ['', any] as const,
      ...options,
    ].map(
      ([value, text]) => html`<option value="${value}"${f[name] === value ? html` selected` : ''}>${text}</option>`,
    )}</select></div>`;
  const date = (name: 'from' | 'to', label: string) =>
    html`<div><label for="${name}">${label}</label><input type="text" id="${name}" name="${name}" value="${f[name]}" inputmode="numeric" placeholder="${t('campaignFilter.datePlaceholder')}" maxlength="10"></div>`;
  return html`<form method="get" action="/admin/campaigns" class="filters no-print">${searchField(t, f.q)}
${select(
  'status',
  t('campaigns.status'),
  t('lists.anyStatus'),
  CAMPAIGN_STATUSES.map((s) => [s, t(`status.campaign.${s}`)]),
)}
${select(
  'kind',
  t('campaignFilter.kind'),
  t('campaignFilter.anyKind'),
  SCHEDULE_KINDS.map((k) => [k, t(`campaignFilter.kinds.${k}`)]),
)}
${select(
  'tag',
  t('campaignFilter.tag'),
  t('groups.anyTag'),
  tags.map((tag) => [tag, tag]),
)}
${date('from', t('campaignFilter.from'))}${date('to', t('campaignFilter.to'))}
<button type="submit" class="secondary">${t('groups.filter')}</button>${
    Object.values(f).some((v) => v !== '')
      ? html` <a class="button secondary" href="/admin/campaigns">${t('campaignFilter.clear')}</a>`
      : ''
  }</form>`;
}

/** The campaign list (one page, newest first, searchable), with a "new campaign" button for those who may draft. */
export function campaignListView(
  t: TFunction,
  fmt: Formatter,
  input: {
    campaigns: Page<Campaign>;
    filter: CampaignFilter;
    /** every tag the directory or a campaign's audience uses */
    tags: readonly string[];
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
  const filtered = Object.values(input.filter).some((v) => v !== '');
  return html`<h1>${t('campaigns.title')}</h1>
${input.canDraft ? html`<div class="actions"><a class="button" href="/admin/campaigns/new">${t('campaigns.new')}</a></div>` : ''}
${campaignFilters(t, input.filter, input.tags)}
${
  rows.length === 0
    ? html`<div class="card"><p>${filtered ? t('campaignFilter.noMatch') : t('campaigns.empty')}</p></div>`
    : html`<div class="table-wrap"><table>
<thead><tr><th>${t('campaigns.fieldTitle')}</th><th>${t('campaigns.status')}</th><th>${t('runOutcome.lastRun')}</th><th>${t('campaigns.schedule')}</th>
<th>${t('campaigns.audience')}</th><th>${t('campaigns.createdBy')}</th><th>${t('campaigns.updatedAt')}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`
}
${pager(t, '/admin/campaigns', filterParams({ ...input.filter }), input.campaigns)}`;
}
