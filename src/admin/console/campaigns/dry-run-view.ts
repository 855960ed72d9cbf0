import type { TFunction } from 'i18next';
import type { Campaign } from '../../../broadcast/broadcast-types.js';
import type { DryRun } from '../../../broadcast/campaign-service.js';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { zaloPreview } from './campaign-form-view.js';

/** The dry run: the exact text, when it would go out, and every target with whether it will receive. */
export function dryRunView(
  t: TFunction,
  fmt: Formatter,
  input: { campaign: Campaign; dryRun: DryRun; forecast: string },
): SafeHtml {
  const { campaign: c, dryRun: d } = input;
  const rows = d.targets.map(
    (
      x,
    ) => html`<tr><td>${x.name || x.groupId}</td><td>${x.kind ? t(`groups.kind.${x.kind}`) : '—'}</td><td>${x.unit ?? '—'}</td>
<td>${x.willReceive ? html`<span class="badge ok">${t('dryRun.yes')}</span>` : html`<span class="badge bad">${t('dryRun.no')}</span>`}</td>
<td>${x.reason ?? ''}${x.warning ? html`<br><span class="muted">${x.warning}</span>` : ''}</td></tr>`,
  );
  return html`<p><a href="/admin/campaigns/${c.id}">← ${c.title}</a></p>
<h1>${t('dryRun.title')}</h1>
<div class="notice warn">${t('dryRun.nothingSent')}</div>
<p class="forecast" data-forecast>${input.forecast}</p>
<div class="stats">
<div class="stat"><div class="value">${d.willReceive}</div><div class="label">${t('dryRun.willReceive')}</div></div>
<div class="stat"><div class="value">${d.willNotReceive}</div><div class="label">${t('dryRun.willNotReceive')}</div></div>
</div>
<div class="grid-2">
<div class="card"><h2>${t('campaigns.preview')}</h2>${zaloPreview(t, d.text, d.imageUrl)}</div>
<div class="card"><h2>${t('dryRun.upcoming')}</h2>
${
  d.upcoming.length === 0
    ? html`<p class="muted">${t('dryRun.noUpcoming')}</p>`
    : html`<ul>${d.upcoming.map(
        (u) =>
          html`<li>${fmt.dateTime(u.dueAt)}${u.releaseAt !== u.dueAt ? html` → ${t('campaigns.releasedAt', { at: fmt.dateTime(u.releaseAt) })}` : ''}</li>`,
      )}</ul>`
}
</div></div>
<h2>${t('dryRun.targets')}</h2>
<div class="table-wrap"><table><thead><tr><th>${t('groups.name')}</th><th>${t('groups.kindLabel')}</th><th>${t('groups.unit')}</th>
<th>${t('dryRun.receives')}</th><th>${t('dryRun.reason')}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}
