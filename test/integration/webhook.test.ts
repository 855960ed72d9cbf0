import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_ZALO } from '../../src/config/parse-config.js';
import { hashUserId } from '../../src/shared/logger.js';
import { computeZaloMac } from '../../src/zalo/zalo-signature.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';
import { signZaloRequest } from '../helpers/sign-zalo.js';
import { loadWebhookFixtures, webhookFixture } from '../helpers/webhook-fixtures.js';

const README = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

/** The shell example of the README: its variables and body, exactly as printed. */
function readmeExample() {
  const block = README.match(/```sh\n(APP_ID=[\s\S]*?)```/)?.[1] ?? '';
  const vars = Object.fromEntries([...block.matchAll(/\b(APP_ID|SECRET|TS)=(\S+)/g)].map((m) => [m[1], m[2]]));
  const body = block.match(/^BODY='(.*)'$/m)?.[1] ?? '';
  return { appId: vars.APP_ID ?? '', secret: vars.SECRET ?? '', ts: vars.TS ?? '', body };
}

describe('POST /webhook/zalo', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await buildTestApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it('when the README example is replayed against the sandbox credentials, then it is acknowledged and the resident gets a reply', async () => {
    const example = readmeExample();
    expect(example).toMatchObject({ appId: SANDBOX_ZALO.appId, secret: SANDBOX_ZALO.oaSecretKey });
    const userId = (JSON.parse(example.body) as { sender: { id: string } }).sender.id;
    app.sim.addUser({ userId, isFollower: true });
    app.sim.touchUser(userId);
    // the README computes the MAC with sha256sum over "$APP_ID$BODY$TS$SECRET"
    const mac = createHash('sha256')
      .update(`${example.appId}${example.body}${example.ts}${example.secret}`)
      .digest('hex');

    const res = await app.post(example.body, { 'X-ZEvent-Signature': `mac=${mac}` });
    await app.settle();

    expect(res).toEqual({ status: 200, body: { ok: true } });
    expect(app.sim.sentToUser(userId).map((m) => m.text)).toEqual([
      'Cảm ơn bạn đã nhắn tin. Phần trả lời tự động đang được hoàn thiện; cán bộ sẽ xem và trả lời bạn sớm nhất có thể.',
    ]);
  });

  it('when a signature is sent with or without the mac= prefix, then both are accepted', async () => {
    const withPrefix = JSON.stringify(app.sim.events.userSendText('5510185758261927916', 'a'));
    const without = JSON.stringify(app.sim.events.userSendText('5510185758261927916', 'b'));

    expect((await app.postSigned(withPrefix, { prefix: true })).status).toBe(200);
    expect((await app.postSigned(without, { prefix: false })).status).toBe(200);
    expect(app.inboxRows()).toBe(2);
  });

  describe('rejections', () => {
    const valid = () => JSON.stringify(app.sim.events.userSendText('5510185758261927916', 'SECRET-BODY-MARKER'));
    const cases: Array<{
      name: string;
      status: number;
      request: () => { raw: string | Buffer; headers: Record<string, string> };
    }> = [
      { name: 'no signature header', status: 401, request: () => ({ raw: valid(), headers: {} }) },
      {
        name: 'a wrong signature',
        status: 401,
        request: () => ({ raw: valid(), headers: { 'X-ZEvent-Signature': `mac=${'ab'.repeat(32)}` } }),
      },
      {
        name: 'the signature of another body',
        status: 401,
        request: () => {
          const other = JSON.stringify(app.sim.events.userSendText('5510185758261927916', 'other'));
          return {
            raw: valid(),
            headers: { 'X-ZEvent-Signature': signZaloRequest(other, { oaSecretKey: SANDBOX_ZALO.oaSecretKey }) },
          };
        },
      },
      {
        name: 'a signature made with the app secret instead of the OA secret',
        status: 401,
        request: () => {
          const raw = valid();
          return {
            raw,
            headers: { 'X-ZEvent-Signature': signZaloRequest(raw, { oaSecretKey: SANDBOX_ZALO.appSecret }) },
          };
        },
      },
      {
        name: 'a correctly signed body of a foreign app_id',
        status: 403,
        request: () => {
          const raw = valid().replace(`"app_id":"${SANDBOX_ZALO.appId}"`, '"app_id":"3570977494304483078"');
          return {
            raw,
            headers: { 'X-ZEvent-Signature': signZaloRequest(raw, { oaSecretKey: SANDBOX_ZALO.oaSecretKey }) },
          };
        },
      },
      {
        name: 'a body over 64 KiB',
        status: 413,
        request: () => {
          const raw = JSON.stringify(
            app.sim.events.userSendText('5510185758261927916', 'SECRET-BODY-MARKER'.repeat(4000)),
          );
          return {
            raw,
            headers: { 'X-ZEvent-Signature': signZaloRequest(raw, { oaSecretKey: SANDBOX_ZALO.oaSecretKey }) },
          };
        },
      },
      {
        name: 'malformed JSON',
        status: 400,
        request: () => ({
          raw: '{"event_name":"user_send_text", SECRET-BODY-MARKER',
          headers: { 'X-ZEvent-Signature': `mac=${'0'.repeat(64)}` },
        }),
      },
      {
        name: 'a JSON array',
        status: 400,
        request: () => ({ raw: '["SECRET-BODY-MARKER"]', headers: { 'X-ZEvent-Signature': `mac=${'0'.repeat(64)}` } }),
      },
      {
        name: 'a correctly signed user_send_text without a sender',
        status: 400,
        request: () => {
          const body = {
            ...app.sim.events.userSendText('5510185758261927916', 'SECRET-BODY-MARKER'),
            sender: undefined,
          };
          const raw = JSON.stringify(body);
          return {
            raw,
            headers: { 'X-ZEvent-Signature': signZaloRequest(raw, { oaSecretKey: SANDBOX_ZALO.oaSecretKey }) },
          };
        },
      },
      {
        name: 'a correctly signed unmodelled event nested 20,000 levels deep',
        status: 400,
        request: () => {
          const raw = `{"app_id":"${SANDBOX_ZALO.appId}","event_name":"user_send_future","timestamp":"1764385200000","x":${'['.repeat(20_000)}"SECRET-BODY-MARKER"${']'.repeat(20_000)}}`;
          return {
            raw,
            headers: { 'X-ZEvent-Signature': signZaloRequest(raw, { oaSecretKey: SANDBOX_ZALO.oaSecretKey }) },
          };
        },
      },
      {
        name: 'a correctly signed user_send_text carrying a field nested 8,000 levels deep',
        status: 400,
        request: () => {
          const body = app.sim.events.userSendText('5510185758261927916', 'SECRET-BODY-MARKER');
          const deep = `${'{"a":'.repeat(8_000)}1${'}'.repeat(8_000)}`;
          const raw = JSON.stringify(body).replace(/}$/, `,"extra":${deep}}`);
          return {
            raw,
            headers: { 'X-ZEvent-Signature': signZaloRequest(raw, { oaSecretKey: SANDBOX_ZALO.oaSecretKey }) },
          };
        },
      },
    ];

    it.each(cases)(
      'when the request has $name, then it gets $status, nothing is stored and the warning omits the body',
      async ({ status, request }) => {
        const { raw, headers } = request();

        const res = await app.post(raw, headers);
        await app.settle();

        expect(res.status).toBe(status);
        expect(res.body).toEqual({ ok: false, error: expect.any(String) });
        expect(app.inboxRows()).toBe(0);
        expect(app.logs.lines().some((l) => l.msg === 'webhook rejected' && l.status === status)).toBe(true);
        expect(app.logs.text()).not.toContain('SECRET-BODY-MARKER');
        expect(app.sim.requests.filter((r) => r.path.includes('/message/'))).toEqual([]);
      },
    );
  });

  it('when the same message is delivered 5 times, one after another and at once, then it is answered once', async () => {
    const user = app.sim.addUser({ isFollower: true });

    const sequential = await app.sim.sendUserText(user.userId, 'xin chào', { duplicates: 4 });
    const body = app.sim.events.userSendText(user.userId, 'chào lần nữa');
    const concurrent = await app.sim.emit(body, { duplicates: 4, concurrent: true });
    await app.settle();

    expect(sequential.statuses).toEqual([200, 200, 200, 200, 200]);
    expect(concurrent.statuses).toEqual([200, 200, 200, 200, 200]);
    expect(app.sim.sentToUser(user.userId)).toHaveLength(2);
    expect(app.inboxRows()).toBe(2);
  });

  it('when the OA’s own messages come back as oa_send_* echoes, then they are never answered', async () => {
    const user = app.sim.addUser({ isFollower: true });
    app.sim.touchUser(user.userId);

    for (const kind of ['text', 'image', 'sticker'] as const) {
      expect((await app.sim.emit(app.sim.events.oaSend(kind, user.userId, { text: 'tin của OA' }))).status).toBe(200);
    }
    await app.sim.emit(
      app.sim.events.oaSend('text', user.userId, { text: 'cán bộ trả lời', adminId: '4267886274574868951' }),
    );
    await app.settle();

    expect(app.inboxRows()).toBe(4);
    expect(app.sim.sentToUser(user.userId)).toEqual([]);
  });

  it('when a resident withdraws consent, then their resident, inbox, outbound and reply outbox rows are erased', async () => {
    const user = app.sim.addUser({ isFollower: true });
    const other = app.sim.addUser({ isFollower: true });
    await app.sim.emit(app.sim.events.follow(user.userId));
    await app.sim.sendUserText(user.userId, 'tôi muốn hỏi');
    await app.sim.sendUserText(other.userId, 'tôi cũng hỏi');
    await app.settle();
    const count = (table: string, column: string, id: string) =>
      (app.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`).get(id) as { n: number }).n;
    expect(count('residents', 'user_id', user.userId)).toBe(1);
    expect(count('outbound_messages', 'user_id', user.userId)).toBe(2);
    expect(count('reply_outbox', 'user_id', user.userId)).toBe(2);

    await app.sim.emit(app.sim.events.userWithdraw(user.userId));
    await app.settle();

    expect(count('residents', 'user_id', user.userId)).toBe(0);
    expect(count('inbox_events', 'user_key', user.userId)).toBe(0);
    expect(count('outbound_messages', 'user_id', user.userId)).toBe(0);
    expect(count('reply_outbox', 'user_id', user.userId)).toBe(0);
    expect(count('reply_outbox', 'user_id', other.userId)).toBe(1);
    expect(count('residents', 'user_id', other.userId)).toBe(1);
    expect(count('inbox_events', 'user_key', other.userId)).toBe(1);
  });

  it('when residents write, then the logs hold neither their texts, their ids nor any token or secret', async () => {
    const user = app.sim.addUser({ isFollower: true });
    const text = 'Nhà tôi ở thôn Đông, số điện thoại 0912345678';

    await app.sim.sendUserText(user.userId, text);
    await app.settle();

    const logged = app.logs.text();
    expect(app.sim.sentToUser(user.userId)).toHaveLength(1);
    expect(logged).toContain(hashUserId(user.userId));
    expect(logged).not.toContain('0912345678');
    expect(logged).not.toContain(user.userId);
    for (const secret of [
      app.bootstrapTokens.accessToken,
      app.bootstrapTokens.refreshToken,
      SANDBOX_ZALO.oaSecretKey,
      SANDBOX_ZALO.appSecret,
    ]) {
      expect(logged).not.toContain(secret);
    }
  });
});

describe('POST /webhook/zalo with LOG_MESSAGE_TEXT=true', () => {
  it('when a resident writes, then the text is logged', async () => {
    const app = await buildTestApp({ logMessageText: true });
    try {
      const user = app.sim.addUser({ isFollower: true });
      await app.sim.sendUserText(user.userId, 'số điện thoại 0912345678');
      await app.settle();
      expect(app.logs.text()).toContain('0912345678');
    } finally {
      await app.close();
    }
  });
});

describe('POST /webhook/zalo with every published Zalo example', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it.each(loadWebhookFixtures().map((f) => [f.file, f] as const))(
    'when %s arrives signed (twice), then it is acknowledged, stored once and processed without failure',
    async (_file, fixture) => {
      const appId = typeof fixture.body.app_id === 'string' ? fixture.body.app_id : SANDBOX_ZALO.appId;
      app = await buildTestApp({ appId, startProcessor: false });

      const res = await app.postSigned(fixture.raw);
      const again = await app.postSigned(fixture.raw);
      const stored = app.db.prepare('SELECT event_name, raw FROM inbox_events').all();
      app.processor.start();
      await app.settle();

      expect(res).toEqual({ status: 200, body: { ok: true } });
      expect(again).toEqual({ status: 200, body: { ok: true } });
      expect(stored).toEqual([{ event_name: fixture.body.event_name, raw: fixture.raw }]);
      expect(app.inbox.stats()).toMatchObject({ pending: 0, failed: 0 });
    },
  );

  it('when a body without app_id is signed with the configured app id, then it is accepted, and refused when signed with an empty app id', async () => {
    const fixture = webhookFixture('extension_purchased.json');
    app = await buildTestApp();
    const mac = computeZaloMac(
      SANDBOX_ZALO.appId,
      fixture.raw,
      String(fixture.body.timestamp),
      SANDBOX_ZALO.oaSecretKey,
    );
    const forged = computeZaloMac('', fixture.raw, String(fixture.body.timestamp), SANDBOX_ZALO.oaSecretKey);

    expect((await app.post(fixture.raw, { 'X-ZEvent-Signature': forged })).status).toBe(401);
    expect((await app.post(fixture.raw, { 'X-ZEvent-Signature': mac })).status).toBe(200);
  });
});
