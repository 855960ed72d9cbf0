import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import axios from 'axios';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n/create-i18n.js';
import { createSilentLogger } from '../../src/shared/logger.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/start-sandbox.js';
import { isValidZaloSignature } from '../../src/zalo/zalo-signature.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';

const http = axios.create({ validateStatus: () => true, proxy: false });
const credentials = { appId: '1000000000000000001', appSecret: 'sandbox-app-secret', oaSecretKey: 'sandbox-oa-secret' };
const vi = JSON.parse(fs.readFileSync(path.resolve('locales/vi/sandbox.json'), 'utf8')) as {
  page: Record<string, string>;
  seed: Record<string, string>;
};

let sandbox: Sandbox;
let server: Server;
let appUrl: string;
/** What the echo webhook saw: event names of correctly signed events, and the count of rejected ones. */
const seen = { events: [] as string[], rejected: 0 };

/**
 * A minimal stand-in for the real app: `/sandbox` from the router under test and a webhook that
 * verifies Zalo's signature, answers 200 at once, then replies through the simulator's OpenAPI
 * like the bot would (a text echo with one quick-reply button; a welcome on follow).
 */
function createEchoApp(): express.Express {
  const app = express();
  app.use('/sandbox', sandbox.router);
  app.post('/webhook/zalo', express.raw({ type: 'application/json' }), (req, res) => {
    const rawBody = (req.body as Buffer).toString('utf8');
    const event = JSON.parse(rawBody) as {
      app_id: string;
      timestamp: string;
      event_name: string;
      sender?: { id: string };
      follower?: { id: string };
      message?: { text?: string };
    };
    const valid = isValidZaloSignature(req.get('X-ZEvent-Signature'), {
      appId: event.app_id,
      rawBody,
      timestamp: event.timestamp,
      oaSecretKey: credentials.oaSecretKey,
    });
    if (!valid) {
      seen.rejected += 1;
      res.sendStatus(401);
      return;
    }
    seen.events.push(event.event_name);
    res.sendStatus(200);
    if (event.event_name === 'user_send_text') {
      void sendCs(event.sender!.id, {
        text: `Trả lời: ${event.message!.text}`,
        attachment: {
          type: 'template',
          payload: { buttons: [{ title: 'Hộ nghèo là gì?', type: 'oa.query.show', payload: '#faq:ho-ngheo' }] },
        },
      });
    } else if (event.event_name === 'follow') {
      void sendCs(event.follower!.id, { text: 'Cảm ơn bạn đã quan tâm Loa xã.' });
    }
  });
  return app;
}

function sendCs(userId: string, message: unknown) {
  return http.post(
    `${sandbox.openapiUrl}/v3.0/oa/message/cs`,
    { recipient: { user_id: userId }, message },
    {
      headers: { access_token: sandbox.tokens.accessToken },
    },
  );
}

beforeAll(async () => {
  sandbox = await startSandbox({ credentials, t: createI18n().t, log: createSilentLogger() });
  server = await new Promise<Server>((resolve) => {
    const s = createEchoApp().listen(0, '127.0.0.1', () => resolve(s));
  });
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sandbox.setWebhookUrl(`${appUrl}/webhook/zalo`);
});

afterAll(async () => {
  await sandbox.close();
  await new Promise((resolve) => {
    server.close(resolve);
    server.closeAllConnections();
  });
});

describe('startSandbox', () => {
  it('when started, then demo groups are seeded (one disabled, one not owned) and the tokens work against the OpenAPI', async () => {
    const groups = sandbox.simulator.listGroups();
    expect(groups.map((g) => g.name)).toContain(vi.seed.povertyGroup);
    expect(groups.filter((g) => g.status === 'disabled')).toHaveLength(1);
    expect(groups.filter((g) => !g.owned)).toHaveLength(1);
    const list = await http.get(`${sandbox.openapiUrl}/v3.0/oa/group/getgroupsofoa`, {
      headers: { access_token: sandbox.tokens.accessToken },
    });
    expect(list.data.data.total).toBe(3);
  });
});

