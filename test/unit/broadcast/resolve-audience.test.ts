import { describe, expect, it } from 'vitest';
import { broadcastGroup as group } from '../../helpers/broadcast-group.js';
import { resolveAudience } from '../../../src/broadcast/resolve-audience.js';

const groups = [
  group('a1', { kind: 'agency', tags: ['lđtbxh'] }),
  group('c1', { kind: 'commune', tags: ['vùng cao'] }),
  group('c2', { kind: 'commune', tags: ['đồng bằng'] }),
  group('c3', { kind: 'commune', zaloStatus: 'disabled', tags: ['vùng cao'] }),
  group('c4', { kind: 'commune', deletedAt: 5 }),
];

describe('resolveAudience', () => {
  it('when the audience is a kind, then every group of that kind is a target and disabled/deleted ones carry their reason', () => {
    const t = resolveAudience({ kinds: ['commune'] }, groups);
    expect(t.map((x) => [x.groupId, x.skip])).toEqual([
      ['c1', null],
      ['c2', null],
      ['c3', 'group_disabled'],
      ['c4', 'group_deleted'],
    ]);
  });

  it('when kinds and tags are both given, then a group must match both; tags compare case-insensitively', () => {
    expect(resolveAudience({ kinds: ['commune'], tags: ['VÙNG CAO'] }, groups).map((x) => x.groupId)).toEqual([
      'c1',
      'c3',
    ]);
  });

  it('when explicit ids are given, then they are added, and an id unknown to the directory is kept and flagged', () => {
    const t = resolveAudience({ tags: ['lđtbxh'], groupIds: ['c2', 'zz9'] }, groups);
    expect(t.map((x) => [x.groupId, x.notInDirectory])).toEqual([
      ['zz9', true],
      ['a1', false],
      ['c2', false],
    ]);
  });

  it('when the audience is all, then every known group is a target exactly once', () => {
    const t = resolveAudience({ all: true, groupIds: ['a1'] }, groups);
    expect(t).toHaveLength(5);
  });
});
