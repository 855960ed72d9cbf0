import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { Db } from '../storage/open-database.js';
import { bindApproval, checkApproval } from './approval-binding.js';
import type { AuditLog } from './audit-log.js';
import type { BroadcastGroup, Campaign } from './broadcast-types.js';
import type { CampaignStore } from './campaign-store.js';

export interface ApprovalReview {
  /**
   * Sends back to draft every approved or paused campaign whose approval no longer covers it (its
   * content changed, or a group now receives it that did not at approval), audited as
   * `campaign.approval_revoked` by `actor` (the official whose change widened it, or 'system').
   * Returns the ids sent back. Campaigns approved before approvals were bound get bound now.
   */
  review(actor: string): number[];
  /** The same for one campaign; true when its approval still holds. */
  holds(campaign: Campaign, actor: string): boolean;
}

/** Keeps approvals honest: an approval covers the exact content and audience the approver saw. */
export function createApprovalReview(deps: {
  db: Db;
  clock: Clock;
  log: Logger;
  campaigns: CampaignStore;
  audit: AuditLog;
  /** the directory as it is now (every group, deleted ones included) */
  groups: () => BroadcastGroup[];
}): ApprovalReview {
  const { db, clock, log, campaigns, audit } = deps;

  function holds(c: Campaign, actor: string, groups: readonly BroadcastGroup[]): boolean {
    if (c.status !== 'approved' && c.status !== 'paused') return true;
    if (c.approval === null) {
      campaigns.save({ ...c, approval: bindApproval(c, groups) });
      return true;
    }
    const check = checkApproval(c, c.approval, groups);
    if (check.holds) return true;
    const now = clock.now();
    const details = {
      reason: check.reason,
      ...(check.reason === 'audience_widened' ? { added: check.added } : {}),
      previousStatus: c.status,
      approvedBy: c.approvedBy,
    };
    db.transaction(() => {
      campaigns.save({
        ...c,
        status: 'draft',
        approvedBy: null,
        approvedAt: null,
        approval: null,
        cursorAt: null,
        updatedAt: now,
      });
      audit.record({ actor, action: 'campaign.approval_revoked', campaignId: c.id, details });
    })();
    log.warn(
      { campaignId: c.id, reason: check.reason, added: check.reason === 'audience_widened' ? check.added.length : 0 },
      'broadcast campaign sent back for approval: it no longer matches what was approved',
    );
    return false;
  }

  return {
    review(actor) {
      const groups = deps.groups();
      return campaigns
        .underApproval()
        .filter((c) => !holds(c, actor, groups))
        .map((c) => c.id);
    },
    holds: (c, actor) => holds(c, actor, deps.groups()),
  };
}
