import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAdminApiServer } from '../helpers/admin-api-server.js';
import { startBroadcastHarness, vn, type BroadcastHarness } from '../helpers/broadcast-harness.js';

const TOKEN = 'test-admin-token-0123456789';
let h: BroadcastHarness;
let server: { url: string; close(): Promise<void> } | undefined;
let base: string;

async function listen(adminToken: string | undefined): Promise<void> {
  server = await startAdminApiServer(h, adminToken);
  base = `${server.url}/admin/api`;
}

async function api(
  method: string,
  path: string,
  options: { body?: unknown; actor?: string; token?: string | null } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token !== null) headers.authorization = `Bearer ${options.token ?? TOKEN}`;
  if (options.actor) headers['x-actor'] = encodeURIComponent(options.actor);
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString('utf8');
  return {
    status: res.status,
    headers: res.headers,
    bytes,
    text,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- API response bodies are asserted field by field
    json: (text.startsWith('{') ? JSON.parse(text) : null) as Record<string, any>,
  };
}

const campaign = {
  title: 'Thông báo rà soát hộ nghèo 2026',
  text: 'Từ 1/9 đến 14/12 xã tổ chức rà soát hộ nghèo, hộ cận nghèo. Hộ gia đình có giấy đề nghị nộp tại UBND xã.',
  audience: { kinds: ['commune'] },
  schedule: { type: 'once', at: '2026-11-02T10:00' },
};

beforeEach(async () => {
  h = await startBroadcastHarness();
  h.sim.addGroup({ groupId: 'g1', name: 'Xã An Bá' });
  h.sim.addGroup({ groupId: 'g2', name: 'Xã Bình Sơn', status: 'disabled' });
  h.sim.addGroup({ groupId: 'a1', name: 'Phòng Nông nghiệp và Môi trường' });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await h.close();
});

