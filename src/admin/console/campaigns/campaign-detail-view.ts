import type { TFunction } from 'i18next';
import { SYSTEM_ACTOR, type AuditEntry } from '../../../broadcast/audit-log.js';
import type { BroadcastGroup, BroadcastRun, Campaign, DeliveryCounts } from '../../../broadcast/broadcast-types.js';
import { sameActor } from '../../../broadcast/same-actor.js';
import type { Account } from '../../auth/account-repository.js';
import { can } from '../../auth/roles.js';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { approvalPanelView, type ApprovalPanelInput } from './approval-panel-view.js';
import { zaloPreview } from './campaign-form-view.js';
import { describeAudience, describeSchedule, statusTone } from './describe-campaign.js';
import { runOutcomeBadge } from './run-outcome-badge.js';

function actionForm(csrf: string, action: string, label: string, tone = '', confirm?: string): SafeHtml {
  return html`<form method="post" action="${action}"${confirm ? html` data-confirm="${confirm}"` : ''}>
<input type="hidden" name="_csrf" value="${csrf}"><button type="submit"${tone ? html` class="${tone}"` : ''}>${label}</button></form>`;
}

/**
 * One campaign: its state, the message as it will look, audience and schedule, the actions the
 * account may take now (approve only for someone other than the drafter), runs and audit trail.
 */
export function campaignDetailView(
  t: TFunction,
  fmt: Formatter,
  input: {
    campaign: Campaign;
    groups: readonly BroadcastGroup[];
    runs: ReadonlyArray<{ run: BroadcastRun; counts: DeliveryCounts }>;
    audit: readonly AuditEntry[];
    account: Account;
    csrfToken: string;
    message?: { tone: 'ok' | 'warn' | 'bad'; text: string };
    /** what will happen, in one sentence (forecast-sentence.ts) */
    forecast: string;
    approval: Pick<ApprovalPanelInput, 'approvers' | 'request' | 'forecast'>;
  },
): SafeHtml {
  const { campaign: c, account, csrfToken: csrf } = input;
  const base = `/admin/campaigns/${c.id}`;
  const open = ['draft', 'approved', 'paused'].includes(c.status);
  const drafter = [c.createdBy, c.updatedBy].some((n) => sameActor(n, account.name));
  const actions: SafeHtml[] = [];
  if (can(account.role, 'campaign.draft') && open) {
    actions.push(html`<a class="button secondary" href="${base}/edit">${t('campaigns.edit')}</a>`);
  }
  if (can(account.role, 'campaign.dryRun')) {
    actions.push(actionForm(csrf, `${base}/dry-run`, t('campaigns.dryRun'), 'secondary'));
  }
  if (c.status === 'draft' && can(account.role, 'campaign.approve')) {
    actions.push(
      drafter
        ? html`<span class="muted">${t('campaigns.twoPersonHint')}</span>`
        : actionForm(csrf, `${base}/approve`, t('campaigns.approve'), '', t('campaigns.approveConfirm')),
    );
  }
  if (can(account.role, 'campaign.stop')) {
    if (c.status === 'approved') actions.push(actionForm(csrf, `${base}/pause`, t('campaigns.pause'), 'secondary'));
    if (c.status === 'paused' && can(account.role, 'campaign.approve')) {
      actions.push(actionForm(csrf, `${base}/resume`, t('campaigns.resume')));
    }
    if (open)
      actions.push(actionForm(csrf, `${base}/cancel`, t('campaigns.cancel'), 'danger', t('campaigns.cancelConfirm')));
  }
  const runRows = input.runs.map(
    ({ run, counts }) => html`<tr>
<td><a href="${base}/runs/${run.id}">${fmt.dateTime(run.dueAt)}</a>${
      run.releaseAt !== run.dueAt
        ? html`<br><span class="muted">${t('campaigns.releasedAt', { at: fmt.dateTime(run.releaseAt) })}</span>`
        : ''
    }</td>
<td>${runOutcomeBadge(t, run, counts)}</td>
<td class="num">${counts.sent}</td><td class="num">${counts.failed + counts.unknown}</td>
<td class="num">${counts.skipped}</td><td class="num">${counts.pending + counts.sending}</td></tr>`,
  );
  const auditRows = input.audit.map(
    (a) =>
      html`<tr><td>${fmt.dateTime(a.at)}</td><td>${a.actor === SYSTEM_ACTOR ? t('auditActor.system') : a.actor}</td><td>${t(`audit.${a.action}`, { defaultValue: a.action })}</td></tr>`,
  );
  return html`<p><a href="/admin/campaigns">← ${t('campaigns.title')}</a></p>
<h1>${c.title} <span class="badge ${statusTone(c.status)}">${t(`status.campaign.${c.status}`)}</span></h1>
${input.message ? html`<div class="notice ${input.message.tone}" role="alert">${input.message.text}</div>` : ''}
${open ? html`<p class="forecast" data-forecast>${input.forecast}</p>` : ''}
<div class="grid-2">
<div class="card"><h2>${t('campaigns.preview')}</h2>${zaloPreview(t, c.text, c.imageUrl)}</div>
<div class="card"><dl class="facts">
<dt>${t('campaigns.schedule')}</dt><dd>${describeSchedule(t, c.schedule)}</dd>
<dt>${t('campaigns.audience')}</dt><dd>${describeAudience(t, c.audience, input.groups)}</dd>
<dt>${t('campaigns.createdBy')}</dt><dd>${c.createdBy} · ${fmt.dateTime(c.createdAt)}</dd>
<dt>${t('campaigns.updatedBy')}</dt><dd>${c.updatedBy} · ${fmt.dateTime(c.updatedAt)}</dd>
<dt>${t('campaigns.approvedByLabel')}</dt><dd>${c.approvedBy ? html`${c.approvedBy} · ${fmt.dateTime(c.approvedAt)}` : '—'}</dd>
</dl>
<div class="actions">${actions}</div></div>
</div>
${
  c.status === 'draft'
    ? approvalPanelView(t, fmt, {
        ...input.approval,
        campaign: c,
        canRequest: can(account.role, 'campaign.draft'),
        canApprove: can(account.role, 'campaign.approve') && !drafter,
        csrfToken: csrf,
      })
    : ''
}
<h2>${t('campaigns.runs')}</h2>
${
  runRows.length === 0
    ? html`<p class="muted">${t('campaigns.noRuns')}</p>`
    : html`<div class="table-wrap"><table><thead><tr><th>${t('campaigns.runDue')}</th><th>${t('campaigns.status')}</th>
<th class="num">${t('campaigns.sent')}</th><th class="num">${t('campaigns.failed')}</th><th class="num">${t('campaigns.skipped')}</th>
<th class="num">${t('campaigns.pending')}</th></tr></thead><tbody>${runRows}</tbody></table></div>`
}
<h2>${t('campaigns.history')}</h2>
<div class="table-wrap"><table><thead><tr><th>${t('campaigns.when')}</th><th>${t('campaigns.who')}</th><th>${t('campaigns.what')}</th></tr></thead>
<tbody>${auditRows}</tbody></table></div>`;
}
