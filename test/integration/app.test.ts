import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { captureLogs } from '../helpers/capture-logs.js';
import { listen } from '../helpers/listen.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('GET /healthz', () => {
  it('when the app is ready, then it answers 200 with the content version, inbox and reply counts and the storage state', async () => {
    app = await buildTestApp();

    const res = await fetch(`${app.url}/healthz`);

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      content: 'test',
      inbox: { pending: 0, failed: 0, done: 0 },
      replies: { pending: 0, sending: 0, sent: 0, failed: 0, unknown: 0, resentUnknown: 0, unsettled: 0 },
      storage: 'ok',
    });
  });
});

describe('GET /zalo_verifier<CODE>.html', () => {
  it('when a verifier code is configured, then its page carries Zalo’s verification meta tag', async () => {
    app = await buildTestApp({ verifierCode: 'Clsq2DB_x-9' });

    const res = await fetch(`${app.url}/zalo_verifierClsq2DB_x-9.html`);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<meta property="zalo-platform-site-verification" content="Clsq2DB_x-9" />');
    expect((await fetch(`${app.url}/zalo_verifierOTHER.html`)).status).toBe(404);
  });

  it('when no verifier code is configured, then there is no verifier page', async () => {
    app = await buildTestApp();

    const res = await fetch(`${app.url}/zalo_verifier.html`);

    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not found' });
  });
});

describe('unknown routes', () => {
  it('when a path or method is not served, then the answer is a JSON 404', async () => {
    app = await buildTestApp();

    const missing = await fetch(`${app.url}/nothing-here`);
    const getWebhook = await fetch(`${app.url}/webhook/zalo`);

    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'not found' });
    expect(getWebhook.status).toBe(404);
  });
});

describe('createApp', () => {
  it('when the app is not ready, then /healthz answers 503', async () => {
    const logs = captureLogs();
    const server = await listen(
      createApp({ webhook: express.Router(), health: () => ({ ready: false }), log: logs.log }),
    );
    try {
      const res = await fetch(`${server.url}/healthz`);

      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable' });
    } finally {
      await server.close();
    }
  });

  it('when a route throws, then the answer is a bare 500 and the error is logged', async () => {
    const logs = captureLogs();
    const admin = express.Router().get('/boom', () => {
      throw new Error('database exploded at /var/secret/path');
    });
    const server = await listen(
      createApp({ webhook: express.Router(), health: () => ({ ready: true }), admin, log: logs.log }),
    );
    try {
      const res = await fetch(`${server.url}/admin/boom`);

      expect(res.status).toBe(500);
      expect(await res.text()).toBe('{"error":"internal error"}');
      expect(logs.lines()).toContainEqual(
        expect.objectContaining({ msg: 'unhandled error in HTTP request', path: '/admin/boom' }),
      );
    } finally {
      await server.close();
    }
  });
});
