import { describe, expect, it } from 'vitest';
import { broadcastOptionsFromConfig } from '../../../src/broadcast/create-broadcast.js';
import { parseConfig } from '../../../src/config/parse-config.js';

describe('APPROVAL_NOTIFY_GROUP_ID', () => {
  it('when it names a group, then the broadcast options carry it; empty or absent turns the notice off', () => {
    expect(broadcastOptionsFromConfig(parseConfig({ APPROVAL_NOTIFY_GROUP_ID: 'abc123' })).approvalNotifyGroupId).toBe(
      'abc123',
    );
    expect(broadcastOptionsFromConfig(parseConfig({ APPROVAL_NOTIFY_GROUP_ID: '' })).approvalNotifyGroupId).toBeNull();
    expect(broadcastOptionsFromConfig(parseConfig({})).approvalNotifyGroupId).toBeNull();
  });

  it('when it is not a Zalo group id, then the config is refused at startup', () => {
    expect(() => parseConfig({ APPROVAL_NOTIFY_GROUP_ID: 'nhóm cán bộ' })).toThrow(/APPROVAL_NOTIFY_GROUP_ID/);
  });
});
