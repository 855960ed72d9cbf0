import { describe, expect, it } from 'vitest';
import { BroadcastError } from '../../../src/broadcast/broadcast-error.js';
import { campaignCreateSchema, MAX_TEXT_CHARS } from '../../../src/broadcast/campaign-input.js';
import { campaignInput, setupBroadcast } from './broadcast-fixture.js';

const refused = (fn: () => unknown): BroadcastError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof BroadcastError) return err;
    throw err;
  }
  throw new Error('expected a BroadcastError');
};

describe('campaign approval', () => {
  it('when the drafter approves their own campaign, then it is refused, stays a draft and the refusal is audited', () => {
    const { broadcast } = setupBroadcast();
    const c = broadcast.campaigns.create(campaignInput(), 'lan');
    const err = refused(() => broadcast.campaigns.approve(c.id, 'Lan'));
    expect(err.code).toBe('forbidden');
    expect(broadcast.campaigns.get(c.id).status).toBe('draft');
    expect(broadcast.audit.list({ campaignId: c.id }).map((a) => a.action)).toEqual([
      'campaign.approve_refused',
      'campaign.create',
    ]);
  });

  it('when another official approves, then it is approved and the audit log says who did what', () => {
    const { broadcast } = setupBroadcast();
    const c = broadcast.campaigns.create(campaignInput(), 'lan');
    const approved = broadcast.campaigns.approve(c.id, 'hung');
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'hung', createdBy: 'lan' });
    const log = broadcast.audit.list({ campaignId: c.id });
    expect(log.map((a) => [a.actor, a.action])).toEqual([
      ['hung', 'campaign.approve'],
      ['lan', 'campaign.create'],
    ]);
  });

  it('when the approver edits the campaign, then it returns to draft and the editor can no longer approve it', () => {
    const { broadcast } = setupBroadcast();
    const c = broadcast.campaigns.create(campaignInput(), 'lan');
    broadcast.campaigns.approve(c.id, 'hung');
    const edited = broadcast.campaigns.update(c.id, { text: 'Nội dung mới' }, 'hung');
    expect(edited).toMatchObject({ status: 'draft', approvedBy: null, text: 'Nội dung mới' });
    expect(refused(() => broadcast.campaigns.approve(c.id, 'hung')).code).toBe('forbidden');
    expect(refused(() => broadcast.campaigns.approve(c.id, 'lan')).code).toBe('forbidden');
    expect(broadcast.campaigns.approve(c.id, 'mai').status).toBe('approved');
  });

  it('when the two-person rule is switched off, then the drafter may approve', () => {
    const { broadcast } = setupBroadcast({ options: { twoPersonRule: false } });
    const c = broadcast.campaigns.create(campaignInput(), 'lan');
    expect(broadcast.campaigns.approve(c.id, 'lan').status).toBe('approved');
  });
});

describe('campaign lifecycle', () => {
  it('when paused, resumed and cancelled, then each step is allowed only from the right state', () => {
    const { broadcast } = setupBroadcast();
    const c = broadcast.campaigns.create(campaignInput(), 'lan');
    expect(refused(() => broadcast.campaigns.pause(c.id, 'lan')).code).toBe('invalid_state');
    broadcast.campaigns.approve(c.id, 'hung');
    expect(broadcast.campaigns.pause(c.id, 'hung').status).toBe('paused');
    expect(broadcast.campaigns.resume(c.id, 'hung').status).toBe('approved');
    expect(broadcast.campaigns.cancel(c.id, 'lan').status).toBe('cancelled');
    expect(refused(() => broadcast.campaigns.resume(c.id, 'hung')).code).toBe('invalid_state');
    expect(refused(() => broadcast.campaigns.update(c.id, { title: 'x' }, 'lan')).code).toBe('invalid_state');
  });

  it('when a one-off time is in the past, then saving is refused naming schedule.at', () => {
    const { broadcast } = setupBroadcast();
    const err = refused(() =>
      broadcast.campaigns.create(campaignInput({ schedule: { type: 'once', at: '2026-11-01T10:00' } }), 'lan'),
    );
    expect(err).toMatchObject({ code: 'invalid_input', field: 'schedule.at' });
    expect(broadcast.campaigns.list()).toHaveLength(0);
  });

  it('when the text is longer than 2,000 characters, then the schema refuses it; exactly 2,000 is accepted', () => {
    const over = campaignCreateSchema.safeParse(campaignInput({ text: 'ă'.repeat(MAX_TEXT_CHARS + 1) }));
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.path).toEqual(['text']);
    // 'ă' typed as a + combining breve counts once after NFC
    expect(campaignCreateSchema.safeParse(campaignInput({ text: 'a\u0306'.repeat(MAX_TEXT_CHARS) })).success).toBe(
      true,
    );
  });

  it('when a dry run is asked, then it shows the exact text, every target and why some will not receive it', () => {
    const { broadcast, zalo } = setupBroadcast();
    zalo.addGroup('g1', { name: 'Xã An Bá' });
    zalo.addGroup('g2', { name: 'Xã Bình Sơn', status: 'disabled' });
    return broadcast.directory.sync('admin').then(() => {
      const c = broadcast.campaigns.create(campaignInput({ audience: { all: true, groupIds: ['ngoai1'] } }), 'lan');
      const dry = broadcast.campaigns.dryRun(c.id, 'lan');
      expect(dry.text).toBe(campaignInput().text);
      expect(
        dry.targets.map((x) => [x.name || x.groupId, x.willReceive, x.reason !== null, x.warning !== null]),
      ).toEqual([
        ['ngoai1', true, false, true],
        ['Xã An Bá', true, false, false],
        ['Xã Bình Sơn', false, true, false],
      ]);
      expect(dry.targets[2]!.reason).toMatch(/vô hiệu hoá/);
      expect(dry).toMatchObject({ willReceive: 2, willNotReceive: 1 });
      expect(dry.upcoming.map((u) => u.dueAt)).toHaveLength(1);
    });
  });
});