describe('admin API access', () => {
  it('when no ADMIN_TOKEN is configured, then every request gets 503 saying so', async () => {
    await listen(undefined);
    const res = await api('GET', '/campaigns');
    expect(res.status).toBe(503);
    expect(res.json.message).toMatch(/ADMIN_TOKEN/);
  });

  it('when the bearer token is missing or wrong, then 401 and nothing is done', async () => {
    await listen(TOKEN);
    expect((await api('GET', '/campaigns', { token: null })).status).toBe(401);
    const wrong = await api('POST', '/groups/sync', { token: `${TOKEN}x`, actor: 'lan' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(h.broadcast.directory.list()).toHaveLength(0);
  });

  it('when a mutating request names no actor, then 400 asks for X-Actor and nothing changes', async () => {
    await listen(TOKEN);
    const res = await api('POST', '/campaigns', { body: campaign });
    expect(res).toMatchObject({ status: 400, json: { error: 'actor_required', field: 'actor' } });
    expect(h.broadcast.campaigns.list()).toHaveLength(0);
  });
});

describe('admin API validation', () => {
  beforeEach(() => listen(TOKEN));

  it.each([
    ['text too long', { ...campaign, text: 'x'.repeat(2001) }, 'text'],
    ['unknown kind', { ...campaign, audience: { kinds: ['province'] } }, 'audience.kinds.0'],
    ['bad cron', { ...campaign, schedule: { type: 'cron', expression: '61 8 * * *' } }, 'schedule.expression'],
    ['bad monthly day', { ...campaign, schedule: { type: 'monthly', day: 32, time: '08:00' } }, 'schedule.day'],
    ['unexpected field', { ...campaign, priority: 'high' }, 'priority'],
    ['empty audience', { ...campaign, audience: {} }, 'audience'],
    ['past one-off', { ...campaign, schedule: { type: 'once', at: '2026-11-01T10:00' } }, 'schedule.at'],
  ])('when the campaign has %s, then 400 names the field and nothing is saved', async (_name, body, field) => {
    const res = await api('POST', '/campaigns', { body, actor: 'lan' });
    expect(res.status).toBe(400);
    expect(res.json.field).toBe(field);
    expect(h.broadcast.campaigns.list()).toHaveLength(0);
    expect(h.broadcast.audit.list()).toHaveLength(0);
  });

  it('when the body is not JSON, then 400 invalid_json', async () => {
    const res = await fetch(`${base}/campaigns`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'x-actor': 'lan' },
      body: '{"title":',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_json');
  });
});

describe('admin API: a review-season notice from draft to report', () => {
  beforeEach(() => listen(TOKEN));

  it('when officials sync, tag, draft, dry-run, approve and the run goes out, then the report and CSV show each group', async () => {
    const sync = await api('POST', '/groups/sync', { actor: 'Nguyễn Thị Lan' });
    expect(sync.json.summary).toMatchObject({ listed: 3, added: 3 });
    expect(
      (
        await api('PATCH', '/groups/g1', {
          actor: 'Nguyễn Thị Lan',
          body: { kind: 'commune', unit: 'Xã An Bá', tags: ['Vùng cao'] },
        })
      ).json.group,
    ).toMatchObject({ kind: 'commune', tags: ['vùng cao'] });
    await api('PATCH', '/groups/g2', { actor: 'Nguyễn Thị Lan', body: { kind: 'commune' } });
    expect((await api('PATCH', '/groups/a1', { actor: 'Nguyễn Thị Lan', body: { kind: 'province' } })).json.field).toBe(
      'kind',
    );

    const created = await api('POST', '/campaigns', { actor: 'Nguyễn Thị Lan', body: campaign });
    expect(created.status).toBe(201);
    expect(created.json.campaign).toMatchObject({
      status: 'draft',
      textLength: campaign.text.length,
      textLimit: 2000,
      createdBy: 'Nguyễn Thị Lan',
    });
    const id = created.json.campaign.id as number;

    const dry = await api('POST', `/campaigns/${id}/dry-run`, { actor: 'Nguyễn Thị Lan' });
    expect(dry.json.dryRun.text).toBe(campaign.text);
    expect(
      dry.json.dryRun.targets.map((t: { groupId: string; willReceive: boolean }) => [t.groupId, t.willReceive]),
    ).toEqual([
      ['g1', true],
      ['g2', false],
    ]);
    expect(dry.json.dryRun.upcoming).toEqual([
      { dueAt: '2026-11-02T10:00:00+07:00', releaseAt: '2026-11-02T10:00:00+07:00', heldByQuietHours: false },
    ]);

    const self = await api('POST', `/campaigns/${id}/approve`, { actor: 'Nguyễn Thị Lan' });
    expect(self.status).toBe(403);
    expect(self.json.message).toMatch(/không được tự duyệt/);
    const approved = await api('POST', `/campaigns/${id}/approve`, { body: { actor: 'Trần Văn Hùng' } });
    expect(approved.json.campaign).toMatchObject({
      status: 'approved',
      approvedBy: 'Trần Văn Hùng',
      nextRunAt: '2026-11-02T10:00:00+07:00',
    });

    h.clock.set(vn('2026-11-02T10:00:00'));
    await h.broadcast.scheduler.tick();

    const detail = await api('GET', `/campaigns/${id}`);
    const run = detail.json.runs[0];
    expect(run.counts).toMatchObject({ sent: 1, skipped: 1 });
    expect(
      run.deliveries.map((d: { groupId: string; status: string; messageId: string | null }) => [
        d.groupId,
        d.status,
        d.messageId !== null,
      ]),
    ).toEqual([
      ['g1', 'sent', true],
      ['g2', 'skipped', false],
    ]);
    const csv = await api('GET', `/runs/${run.id}/report.csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel reads Vietnamese
    expect(csv.text).toContain('g2,Xã Bình Sơn,bỏ qua');

    const audit = await api('GET', `/audit?campaignId=${id}`);
    expect(audit.json.entries.map((e: { actor: string; action: string }) => [e.actor, e.action])).toEqual([
      ['system', 'run.start'],
      ['Trần Văn Hùng', 'campaign.approve'],
      ['Nguyễn Thị Lan', 'campaign.approve_refused'],
      ['Nguyễn Thị Lan', 'campaign.dry_run'],
      ['Nguyễn Thị Lan', 'campaign.create'],
    ]);
  });

  it('when a campaign is paused, resumed, edited and cancelled through the API, then each answer shows the new state and wrong steps get 409', async () => {
    const id = (
      await api('POST', '/campaigns', {
        actor: 'lan',
        body: { ...campaign, schedule: { type: 'monthly', day: 31, time: '08:00' } },
      })
    ).json.campaign.id;
    expect((await api('POST', `/campaigns/${id}/pause`, { actor: 'hung' })).status).toBe(409);
    await api('POST', `/campaigns/${id}/approve`, { actor: 'hung' });
    expect((await api('POST', `/campaigns/${id}/pause`, { actor: 'hung' })).json.campaign.status).toBe('paused');
    expect((await api('POST', `/campaigns/${id}/resume`, { actor: 'hung' })).json.campaign).toMatchObject({
      status: 'approved',
      nextRunAt: '2026-11-30T08:00:00+07:00',
    });
    const edited = await api('PATCH', `/campaigns/${id}`, {
      actor: 'hung',
      body: { title: 'Chuyên mục giảm nghèo hằng tháng' },
    });
    expect(edited.json.campaign).toMatchObject({ status: 'draft', approvedBy: null, updatedBy: 'hung' });
    expect((await api('POST', `/campaigns/${id}/cancel`, { actor: 'lan' })).json.campaign.status).toBe('cancelled');
    expect((await api('GET', '/campaigns?status=cancelled')).json.campaigns).toHaveLength(1);
    expect((await api('GET', '/campaigns/999')).status).toBe(404);
  });
});
