import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConsoleApp, TEST_PASSWORD, type ConsoleTestApp } from '../helpers/build-console-app.js';
import { consoleClient } from '../helpers/console-client.js';

describe('console: signed-out visitors store nothing', () => {
  let app: ConsoleTestApp;
  beforeEach(async () => {
    app = await buildConsoleApp();
    await app.addAccount('lan', 'editor');
  });
  afterEach(() => app.close());

  const sessionRows = () => (app.db.prepare('SELECT COUNT(*) AS n FROM admin_sessions').get() as { n: number }).n;

  it('when 1,000 cookieless visitors open the sign-in page, then no session row is stored', async () => {
    const before = sessionRows();
    for (let batch = 0; batch < 20; batch++) {
      const pages = await Promise.all(Array.from({ length: 50 }, () => fetch(`${app.url}/admin/login`)));
      for (const page of pages) {
        expect(page.status).toBe(200);
        expect(await page.text()).toMatch(/name="_csrf" value="[^"]+"/);
      }
    }
    await Promise.all(Array.from({ length: 50 }, () => fetch(`${app.url}/admin/campaigns`, { redirect: 'manual' })));
    expect(sessionRows() - before).toBe(0);
  });

  it('when a visitor signs in with the form it was given, then exactly one session row is stored', async () => {
    const c = consoleClient(app.url);
    await c.get('/admin/login');
    expect(sessionRows()).toBe(0);
    expect((await c.post('/admin/login', { name: 'lan', password: TEST_PASSWORD })).status).toBe(303);
    expect(sessionRows()).toBe(1);
    expect((await c.get('/admin')).status).toBe(200);
  });

  it('when the sign-in form is posted with another visitor’s token, then it is refused with 403', async () => {
    const victim = consoleClient(app.url);
    const attacker = consoleClient(app.url);
    await victim.get('/admin/login');
    await attacker.get('/admin/login');
    const res = await victim.post('/admin/login', { name: 'lan', password: TEST_PASSWORD }, { csrf: attacker.csrf! });
    expect(res.status).toBe(403);
    expect(sessionRows()).toBe(0);
  });

  it('when a visitor’s form is older than 2 hours, then it is refused and a fresh form works', async () => {
    const c = consoleClient(app.url);
    await c.get('/admin/login');
    app.clock.advance(2 * 3600_000 + 1);
    expect((await c.post('/admin/login', { name: 'lan', password: TEST_PASSWORD })).status).toBe(403);
    await c.get('/admin/login');
    expect((await c.post('/admin/login', { name: 'lan', password: TEST_PASSWORD })).status).toBe(303);
  });
});
