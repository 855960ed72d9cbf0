import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/admin/auth/roles.js';
import { buildConsoleApp, TEST_PASSWORD, type ConsoleTestApp } from '../helpers/build-console-app.js';
import { consoleClient, type ConsoleClient } from '../helpers/console-client.js';

/** Every state-changing console route, the fields it needs, and the roles allowed to use it. */
const ACTIONS: ReadonlyArray<{ path: string; fields: Record<string, string | string[]>; allowed: Role[] }> = [
  {
    path: '/admin/users',
    fields: { name: 'moi-tao', role: 'viewer', password: 'mật khẩu dài đủ' },
    allowed: ['admin'],
  },
  // no such account: an allowed role gets 404, the others must be stopped before the lookup
  { path: '/admin/users/999/role', fields: { role: 'admin' }, allowed: ['admin'] },
  { path: '/admin/users/999/password', fields: {}, allowed: ['admin'] },
  { path: '/admin/users/999/disable', fields: {}, allowed: ['admin'] },
  { path: '/admin/users/999/enable', fields: {}, allowed: ['admin'] },
  { path: '/admin/campaigns', fields: { title: 'x' }, allowed: ['admin', 'editor'] },
  // an incomplete form: refused by validation for the roles allowed to edit, so campaign 1 stays as it is
  { path: '/admin/campaigns/1', fields: { title: 'x' }, allowed: ['admin', 'editor'] },
  { path: '/admin/campaigns/1/dry-run', fields: {}, allowed: ['admin', 'approver', 'editor'] },
  { path: '/admin/campaigns/1/approve', fields: {}, allowed: ['admin', 'approver'] },
  { path: '/admin/campaigns/1/pause', fields: {}, allowed: ['admin', 'approver', 'editor'] },
  // resuming sends again: it needs an approver, unlike the pause brake
  { path: '/admin/campaigns/1/resume', fields: {}, allowed: ['admin', 'approver'] },
  { path: '/admin/campaigns/2/cancel', fields: {}, allowed: ['admin', 'approver', 'editor'] },
  { path: '/admin/groups/sync', fields: {}, allowed: ['admin', 'editor'] },
  { path: '/admin/groups/g1', fields: { kind: 'commune' }, allowed: ['admin', 'editor'] },
  { path: '/admin/inbox/1/reply', fields: { text: 'Chào anh' }, allowed: ['admin', 'editor'] },
  { path: '/admin/inbox/1/close', fields: {}, allowed: ['admin', 'editor'] },
  { path: '/admin/questions/handled', fields: { key: '0123456789abcdef' }, allowed: ['admin', 'editor'] },
];
const PAGES: ReadonlyArray<{ path: string; allowed: Role[] }> = [
  { path: '/admin/users', allowed: ['admin'] },
  { path: '/admin/audit', allowed: ['admin'] },
  { path: '/admin/campaigns/new', allowed: ['admin', 'editor'] },
  { path: '/admin/campaigns/1/edit', allowed: ['admin', 'editor'] },
  { path: '/admin/groups/g1', allowed: ['admin', 'editor'] },
];
const READABLE = [
  '/admin',
  '/admin/campaigns',
  '/admin/campaigns/1',
  '/admin/groups',
  '/admin/inbox',
  '/admin/questions',
  '/admin/report',
  '/admin/content',
];
const ROLES: Role[] = ['admin', 'approver', 'editor', 'viewer'];

describe('console roles are enforced on the server', () => {
  let app: ConsoleTestApp;
  const clients = new Map<Role, ConsoleClient>();

  beforeAll(async () => {
    app = await buildConsoleApp();
    app.sim.addGroup({ groupId: 'g1', name: 'Xã Đông Phú' });
    await app.broadcast.directory.sync('test');
    for (const title of ['Chuyên mục', 'Chuyên mục để huỷ']) {
      app.broadcast.campaigns.create(
        { title, text: 'Nội dung', audience: { all: true }, schedule: { type: 'once', at: '2026-12-01T08:00' } },
        'someone-else',
      );
    }
    for (const role of ROLES) {
      await app.addAccount(`tk-${role}`, role);
      const c = consoleClient(app.url);
      expect((await c.signIn(`tk-${role}`, TEST_PASSWORD)).status).toBe(303);
      clients.set(role, c);
    }
  });
  afterAll(() => app.close());

  for (const role of ROLES) {
    it(`when a ${role} posts to each action, then exactly the actions outside the role get 403`, async () => {
      const c = clients.get(role)!;
      for (const action of ACTIONS) {
        const res = await c.post(action.path, action.fields);
        if (action.allowed.includes(role)) expect(res.status, `${role} ${action.path}`).not.toBe(403);
        else {
          expect(res.status, `${role} ${action.path}`).toBe(403);
          expect(res.text).toContain('Không có quyền');
        }
      }
    });

    it(`when a ${role} opens the restricted pages, then the server answers 403 outside the role and every role can read`, async () => {
      const c = clients.get(role)!;
      for (const page of PAGES) {
        const res = await c.get(page.path);
        expect(res.status, `${role} ${page.path}`).toBe(page.allowed.includes(role) ? 200 : 403);
      }
      for (const path of READABLE) expect((await c.get(path)).status, `${role} ${path}`).toBe(200);
    });
  }

  it('when a viewer is shown a campaign, then no action buttons are offered (and the server refuses them anyway)', async () => {
    const res = await clients.get('viewer')!.get('/admin/campaigns/1');
    expect(res.text).not.toContain('/admin/campaigns/1/approve');
    expect(res.text).not.toContain('/admin/campaigns/1/cancel');
  });
});

describe('console CSRF protection', () => {
  let app: ConsoleTestApp;
  let admin: ConsoleClient;
  beforeAll(async () => {
    app = await buildConsoleApp();
    admin = await app.signInAs('quan-tri', 'admin');
  });
  afterAll(() => app.close());

  it.each([
    ['without a token', false],
    ['with a wrong token', 'not-the-session-token'],
  ] as const)(
    'when an admin form is posted %s, then it is refused with 403 and nothing changes',
    async (_label, csrf) => {
      const res = await admin.post(
        '/admin/users',
        { name: 'ke-gian', role: 'admin', password: 'mật khẩu dài đủ' },
        { csrf },
      );
      expect(res.status).toBe(403);
      expect(res.text).toContain('Biểu mẫu đã hết hạn');
      expect((await admin.get('/admin/users')).text).not.toContain('ke-gian');
    },
  );

  it("when another session's token is used, then it is refused", async () => {
    const other = consoleClient(app.url);
    await other.signIn('quan-tri', TEST_PASSWORD);
    const res = await admin.post(
      '/admin/users',
      { name: 'ke-gian-2', role: 'admin', password: 'mật khẩu dài đủ' },
      { csrf: other.csrf! },
    );
    expect(res.status).toBe(403);
  });

  it('when every state-changing route is posted without a token, then each answers 403', async () => {
    for (const action of ACTIONS) {
      expect((await admin.post(action.path, action.fields, { csrf: false })).status, action.path).toBe(403);
    }
    expect((await admin.post('/admin/logout', {}, { csrf: false })).status).toBe(403);
  });

  it('when the form carries the right token, then the change is made and audited with the account name', async () => {
    const res = await admin.post('/admin/users', { name: 'can-bo-moi', role: 'editor', password: 'mật khẩu dài đủ' });
    expect(res.status).toBe(303);
    const entry = app.broadcast.audit.list().find((e) => e.action === 'account.create');
    expect(entry).toMatchObject({ actor: 'quan-tri', details: { account: 'can-bo-moi', role: 'editor' } });
  });
});
