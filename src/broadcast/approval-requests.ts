import type { TFunction } from '../i18n/create-i18n.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { Db } from '../storage/open-database.js';
import type { ZaloApi } from '../zalo/zalo-api.js';
import type { ApprovalRequest, ApprovalRequestStore } from './approval-request-store.js';
import { SYSTEM_ACTOR, type AuditLog } from './audit-log.js';
import { BroadcastError } from './broadcast-error.js';
import type { Campaign } from './broadcast-types.js';
import type { CampaignService } from './campaign-service.js';
import { checkGroupHistory } from './check-group-history.js';
import { classifySendError } from './classify-send-error.js';
import { sameActor } from './same-actor.js';

/** A notice left `sending` this long ago by a stopped process is settled from the group's history. */
const STALE_SENDING_MS = 60_000;

export interface ApprovalRequests {
  /**
   * A drafter asks `approvers` to approve a draft (audited). Refused when the campaign is not a
   * draft, a request is already open, or nobody else may approve. With APPROVAL_NOTIFY_GROUP_ID set,
   * a notice to the officials' group is queued and sent by `flushNotices`.
   */
  request(campaignId: number, actor: string, approvers: readonly string[]): ApprovalRequest;
  openFor(campaignId: number): ApprovalRequest | null;
  /** Open requests on drafts `actor` may approve (not their own drafts), oldest first. */
  awaiting(actor: string): { request: ApprovalRequest; campaign: Campaign }[];
  /** Sends queued notices exactly once; a notice interrupted mid-send is settled from the group's history. */
  flushNotices(): Promise<void>;
}

export function createApprovalRequests(deps: {
  db: Db;
  clock: Clock;
  log: Logger;
  zalo: ZaloApi;
  store: ApprovalRequestStore;
  campaigns: CampaignService;
  audit: AuditLog;
  t: TFunction;
  /** APPROVAL_NOTIFY_GROUP_ID; null = no Zalo notice */
  notifyGroupId: string | null;
  historySkewMs: number;
}): ApprovalRequests {
  const { db, clock, log, zalo, store, campaigns, audit, t } = deps;
  let flushing: Promise<void> | null = null;

  const refuse = (key: string, message: string): never => {
    throw new BroadcastError('invalid_state', `approvalRequest.errors.${key}`, message);
  };

  async function settleInterrupted(r: ApprovalRequest): Promise<boolean> {
    const verdict = await checkGroupHistory(
      zalo,
      r.notifyGroupId!,
      { text: r.notifyText! },
      r.notifyStartedAt! - deps.historySkewMs,
    );
    if (verdict.kind === 'not_sent') {
      store.setNotify(r.id, 'pending', null, null);
      return true;
    }
    store.setNotify(
      r.id,
      verdict.kind === 'sent' ? 'sent' : 'unknown',
      verdict.kind === 'sent' ? verdict.messageId : null,
      verdict.kind === 'sent' ? null : verdict.why,
    );
    if (verdict.kind !== 'sent')
      log.warn({ requestId: r.id, why: verdict.why }, 'approval notice unsettled; not resent');
    return false;
  }

  async function send(r: ApprovalRequest): Promise<void> {
    if (r.notifyStatus === 'sending' && !(await settleInterrupted(r))) return;
    if (!store.claim(r.id, clock.now())) return;
    try {
      const sent = await zalo.sendGroupMessage(
        r.notifyGroupId!,
        { text: r.notifyText! },
        { purpose: 'approval_request', ref: `approval-request:${r.id}` },
      );
      db.transaction(() => {
        store.setNotify(r.id, 'sent', sent.messageId, null);
        audit.record({ actor: SYSTEM_ACTOR, action: 'campaign.approval_notified', campaignId: r.campaignId });
      })();
    } catch (err) {
      const failure = classifySendError(err);
      // ambiguous: stays 'sending' and is settled from the group's history at a later pass
      if (failure.kind === 'permanent') store.setNotify(r.id, 'failed', null, failure.code);
      if (failure.kind === 'retry') store.setNotify(r.id, 'pending', null, failure.code);
      log.warn({ requestId: r.id, code: failure.code, kind: failure.kind }, 'approval notice not sent');
    }
  }

  return {
    request(campaignId, actor, approvers) {
      const c = campaigns.get(campaignId);
      if (c.status !== 'draft') refuse('not_draft', `campaign ${campaignId} is not a draft`);
      if (store.openFor(campaignId)) refuse('open', `campaign ${campaignId} already awaits approval`);
      if (approvers.length === 0) refuse('nobody', 'nobody else may approve');
      const groupId = deps.notifyGroupId;
      const text = groupId
        ? t('approvalRequest.notice', {
            ns: 'broadcast',
            title: c.title,
            id: c.id,
            by: actor,
            approvers: approvers.join(', '),
          })
        : null;
      db.transaction(() => {
        store.insert({ campaignId, requestedBy: actor, at: clock.now(), groupId, text });
        audit.record({
          actor,
          action: 'campaign.approval_request',
          campaignId,
          details: { approvers, notifyGroup: groupId !== null },
        });
      })();
      return store.openFor(campaignId)!;
    },
    openFor: (campaignId) => store.openFor(campaignId),
    awaiting(actor) {
      return store.openOnDrafts().flatMap((request) => {
        const campaign = campaigns.get(request.campaignId);
        return [campaign.createdBy, campaign.updatedBy].some((d) => sameActor(d, actor)) ? [] : [{ request, campaign }];
      });
    },
    flushNotices() {
      flushing ??= (async () => {
        for (const r of store.notifyWork(clock.now() - STALE_SENDING_MS)) await send(r);
      })().finally(() => {
        flushing = null;
      });
      return flushing;
    },
  };
}
