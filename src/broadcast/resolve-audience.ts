import type { Audience, BroadcastGroup } from './broadcast-types.js';

/** Why a target will not receive a run (keys of `broadcast:skip.*`). */
export type SkipReason = 'group_deleted' | 'group_disabled';

export interface AudienceTarget {
  groupId: string;
  name: string;
  /** The directory entry, or null for an explicit id the directory does not know. */
  group: BroadcastGroup | null;
  skip: SkipReason | null;
  /** True for an explicit id missing from the directory: it is tried, and Zalo decides (-403). */
  notInDirectory: boolean;
}

/** Lower-cased, NFC, trimmed: how tags are stored and compared. */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFC').trim().toLocaleLowerCase('vi');
}

/**
 * Resolves an audience against the directory into every target, sorted by name: the ones that
 * will be sent to, and the ones that will not with the reason (deleted, disabled). Pure.
 * Explicit ids unknown to the directory are kept (the directory may be stale) and flagged.
 */
export function resolveAudience(audience: Audience, groups: readonly BroadcastGroup[]): AudienceTarget[] {
  const kinds = new Set(audience.kinds ?? []);
  const tags = new Set((audience.tags ?? []).map(normalizeTag));
  const hasCriteria = kinds.size > 0 || tags.size > 0;
  const byId = new Map(groups.map((g) => [g.groupId, g]));
  const chosen = new Map<string, AudienceTarget>();

  for (const g of groups) {
    const matches =
      audience.all === true ||
      (hasCriteria &&
        (kinds.size === 0 || (g.kind !== null && kinds.has(g.kind))) &&
        (tags.size === 0 || g.tags.some((t) => tags.has(t))));
    if (matches) chosen.set(g.groupId, target(g));
  }
  for (const id of audience.groupIds ?? []) {
    if (chosen.has(id)) continue;
    const g = byId.get(id);
    chosen.set(id, g ? target(g) : { groupId: id, name: '', group: null, skip: null, notInDirectory: true });
  }
  return [...chosen.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.groupId.localeCompare(b.groupId));
}

function target(g: BroadcastGroup): AudienceTarget {
  const skip: SkipReason | null =
    g.deletedAt !== null ? 'group_deleted' : g.zaloStatus === 'disabled' ? 'group_disabled' : null;
  return { groupId: g.groupId, name: g.name, group: g, skip, notInDirectory: false };
}
