import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAdminApiServer } from '../helpers/admin-api-server.js';
import { startBroadcastHarness, vn, type BroadcastHarness } from '../helpers/broadcast-harness.js';

const TOKEN = 'test-admin-token-0123456789';
let h: BroadcastHarness;
let server: { url: string; close(): Promise<void> };

async function api(method: string, path: string, options: { body?: unknown; actor?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` };
  if (options.actor !== undefined) headers['x-actor'] = encodeURIComponent(options.actor);
  const res = await fetch(`${server.url}/admin/api${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- API response bodies are asserted field by field
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

const campaign = {
  title: 'Thông báo rà soát hộ nghèo 2026',
  text: 'Từ 1/9 đến 14/12 xã tổ chức rà soát hộ nghèo, hộ cận nghèo.',
  audience: { tags: ['vùng cao'] },
  schedule: { type: 'once', at: '2026-11-02T10:00' },
};

async function draft(actor: string, body: unknown = campaign): Promise<number> {
  const created = await api('POST', '/campaigns', { actor, body });
  expect(created.status).toBe(201);
  return created.json.campaign.id as number;
}

beforeEach(async () => {
  h = await startBroadcastHarness();
  for (let i = 1; i <= 10; i++) h.sim.addGroup({ groupId: `g${i}`, name: `Xã số ${i}` });
  server = await startAdminApiServer(h, TOKEN);
  expect((await api('POST', '/groups/sync', { actor: 'Nguyễn Thị Lan' })).status).toBe(200);
});
afterEach(async () => {
  await server.close();
  await h.close();
});

describe('admin API: the two-person rule compares people, not strings', () => {
  it.each([
    ['fullwidth letters', 'Ｌan', 'compatibility'],
    ['a zero-width space', 'La\u200Bn', 'invisible'],
    ['a Cyrillic “а” in a Latin name', 'L\u0430n', 'mixed_scripts'],
    ['a control character', 'Lan\u0007', 'control'],
    ['the system’s own name', 'System', 'reserved'],
    ['the command line’s name', 'cli', 'reserved'],
  ])(
    'when an approver’s name has %s, then it is refused with 400 and the campaign stays a draft',
    async (_, actor, problem) => {
      const id = await draft('Lan');
      const res = await api('POST', `/campaigns/${id}/approve`, { actor });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ error: 'actor_invalid', field: 'actor', problem });
      expect(res.json.message).toEqual(expect.any(String));
      expect((await api('GET', `/campaigns/${id}`)).json.campaign.status).toBe('draft');
    },
  );

  it.each([
    ['Lan', 'LAN'],
    ['Lan', ' lan '],
    ['Nguyễn Thị Lan', 'Nguyen Thi Lan'],
    ['Nguyen Thi Lan', 'Nguyễn Thị Lan'],
    ['Nguyễn Thị Lan', 'nguyễn  thị  lan'],
    ['Nguyễn Thị Lan', 'nguyen.thi.lan'],
    ['Đỗ Văn Đức', 'Do Van Duc'],
  ])(
    'when “%s” drafted and “%s” approves, then they are the same person and the rule refuses with 403',
    async (drafter, approver) => {
      const id = await draft(drafter);
      const res = await api('POST', `/campaigns/${id}/approve`, { actor: approver });
      expect(res.status).toBe(403);
      expect((await api('GET', `/campaigns/${id}`)).json.campaign.status).toBe('draft');
    },
  );

  it('when the last editor is the approver under another spelling, then the rule refuses too; a colleague approves', async () => {
    const id = await draft('Trần Văn Hùng');
    await api('PATCH', `/campaigns/${id}`, { actor: 'Nguyễn Thị Lan', body: { title: 'Rà soát hộ nghèo' } });
    expect((await api('POST', `/campaigns/${id}/approve`, { actor: 'NGUYEN THI LAN' })).status).toBe(403);
    const ok = await api('POST', `/campaigns/${id}/approve`, { actor: 'Phạm Minh Châu' });
    expect(ok.json.campaign).toMatchObject({ status: 'approved', approvedBy: 'Phạm Minh Châu' });
  });
});

describe('admin API: an approval covers the audience as resolved at approval', () => {
  async function approvedCampaign(groups = 1): Promise<number> {
    await api('PATCH', '/groups/g1', { actor: 'Nguyễn Thị Lan', body: { tags: ['vùng cao'] } });
    const id = await draft('Nguyễn Thị Lan');
    const approved = await api('POST', `/campaigns/${id}/approve`, { actor: 'Trần Văn Hùng' });
    expect(approved.json.campaign).toMatchObject({ status: 'approved', approvedGroups: groups });
    return id;
  }

  it('when an editor tags 9 more groups after approval, then the campaign is back to needs approval and nothing goes out', async () => {
    const id = await approvedCampaign();
    for (let i = 2; i <= 10; i++) {
      expect((await api('PATCH', `/groups/g${i}`, { actor: 'Lê Văn Nam', body: { tags: ['vùng cao'] } })).status).toBe(
        200,
      );
    }
    const after = (await api('GET', `/campaigns/${id}`)).json.campaign;
    expect(after).toMatchObject({ status: 'draft', approvedBy: null, approvedGroups: null });
    const audit = (await api('GET', `/audit?campaignId=${id}`)).json.entries as { actor: string; action: string }[];
    expect(audit[0]).toMatchObject({ actor: 'Lê Văn Nam', action: 'campaign.approval_revoked' });

    h.clock.set(vn('2026-11-02T10:00:00'));
    await h.broadcast.scheduler.tick();
    for (let i = 1; i <= 10; i++) expect(h.sim.sentToGroup(`g${i}`)).toEqual([]);
    expect(h.sim.requests.filter((r) => r.path.includes('/group/message'))).toEqual([]);
  });

  it('when a tag edit narrows the audience or touches an unrelated group, then the approval stands', async () => {
    await api('PATCH', '/groups/g2', { actor: 'Nguyễn Thị Lan', body: { tags: ['vùng cao'] } });
    const id = await approvedCampaign(2);
    await api('PATCH', '/groups/g2', { actor: 'Lê Văn Nam', body: { tags: [] } });
    await api('PATCH', '/groups/g5', { actor: 'Lê Văn Nam', body: { tags: ['ven sông'] } });
    expect((await api('GET', `/campaigns/${id}`)).json.campaign.status).toBe('approved');
  });

  it('when a paused campaign’s audience widens, then it cannot be resumed and needs a new approval, which then covers the wider audience', async () => {
    const id = await approvedCampaign();
    await api('POST', `/campaigns/${id}/pause`, { actor: 'Trần Văn Hùng' });
    await api('PATCH', '/groups/g3', { actor: 'Lê Văn Nam', body: { tags: ['vùng cao'] } });
    expect((await api('GET', `/campaigns/${id}`)).json.campaign.status).toBe('draft');
    expect((await api('POST', `/campaigns/${id}/resume`, { actor: 'Trần Văn Hùng' })).status).toBe(409);
    const again = await api('POST', `/campaigns/${id}/approve`, { actor: 'Trần Văn Hùng' });
    expect(again.json.campaign).toMatchObject({ status: 'approved', approvedGroups: 2 });
  });

  it('when a group webhook re-enables a group the approval skipped, then the scheduler sends the campaign back for approval instead of sending', async () => {
    h.sim.addGroup({ groupId: 'g11', name: 'Xã tạm khoá', status: 'disabled' });
    await api('POST', '/groups/sync', { actor: 'Nguyễn Thị Lan' });
    await api('PATCH', '/groups/g11', { actor: 'Nguyễn Thị Lan', body: { tags: ['vùng cao'] } });
    const id = await approvedCampaign();
    // what a group event does to the directory: no official, no review at once
    h.broadcast.directory.upsertFromZalo({ groupId: 'g11', name: 'Xã tạm khoá', status: 'enabled', totalMember: 5 });

    h.clock.set(vn('2026-11-02T10:00:00'));
    await h.broadcast.scheduler.tick();

    expect((await api('GET', `/campaigns/${id}`)).json.campaign.status).toBe('draft');
    expect(h.sim.requests.filter((r) => r.path.includes('/group/message'))).toEqual([]);
    const audit = (await api('GET', `/audit?campaignId=${id}`)).json.entries as { actor: string; action: string }[];
    expect(audit[0]).toMatchObject({ actor: 'system', action: 'campaign.approval_revoked' });
  });
});
