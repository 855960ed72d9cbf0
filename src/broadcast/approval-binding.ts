import { createHash } from 'node:crypto';
import type { BroadcastGroup, Campaign } from './broadcast-types.js';
import { resolveAudience } from './resolve-audience.js';

/** What an approval covers: the exact content and the groups that would receive it. */
export interface ApprovalBinding {
  /** SHA-256 (hex) of the text and image URL */
  content: string;
  /** ids of the groups that would receive it at approval, sorted */
  targets: string[];
}

export type ApprovalCheck =
  | { holds: true }
  | { holds: false; reason: 'content_changed' }
  | { holds: false; reason: 'audience_widened'; added: string[] };

function contentHash(c: Pick<Campaign, 'text' | 'imageUrl'>): string {
  return createHash('sha256')
    .update(JSON.stringify([c.text, c.imageUrl]))
    .digest('hex');
}

/** The groups a campaign would be sent to now: its audience resolved, without skipped groups. */
function receivingGroups(c: Pick<Campaign, 'audience'>, groups: readonly BroadcastGroup[]): string[] {
  return resolveAudience(c.audience, groups)
    .filter((x) => x.skip === null)
    .map((x) => x.groupId)
    .sort();
}

/** Binds an approval to the campaign's content and its audience as it resolves over `groups` now. */
export function bindApproval(
  c: Pick<Campaign, 'text' | 'imageUrl' | 'audience'>,
  groups: readonly BroadcastGroup[],
): ApprovalBinding {
  return { content: contentHash(c), targets: receivingGroups(c, groups) };
}

/**
 * Whether an approval still covers the campaign: same content, and no group receiving it now that
 * was not receiving it at approval (a tag edit, a new kind, a re-enabled group). Fewer groups is fine:
 * the approver accepted sending to each of the approved ones. Pure.
 */
export function checkApproval(
  c: Pick<Campaign, 'text' | 'imageUrl' | 'audience'>,
  binding: ApprovalBinding,
  groups: readonly BroadcastGroup[],
): ApprovalCheck {
  if (contentHash(c) !== binding.content) return { holds: false, reason: 'content_changed' };
  const approved = new Set(binding.targets);
  const added = receivingGroups(c, groups).filter((id) => !approved.has(id));
  return added.length > 0 ? { holds: false, reason: 'audience_widened', added } : { holds: true };
}
