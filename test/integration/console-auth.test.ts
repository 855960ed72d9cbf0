import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConsoleApp, TEST_PASSWORD, type ConsoleTestApp } from '../helpers/build-console-app.js';
import { consoleClient } from '../helpers/console-client.js';

describe('console sign-in and sessions', () => {
  let app: ConsoleTestApp;
  beforeEach(async () => {
    app = await buildConsoleApp({ loginLimits: { perAccount: 3, perIp: 6, windowMs: 15 * 60_000 } });
    await app.addAccount('lan', 'editor');
  });
  afterEach(() => app.close());

  it('when signed out, then a console page redirects to sign-in and comes back after it', async () => {
    const c = consoleClient(app.url);
    const first = await c.get('/admin/campaigns');
    expect(first.status).toBe(303);
    expect(first.location).toBe('/admin/login?next=%2Fadmin%2Fcampaigns');
    const form = await c.get(first.location!);
    expect(form.status).toBe(200);
    expect(form.text).toContain('Đăng nhập');
    const signedIn = await c.post('/admin/login', { name: 'lan', password: TEST_PASSWORD, next: '/admin/campaigns' });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe('/admin/campaigns');
    expect((await c.get('/admin/campaigns')).status).toBe(200);
  });

  it('when signing in, then the cookie is a new HttpOnly, SameSite=Lax session limited to /admin, not Secure over plain HTTP', async () => {
    const c = consoleClient(app.url);
    await c.get('/admin/login');
    const anonymous = c.cookie;
    const res = await c.post('/admin/login', { name: 'LAN', password: TEST_PASSWORD });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/admin/);
    expect(cookie).not.toMatch(/Secure/);
    expect(c.cookie).not.toBe(anonymous);
  });

  it('when X-Forwarded-Proto says https but no proxy is trusted, then the cookie is still not Secure', async () => {
    const c = consoleClient(app.url);
    const res = await c.get('/admin/login', { 'x-forwarded-proto': 'https' });
    expect(res.headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('when the password is wrong or the name unknown, then both get the same 401 answer', async () => {
    const c = consoleClient(app.url);
    await c.get('/admin/login');
    const wrong = await c.post('/admin/login', { name: 'lan', password: 'sai mật khẩu rồi' });
    const unknown = await c.post('/admin/login', { name: 'khong-co', password: 'sai mật khẩu rồi' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.text).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(unknown.text).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect((await c.get('/admin')).status).toBe(303);
  });

  it('when an account has too many failures, then even the right password is refused with 429 until the window passes', async () => {
    const c = consoleClient(app.url);
    await c.get('/admin/login');
    for (let i = 0; i < 3; i++)
      expect((await c.post('/admin/login', { name: 'lan', password: 'wrong password' })).status).toBe(401);
    const locked = await c.post('/admin/login', { name: 'lan', password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    app.clock.advance(15 * 60_000 + 1);
    expect((await c.post('/admin/login', { name: 'lan', password: TEST_PASSWORD })).status).toBe(303);
  });

  it('when one address fails across many names, then that address is refused for every name', async () => {
    const c = consoleClient(app.url);
    await c.get('/admin/login');
    for (let i = 0; i < 6; i++) await c.post('/admin/login', { name: `ai-do-${i}`, password: 'wrong password' });
    expect((await c.post('/admin/login', { name: 'lan', password: TEST_PASSWORD })).status).toBe(429);
  });

  it('when the sign-in form is posted without its CSRF token, then it is refused with 403', async () => {
    const c = consoleClient(app.url);
    await c.get('/admin/login');
    const res = await c.post('/admin/login', { name: 'lan', password: TEST_PASSWORD }, { csrf: false });
    expect(res.status).toBe(403);
    expect((await c.get('/admin')).status).toBe(303);
  });

  it('when signing out, then the old session cookie no longer works', async () => {
    const c = consoleClient(app.url);
    await c.signIn('lan', TEST_PASSWORD);
    const cookie = c.cookie;
    expect((await c.post('/admin/logout')).status).toBe(303);
    c.cookie = cookie;
    expect((await c.get('/admin')).status).toBe(303);
  });

  it('when a session sits idle for longer than 12 hours, then it has expired', async () => {
    const c = consoleClient(app.url);
    await c.signIn('lan', TEST_PASSWORD);
    app.clock.advance(12 * 3600_000 + 1);
    expect((await c.get('/admin')).status).toBe(303);
  });

  it('when a console page is served, then it carries a strict CSP, no-store and anti-framing headers', async () => {
    const c = consoleClient(app.url);
    await c.signIn('lan', TEST_PASSWORD);
    const res = await c.get('/admin');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('when a redirect target after sign-in points outside the console, then it is ignored', async () => {
    const c = consoleClient(app.url);
    await c.get('/admin/login');
    const res = await c.post('/admin/login', { name: 'lan', password: TEST_PASSWORD, next: '//evil.example/admin' });
    expect(res.location).toBe('/admin');
  });

  it('when a machine calls /admin/api with the bearer token, then the JSON API still answers', async () => {
    const res = await fetch(`${app.url}/admin/api/campaigns`, {
      headers: { authorization: 'Bearer console-test-admin-token-0123456789' },
    });
    expect(res.status).toBe(200);
    const unauth = await fetch(`${app.url}/admin/api/campaigns`);
    expect(unauth.status).toBe(401);
  });
});

describe('console behind a trusted TLS proxy', () => {
  it('when the proxy says https, then the session cookie is Secure', async () => {
    const app = await buildConsoleApp({ trustProxy: true });
    try {
      const c = consoleClient(app.url);
      const res = await c.get('/admin/login', { 'x-forwarded-proto': 'https' });
      expect(res.headers.get('set-cookie')).toMatch(/Secure/);
    } finally {
      await app.close();
    }
  });
});

describe('console sign-in under parallel guessing', () => {
  let app: ConsoleTestApp;
  beforeEach(async () => {
    app = await buildConsoleApp({ trustProxy: true, loginLimits: { perAccount: 3, perIp: 6, windowMs: 15 * 60_000 } });
    await app.addAccount('lan', 'editor');
    await app.addAccount('hoa', 'editor');
  });
  afterEach(() => app.close());

  const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });

  it('when 40 wrong passwords arrive in parallel, then all but 3 get 429 and the right password is refused too from that address', async () => {
    const attacker = consoleClient(app.url);
    await attacker.get('/admin/login', from('203.0.113.7').headers);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        attacker.post('/admin/login', { name: 'lan', password: `sai mật khẩu ${i}` }, from('203.0.113.7')),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(37);
    const right = await attacker.post('/admin/login', { name: 'lan', password: TEST_PASSWORD }, from('203.0.113.7'));
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    // 38 refusals, one warning line: the rest are counted into the next minute's summary
    const refused = app.logs.lines().filter((l) => l.msg === 'console sign-in refused' && l.reason === 'rate_limited');
    expect(refused).toHaveLength(1);
  });

  it('when one address has locked an account, then the owner at another address and a colleague at the same address still sign in', async () => {
    const attacker = consoleClient(app.url);
    await attacker.get('/admin/login', from('203.0.113.7').headers);
    await Promise.all(
      Array.from({ length: 40 }, () =>
        attacker.post('/admin/login', { name: 'lan', password: 'sai mật khẩu' }, from('203.0.113.7')),
      ),
    );
    const owner = consoleClient(app.url);
    await owner.get('/admin/login', from('198.51.100.20').headers);
    const own = await owner.post('/admin/login', { name: 'lan', password: TEST_PASSWORD }, from('198.51.100.20'));
    expect(own.status).toBe(303);
    const colleague = consoleClient(app.url);
    await colleague.get('/admin/login', from('203.0.113.7').headers);
    const hoa = await colleague.post('/admin/login', { name: 'hoa', password: TEST_PASSWORD }, from('203.0.113.7'));
    expect(hoa.status).toBe(303);
  });
});

describe('console sign-in when no proxy is trusted', () => {
  it('when a guesser varies X-Forwarded-For, then it is still one address and stays locked', async () => {
    const app = await buildConsoleApp({ loginLimits: { perAccount: 3, perIp: 6, windowMs: 15 * 60_000 } });
    try {
      await app.addAccount('lan', 'editor');
      const c = consoleClient(app.url);
      await c.get('/admin/login');
      const statuses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          c
            .post(
              '/admin/login',
              { name: 'lan', password: 'sai mật khẩu' },
              { headers: { 'x-forwarded-for': `10.9.0.${i}` } },
            )
            .then((r) => r.status),
        ),
      );
      expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    } finally {
      await app.close();
    }
  });
});
