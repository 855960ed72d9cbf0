import { describe, expect, it } from 'vitest';
import { bindApproval, checkApproval } from '../../../src/broadcast/approval-binding.js';
import { broadcastGroup as group } from '../../helpers/broadcast-group.js';

const campaign = { text: 'Tin rà soát hộ nghèo', imageUrl: null, audience: { tags: ['vùng cao'] } };
const atApproval = [
  group('c1', { tags: ['vùng cao'] }),
  group('c2'),
  group('c3', { zaloStatus: 'disabled', tags: ['vùng cao'] }),
];

describe('approval binding', () => {
  it('when nothing changed, then the approval holds; it covers only the groups that would receive', () => {
    const binding = bindApproval(campaign, atApproval);
    expect(binding.targets).toEqual(['c1']);
    expect(checkApproval(campaign, binding, atApproval)).toEqual({ holds: true });
  });

  it('when a tag or a re-enabled group adds a receiver, then it no longer holds and names the added groups', () => {
    const binding = bindApproval(campaign, atApproval);
    const widened = [
      group('c1', { tags: ['vùng cao'] }),
      group('c2', { tags: ['vùng cao'] }),
      group('c3', { tags: ['vùng cao'] }),
    ];
    expect(checkApproval(campaign, binding, widened)).toEqual({
      holds: false,
      reason: 'audience_widened',
      added: ['c2', 'c3'],
    });
  });

  it('when a group drops out, then the approval still holds', () => {
    const binding = bindApproval(campaign, atApproval);
    expect(checkApproval(campaign, binding, [group('c1', { deletedAt: 9, tags: ['vùng cao'] })])).toEqual({
      holds: true,
    });
  });

  it('when the text or the image differs from what was approved, then it no longer holds', () => {
    const binding = bindApproval(campaign, atApproval);
    expect(checkApproval({ ...campaign, text: `${campaign.text}!` }, binding, atApproval)).toMatchObject({
      reason: 'content_changed',
    });
    expect(checkApproval({ ...campaign, imageUrl: 'https://x.vn/a.png' }, binding, atApproval)).toMatchObject({
      reason: 'content_changed',
    });
  });
});
