import type { TFunction } from 'i18next';
import type { ApprovalRequest } from '../../../broadcast/approval-request-store.js';
import type { Campaign } from '../../../broadcast/broadcast-types.js';
import type { CampaignForecast } from '../../../broadcast/campaign-forecast.js';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';

/** What the approval panel of a draft needs. */
export interface ApprovalPanelInput {
  campaign: Campaign;
  /** accounts that may approve it (the role, enabled, not its drafter) */
  approvers: readonly string[];
  request: ApprovalRequest | null;
  forecast: CampaignForecast;
  /** the account may draft (and so ask for approval) */
  canRequest: boolean;
  /** the account may approve this one (role, and not its drafter) */
  canApprove: boolean;
  csrfToken: string;
}

function requestPart(t: TFunction, fmt: Formatter, p: ApprovalPanelInput): SafeHtml {
  const who =
    p.approvers.length > 0
      ? html`<p>${t('approval.whoCan', { names: p.approvers.join(', ') })}</p>`
      : html`<p class="muted">${t('approval.nobody')}</p>`;
  if (p.request)
    return html`${who}<p class="badge warn" data-approval-requested>${t('approval.requested', {
      by: p.request.requestedBy,
      at: fmt.dateTime(p.request.requestedAt),
    })}</p>`;
  if (!p.canRequest || p.approvers.length === 0) return who;
  return html`${who}<form method="post" action="/admin/campaigns/${p.campaign.id}/request-approval">
<input type="hidden" name="_csrf" value="${p.csrfToken}"><button type="submit">${t('approval.request')}</button></form>`;
}

/** The groups an approver is asked to approve: who receives, who does not and why. */
function reviewPart(t: TFunction, p: ApprovalPanelInput): SafeHtml {
  const f = p.forecast;
  return html`<h3>${t('approval.groups', { n: f.receiving.length })}</h3>
<ul class="group-list" data-approval-groups>${f.receiving.map((g) => html`<li>${g.name || g.groupId}</li>`)}</ul>
${
  f.notReceiving.length > 0
    ? html`<h3>${t('approval.notReceiving', { n: f.notReceiving.length })}</h3>
<ul class="group-list">${f.notReceiving.map((g) => html`<li>${g.name || g.groupId} <span class="muted">· ${t(`schedule.skip.${g.skip}`)}</span></li>`)}</ul>`
    : ''
}`;
}

/**
 * A draft's approval panel: who may approve and "Gửi đề nghị duyệt" for the drafter; for an approver
 * the resolved groups (the exact text is the preview beside it, the send time the sentence above).
 */
export function approvalPanelView(t: TFunction, fmt: Formatter, p: ApprovalPanelInput): SafeHtml {
  return html`<div class="card approval-panel" id="approval"><h2>${t('approval.title')}</h2>
${requestPart(t, fmt, p)}
${p.canApprove ? reviewPart(t, p) : ''}</div>`;
}

/** "Chờ tôi duyệt": the drafts an approver has been asked to approve, oldest first. */
export function awaitingMeView(
  t: TFunction,
  fmt: Formatter,
  items: ReadonlyArray<{ request: ApprovalRequest; campaign: Campaign }>,
): SafeHtml {
  if (items.length === 0) return html``;
  return html`<section class="card awaiting-me" id="awaiting-me"><h2>${t('approval.awaitingMe', { n: items.length })}</h2>
<ul>${items.map(
    ({ request, campaign }) =>
      html`<li><a href="/admin/campaigns/${campaign.id}#approval">${campaign.title}</a>
<span class="muted">· ${t('approval.requested', { by: request.requestedBy, at: fmt.dateTime(request.requestedAt) })}</span></li>`,
  )}</ul></section>`;
}
