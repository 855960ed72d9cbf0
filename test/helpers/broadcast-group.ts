import type { BroadcastGroup } from '../../src/broadcast/broadcast-types.js';

/** A directory group as the store returns it: an enabled commune group with 5 members, overridable. */
export const broadcastGroup = (groupId: string, o: Partial<BroadcastGroup> = {}): BroadcastGroup => ({
  groupId,
  name: `Nhóm ${groupId}`,
  zaloStatus: 'enabled',
  totalMember: 5,
  assetType: null,
  validThrough: null,
  autoDeleteDate: null,
  deletedAt: null,
  kind: 'commune',
  unit: null,
  tags: [],
  syncedAt: 1,
  updatedAt: 1,
  ...o,
});