describe('sandbox API', () => {
  it('when bodies are invalid, then 400 with the Vietnamese message; when the resident is unknown, then 404; nothing is emitted', async () => {
    const before = sandbox.simulator.deliveries.length;
    const bad = await http.post(`${appUrl}/sandbox/api/messages`, { userId: 'abc', text: '' });
    expect(bad.status).toBe(400);
    expect(bad.data.message).toBe('Dữ liệu gửi lên không hợp lệ.');
    expect((await http.post(`${appUrl}/sandbox/api/residents`, { displayName: ' ' })).status).toBe(400);
    const notJson = await http.post(`${appUrl}/sandbox/api/residents`, '{"displayName":', {
      headers: { 'Content-Type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    expect(
      (await http.post(`${appUrl}/sandbox/api/messages`, { userId: '1234567890123456789', text: 'x'.repeat(2001) }))
        .status,
    ).toBe(400);
    expect(
      (await http.post(`${appUrl}/sandbox/api/messages`, { userId: '1234567890123456789', text: 'alo' })).status,
    ).toBe(404);
    expect((await http.get(`${appUrl}/sandbox/api/messages`, { params: { user: '1234567890123456789' } })).status).toBe(
      404,
    );
    expect(sandbox.simulator.deliveries.length).toBe(before);
  });

  it('when a resident writes, then a signed user_send_text reaches the webhook (202) and the reply is listed', async () => {
    const created = await http.post(`${appUrl}/sandbox/api/residents`, { displayName: 'Trần Văn Bình' });
    expect(created.status).toBe(201);
    const sent = await http.post(`${appUrl}/sandbox/api/messages`, {
      userId: created.data.userId,
      text: 'Vay vốn hộ nghèo',
    });
    expect(sent.status).toBe(202);
    await expect
      .poll(async () =>
        (await http.get(`${appUrl}/sandbox/api/messages`, { params: { user: created.data.userId } })).data.messages.map(
          (m: { from: string; text: string }) => `${m.from}:${m.text}`,
        ),
      )
      .toEqual(['resident:Vay vốn hộ nghèo', 'oa:Trả lời: Vay vốn hộ nghèo']);
  });

  it('when the page is served, then it carries the banner, a nonce CSP and no inline data', async () => {
    const page = await http.get(`${appUrl}/sandbox`);
    expect(page.status).toBe(200);
    expect(page.data).toContain(vi.page.banner);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'nonce-[^']+'/);
    expect(page.data).toContain('data-base="/sandbox"');
  });
});

describe('sandbox page in Chromium', () => {
  let browser: TestBrowser;
  const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-sandbox-shots-'));

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('when a resident follows, asks, taps a button and a broadcast lands, then the page shows it all, escaped, at phone and desktop widths', async () => {
    const page = await browser.newPage({ width: 390, height: 844 });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${appUrl}/sandbox`);
    await page.getByText(vi.page.banner!).waitFor();
    await page.getByLabel(vi.page.namePrompt!).fill('Nguyễn Thị Lan');
    await page.getByRole('button', { name: vi.page.start! }).click();
    await page.getByText('Nguyễn Thị Lan', { exact: true }).waitFor();
    expect(await page.getByLabel(vi.page.namePrompt!).isVisible()).toBe(false);

    await page.getByRole('button', { name: vi.page.follow! }).click();
    await page.getByText('Cảm ơn bạn đã quan tâm Loa xã.').waitFor();

    const input = page.getByPlaceholder(vi.page.inputPlaceholder!);
    await input.fill('Hộ cận nghèo được hỗ trợ gì?');
    await input.press('Enter');
    await page.getByText('Trả lời: Hộ cận nghèo được hỗ trợ gì?').waitFor();

    await page.getByRole('button', { name: 'Hộ nghèo là gì?' }).first().click();
    await page.getByText('Trả lời: #faq:ho-ngheo').waitFor();

    const hostile = '<img src=x onerror=alert(1)>';
    await input.fill(hostile);
    await input.press('Enter');
    await page.getByText(`Trả lời: ${hostile}`).waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);

    const group = sandbox.simulator.listGroups().find((g) => g.name === vi.seed.povertyGroup)!;
    const broadcast = await http.post(
      `${sandbox.openapiUrl}/v3.0/oa/group/message`,
      {
        recipient: { group_id: group.groupId },
        message: { text: 'Chuyên mục giảm nghèo tháng 11: hồ sơ rà soát hộ nghèo nộp trước 30/11.' },
      },
      { headers: { access_token: sandbox.tokens.accessToken } },
    );
    expect(broadcast.data.error).toBe(0);
    const card = page.locator(`[data-group-id="${group.groupId}"]`);
    await card.getByText('Chuyên mục giảm nghèo tháng 11', { exact: false }).waitFor();

    expect(seen.events).toEqual(expect.arrayContaining(['follow', 'user_send_text', 'oa_send_text']));
    expect(seen.rejected).toBe(0);
    expect(dialogs).toEqual([]);

    await page.screenshot({ path: path.join(shots, 'sandbox-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: path.join(shots, 'sandbox-1280.png'), fullPage: true });
    for (const file of ['sandbox-390.png', 'sandbox-1280.png'])
      expect(fs.statSync(path.join(shots, file)).size).toBeGreaterThan(10_000);
  });
});
