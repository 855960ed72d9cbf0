import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/admin/auth/roles.js';
import { buildConsoleApp, type ConsoleTestApp } from '../helpers/build-console-app.js';
import type { ConsoleClient } from '../helpers/console-client.js';

/** English an official could meet on a page: leftovers from code, status codes, role codes. */
const ENGLISH = [
  'Official Account',
  'system',
  'admin',
  'approver',
  'editor',
  'viewer',
  'draft',
  'approved',
  'paused',
  'cancelled',
  'completed',
  'pending',
  'sending',
  'failed',
  'unknown',
  'skipped',
  'enabled',
  'disabled',
  'deleted',
  'commune',
  'agency',
  'Campaign',
  'Dashboard',
  'Settings',
  'Submit',
  'Cancel',
  'Save',
  'Delete',
  'Edit',
  'Login',
  'Logout',
  'Sign in',
  'Password',
  'Loading',
  'Error',
  'undefined',
  'null',
  'NaN',
  'true',
  'false',
  'Invalid Date',
  'object Object',
];
const PATTERN = new RegExp(`\\b(${ENGLISH.map((w) => w.replace(/ /g, '\\s+')).join('|')})\\b`, 'i');

/** What a reader sees: text nodes and the attributes browsers show (title, placeholder, aria-label, alt). */
function visibleText(page: string): string {
  const attrs = [...page.matchAll(/\s(?:title|placeholder|aria-label|alt|data-confirm)="([^"]*)"/g)].map((m) => m[1]);
  const body = page
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return [body, ...attrs]
    .join('\n')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every console page reachable by links from the dashboard (GET, same site, no downloads). */
async function crawl(client: ConsoleClient, extra: string[]): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = ['/admin', ...extra];
  while (queue.length > 0 && seen.size < 80) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    const res = await client.get(path);
    seen.set(path, res.text);
    for (const m of res.text.matchAll(/href="(\/admin[^"#]*)/g)) {
      const next = m[1]!.replace(/&amp;/g, '&');
      if (/\.(csv|css|js|svg|ico)(\?|$)|\/assets\/|\/logout/.test(next) || seen.has(next)) continue;
      queue.push(next);
    }
  }
  return seen;
}

describe('console: every word Vietnamese', () => {
  let app: ConsoleTestApp;
  const clients = new Map<Role, ConsoleClient>();
  let extra: string[] = [];

  beforeAll(async () => {
    app = await buildConsoleApp({ approvalNotifyGroupId: 'canbo' });
    app.sim.addGroup({ groupId: 'g1', name: 'Xã Đông Phú' });
    app.sim.addGroup({ groupId: 'g2', name: 'Xã Tây Sơn', status: 'disabled' });
    app.sim.addGroup({ groupId: 'canbo', name: 'Nhóm cán bộ' });
    for (const [name, role] of [
      ['quan-tri', 'admin'],
      ['lanh-dao', 'approver'],
      ['bien-tap', 'editor'],
      ['chi-xem', 'viewer'],
    ] as const)
      clients.set(role, await app.signInAs(name, role));
    const editor = clients.get('editor')!;
    expect((await editor.post('/admin/groups/sync')).status).toBe(303);
    const base = {
      text: 'Kính gửi bà con: họp thôn.',
      all: '1',
      scheduleType: 'once',
      onceDate: '29/11/2026',
      onceTime: '11:00',
    };
    const sent = await editor.post('/admin/campaigns', { ...base, title: 'Tin đã gửi' });
    const sentPath = sent.location!.split('?')[0]!;
    expect((await clients.get('approver')!.post(`${sentPath}/approve`)).status).toBe(303);
    const asked = await editor.post('/admin/campaigns', { ...base, title: 'Tin chờ duyệt', scheduleType: 'now' });
    const askedPath = asked.location!.split('?')[0]!;
    expect((await editor.post(`${askedPath}/request-approval`)).status).toBe(303);
    app.clock.advance(61 * 60_000);
    for (let i = 0; i < 3; i++) await app.broadcast.scheduler.tick();
    extra = [sentPath, askedPath, `${askedPath}/edit`, '/admin/campaigns/new', '/admin/khong-co-trang-nay'];
  }, 60_000);
  afterAll(() => app.close());

  it.each(['admin', 'approver', 'editor', 'viewer'] as Role[])(
    'when a %s walks every page, then no English word is shown',
    async (role) => {
      const pages = await crawl(clients.get(role)!, extra);
      expect(pages.size).toBeGreaterThan(8);
      const found = [...pages].flatMap(([path, page]) => {
        const words = [...visibleText(page).matchAll(new RegExp(PATTERN.source, 'gi'))].map((m) => m[0]);
        return words.map((w) => `${path}: “${w}”`);
      });
      expect(found).toEqual([]);
    },
    60_000,
  );

  it('when the word list is checked against an English page, then it catches it', () => {
    expect(PATTERN.test(visibleText('<p>Status: <b>draft</b></p>'))).toBe(true);
    expect(PATTERN.test(visibleText('<p>Tin thuộc Official  Account</p>'))).toBe(true);
    expect(PATTERN.test(visibleText('<p>Bản nháp</p>'))).toBe(false);
  });
});
