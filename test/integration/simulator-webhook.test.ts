import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import express from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/shared/clock.js';
import { createZaloSimulator, type ZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';
import { createManualScheduler, type ManualScheduler } from '../../src/simulator/scheduler.js';
import { RETRY_DELAYS_MS } from '../../src/simulator/webhook-emitter.js';
import { isValidZaloSignature } from '../../src/zalo/zalo-signature.js';

interface Received {
  rawBody: string;
  signature: string | undefined;
  numRetry: string | undefined;
  contentType: string | undefined;
}

let clock: ReturnType<typeof createManualClock>;
let scheduler: ManualScheduler;
let sim: ZaloSimulator;
let received: Received[];
let receiver: { url: string; server: Server; resetNext: number };

beforeEach(async () => {
  clock = createManualClock();
  scheduler = createManualScheduler(clock);
  sim = createZaloSimulator({ clock, scheduler });
  received = [];
  receiver = await startReceiver();
  sim.setWebhook(`${receiver.url}/webhook/zalo`);
});

afterEach(async () => {
  await sim.close();
  await new Promise((resolve) => {
    receiver.server.close(resolve);
    receiver.server.closeAllConnections();
  });
});

/** A webhook endpoint that records raw deliveries; `resetNext` drops that many connections first. */
async function startReceiver(): Promise<typeof receiver> {
  const app = express();
  const state = { resetNext: 0 } as typeof receiver;
  app.post('/webhook/zalo', express.raw({ type: '*/*' }), (req, res) => {
    if (state.resetNext > 0) {
      state.resetNext -= 1;
      req.socket.destroy();
      return;
    }
    received.push({
      rawBody: (req.body as Buffer).toString('utf8'),
      signature: req.get('X-ZEvent-Signature'),
      numRetry: req.get('num_retry'),
      contentType: req.get('Content-Type'),
    });
    res.sendStatus(200);
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return Object.assign(state, { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}

function validFor(r: Received): boolean {
  const body = JSON.parse(r.rawBody) as { app_id: string; timestamp: string };
  return isValidZaloSignature(r.signature, {
    appId: body.app_id,
    rawBody: r.rawBody,
    timestamp: body.timestamp,
    oaSecretKey: sim.oaSecretKey,
  });
}

/** A URL on 127.0.0.1 where nothing listens. */
async function deadUrl(): Promise<string> {
  const server = await new Promise<Server>((resolve) => {
    const s = express().listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/webhook/zalo`;
}

describe('webhook emitter', () => {
  it('when a user writes, then the app receives the exact JSON with a valid mac= signature, string ids and a 13-digit timestamp', async () => {
    const user = sim.addUser();
    const result = await sim.sendUserText(user.userId, 'Hộ cận nghèo được hỗ trợ gì?');
    expect(result.status).toBe(200);
    const [delivery] = received;
    expect(delivery!.rawBody).toBe(result.rawBody);
    expect(delivery!.contentType).toMatch(/^application\/json/);
    expect(delivery!.signature).toMatch(/^mac=[0-9a-f]{64}$/);
    expect(validFor(delivery!)).toBe(true);
    const body = JSON.parse(delivery!.rawBody);
    expect(body).toMatchObject({
      app_id: sim.appId,
      event_name: 'user_send_text',
      sender: { id: user.userId },
      recipient: { id: sim.oaId },
      message: { text: 'Hộ cận nghèo được hỗ trợ gì?' },
    });
    expect(body.timestamp).toMatch(/^\d{13}$/);
    expect(body.message.msg_id).toMatch(/^[0-9a-f]{20}$/);
  });

  it('when a user writes, then their last interaction is now, so the OA may answer', async () => {
    const user = sim.addUser();
    expect(sim.getUser(user.userId)!.lastInteraction).toBeNull();
    await sim.sendUserText(user.userId, 'xin chào');
    expect(sim.getUser(user.userId)!.lastInteraction).toBe(clock.now());
    expect(sim.conversation(user.userId).map((m) => [m.direction, m.text])).toEqual([['in', 'xin chào']]);
  });

  it('when asked for no mac= prefix or a bad signature, then the header changes accordingly', async () => {
    const user = sim.addUser();
    await sim.sendUserText(user.userId, 'a', { noMacPrefix: true });
    await sim.sendUserText(user.userId, 'b', { badSignature: true });
    expect(received[0]!.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(validFor(received[0]!)).toBe(true);
    expect(validFor(received[1]!)).toBe(false);
  });

  it('when duplicates are requested, then the identical body and signature arrive 1 + N times', async () => {
    const result = await sim.emit(sim.events.follow(sim.addUser().userId), { duplicates: 2 });
    expect(result.statuses).toEqual([200, 200, 200]);
    expect(new Set(received.map((r) => r.rawBody + r.signature)).size).toBe(1);
    expect(received).toHaveLength(3);
  });

  it('when a raw fixture string is emitted, then its exact bytes (odd spacing included) are sent and signed', async () => {
    const raw =
      '{"app_id":"360846524940903967", "event_name":"user_send_text","sender":{"id":"246845883529197922"},"message":{"text":"message","msg_id":"96d3cdf3af150460909"},"timestamp":"154390853474"}';
    await sim.emit(raw);
    expect(received[0]!.rawBody).toBe(raw);
    expect(validFor(received[0]!)).toBe(true);
  });

  it('when the webhook cannot be reached, then the identical body is retried at +30 s, +5 min, +15 min, +30 min, +1 h with num_retry, and then the webhook is disabled', async () => {
    sim.setWebhook(await deadUrl());
    const start = clock.now();
    const result = await sim.emit(sim.events.userSendText(sim.addUser().userId, 'alo'));
    expect(result.status).toBeNull();
    let expectedAt = start;
    for (const [index, delay] of RETRY_DELAYS_MS.entries()) {
      expectedAt += delay;
      expect(scheduler.pending()).toEqual([expectedAt]);
      clock.set(expectedAt - 1);
      expect(await scheduler.runDue()).toBe(0);
      clock.set(expectedAt);
      expect(await scheduler.runDue()).toBe(1);
      expect(sim.deliveries.at(-1)).toMatchObject({ numRetry: index + 1, failure: 'connection', time: expectedAt });
    }
    expect(scheduler.pending()).toEqual([]);
    expect(sim.webhookDisabled()).toBe(true);
  });

  it('when the first connection drops, then the retry carries num_retry: 1 and the same signed body', async () => {
    receiver.resetNext = 1;
    const result = await sim.emit(sim.events.userSendText(sim.addUser().userId, 'alo'));
    expect(result.status).toBeNull();
    expect(received).toHaveLength(0);
    clock.advance(30_000);
    await scheduler.runDue();
    expect(received).toHaveLength(1);
    expect(received[0]!.numRetry).toBe('1');
    expect(received[0]!.rawBody).toBe(result.rawBody);
    expect(validFor(received[0]!)).toBe(true);
  });

  it('when auto-echo is on, then each successful CS send is echoed as oa_send_text with the same message id', async () => {
    sim.setAutoEcho(true);
    const { url } = await sim.listen();
    const user = sim.touchUser(sim.addUser().userId);
    const res = await axios.post(
      `${url}/v3.0/oa/message/cs`,
      { recipient: { user_id: user.userId }, message: { text: 'Trả lời' } },
      { headers: { access_token: sim.issueTokens().accessToken }, proxy: false },
    );
    await expect.poll(() => received.length).toBe(1);
    const echo = JSON.parse(received[0]!.rawBody);
    expect(echo).toMatchObject({
      event_name: 'oa_send_text',
      sender: { id: sim.oaId },
      recipient: { id: user.userId },
      message: { text: 'Trả lời', msg_id: res.data.data.message_id },
    });
    expect(echo.sender.admin_id).toBeUndefined();
  });

  it('when a button is clicked, then user_send_text carries the payload and reopens the window', async () => {
    const user = sim.addUser({ lastInteraction: clock.now() - 10 * 24 * 3600 * 1000 });
    await sim.clickButton(user.userId, '#faq:ho-ngheo');
    expect(JSON.parse(received[0]!.rawBody).message.text).toBe('#faq:ho-ngheo');
    expect(sim.getUser(user.userId)!.lastInteraction).toBe(clock.now());
  });

  it('when follow and unfollow are emitted, then the follower flag follows', async () => {
    const user = sim.addUser();
    await sim.emit(sim.events.follow(user.userId));
    expect(sim.getUser(user.userId)!.isFollower).toBe(true);
    await sim.emit(sim.events.unfollow(user.userId));
    expect(sim.getUser(user.userId)!.isFollower).toBe(false);
  });
});
