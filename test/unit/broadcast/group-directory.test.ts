import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setupBroadcast } from './broadcast-fixture.js';

const fixture = (name: string) =>
  JSON.parse(fs.readFileSync(path.resolve('test/fixtures/zalo/webhook', `${name}.json`), 'utf8')) as Parameters<
    ReturnType<typeof setupBroadcast>['broadcast']['groupEventSink']['onGroupEvent']
  >[0];

describe('group directory', () => {
  it('when synced, then every OA group is listed with its status, and local metadata survives a re-sync', async () => {
    const { broadcast, zalo } = setupBroadcast();
    zalo.addGroup('g1', { name: 'Xã An Bá' });
    zalo.addGroup('g2', { name: 'Phòng Nông nghiệp', status: 'disabled' });
    zalo.addGroup('x9', { owned: false });
    expect(await broadcast.directory.sync('admin')).toMatchObject({ listed: 2, added: 2, removed: 0, detailErrors: 0 });
    broadcast.directory.update(
      'g1',
      { kind: 'commune', unit: 'Xã An Bá', tags: ['Vùng cao', 'vùng cao', ' Miền núi '] },
      'lan',
    );
    await broadcast.directory.sync('admin');
    expect(broadcast.directory.list().map((g) => [g.groupId, g.zaloStatus, g.kind, g.tags, g.assetType])).toEqual([
      ['g2', 'disabled', null, [], 'gmf100'],
      ['g1', 'enabled', 'commune', ['vùng cao', 'miền núi'], 'gmf100'],
    ]);
    expect(broadcast.directory.list({ tag: 'MIỀN NÚI' }).map((g) => g.groupId)).toEqual(['g1']);
    expect(broadcast.audit.list().map((a) => a.action)).toEqual(['groups.sync', 'group.update', 'groups.sync']);
  });

  it('when a known group is no longer listed by Zalo, then it is marked deleted, not dropped', async () => {
    const { broadcast, zalo } = setupBroadcast();
    zalo.addGroup('g1');
    await broadcast.directory.sync('admin');
    zalo.api.listGroups = async () => [];
    expect((await broadcast.directory.sync('admin')).removed).toBe(1);
    expect(broadcast.directory.get('g1')?.deletedAt).not.toBeNull();
  });

  it('when group webhooks arrive (Zalo’s published examples), then the directory follows them', async () => {
    const { broadcast, zalo } = setupBroadcast();
    const created = fixture('create_group');
    zalo.addGroup(created.group_id, { name: 'Nhóm mới' });
    await broadcast.groupEventSink.onGroupEvent(created);
    expect(broadcast.directory.get(created.group_id)).toMatchObject({
      name: 'Nhóm mới',
      zaloStatus: 'enabled',
      totalMember: 3,
    });
    await broadcast.groupEventSink.onGroupEvent(fixture('user_join_group'));
    expect(broadcast.directory.get(created.group_id)?.totalMember).toBe(4);
    await broadcast.groupEventSink.onGroupEvent(fixture('user_out_group'));
    expect(broadcast.directory.get(created.group_id)?.totalMember).toBe(3);
    await broadcast.groupEventSink.onGroupEvent(fixture('delete_group'));
    expect(broadcast.directory.get(created.group_id)?.deletedAt).not.toBeNull();
    expect(broadcast.audit.list().map((a) => a.action)).toEqual(['group.deleted', 'group.created']);
  });

  it('when the dissolve event uses the other spelling (disperse_group), then the group is marked deleted too', async () => {
    const { broadcast, zalo } = setupBroadcast();
    zalo.addGroup('g1');
    await broadcast.directory.sync('admin');
    await broadcast.groupEventSink.onGroupEvent({
      ...fixture('delete_group'),
      event_name: 'disperse_group',
      group_id: 'g1',
    });
    expect(broadcast.directory.get('g1')?.deletedAt).not.toBeNull();
  });
});
