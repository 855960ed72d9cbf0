import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReplyDeliveryCheck, ReplyVerdict } from '../../../src/bot/check-reply-delivered.js';
import { createReplyOutbox, type ReplyOutbox, type ReplyOutboxOptions } from '../../../src/bot/reply-outbox.js';
import type { ReplySender } from '../../../src/bot/reply-sender.js';
import { createManualClock } from '../../../src/shared/clock.js';
import { openDatabase, type Db } from '../../../src/storage/open-database.js';
import { ZaloApiError } from '../../../src/zalo/zalo-api-error.js';
import { captureLogs, type CapturedLogs } from '../../helpers/capture-logs.js';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/** A sender whose outcome the test sets: Zalo's HTTP 503 after the client's retries, or a message id. */
function createSwitchableSender() {
  const calls: Array<{ userId: string; text: string; at: number }> = [];
  let failing = true;
  const sender: ReplySender = {
    async deliver(userId, message) {
      calls.push({ userId, text: message.text, at: clock.now() });
      if (failing) {
        throw new ZaloApiError({
          kind: 'http',
          code: null,
          status: 503,
          method: 'POST',
          path: '/v3.0/oa/message/cs',
          retryable: true,
          attempts: 4,
        });
      }
      return `msg-${calls.length}`;
    },
    buttonsEnabled: () => true,
  };
  return { sender, calls, recover: () => void (failing = false) };
}

let dir: string;
let db: Db;
let clock: ReturnType<typeof createManualClock>;
let logs: CapturedLogs;
let outbox: ReplyOutbox | undefined;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-outbox-unit-'));
  db = openDatabase(path.join(dir, 'loa-xa.sqlite'));
  clock = createManualClock();
  logs = captureLogs();
});
afterEach(async () => {
  await outbox?.stop(1_000);
  outbox = undefined;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function start(sender: ReplySender, options?: ReplyOutboxOptions, check?: ReplyDeliveryCheck): ReplyOutbox {
  outbox = createReplyOutbox({ db, sender, clock, log: logs.log, options, check });
  outbox.start();
  return outbox;
}

const row = (id = 1) =>
  db
    .prepare(
      'SELECT status, attempts, next_attempt_at AS nextAttemptAt, created_at AS createdAt FROM reply_outbox WHERE id = ?',
    )
    .get(id) as {
    status: string;
    attempts: number;
    nextAttemptAt: number;
    createdAt: number;
  };

describe('reply outbox', () => {
  it('when Zalo stays unavailable, then a reply is retried after 30 s, 1 min, 2 min … at most 15 min apart, and given up after 24 h', async () => {
    const { sender, calls } = createSwitchableSender();
    const box = start(sender);
    box.enqueue('u1', 1, [{ text: 'trả lời' }]);
    await box.deliver('u1');

    const delays: number[] = [];
    while (row().status === 'pending') {
      delays.push(row().nextAttemptAt - clock.now());
      await box.deliver('u1'); // not due yet: nothing is sent
      clock.set(row().nextAttemptAt);
      await box.deliver('u1');
    }

    expect(delays.slice(0, 7)).toEqual([
      30 * SECOND,
      MINUTE,
      2 * MINUTE,
      4 * MINUTE,
      8 * MINUTE,
      15 * MINUTE,
      15 * MINUTE,
    ]);
    expect(new Set(delays.slice(5))).toEqual(new Set([15 * MINUTE]));
    expect(calls).toHaveLength(delays.length + 1);
    expect(calls.at(-1)!.at - row().createdAt).toBeLessThan(DAY);
    expect(row()).toMatchObject({ status: 'failed', attempts: calls.length });
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({ level: 50, code: 'http_503', msg: expect.stringMatching(/gave up after the max age/) }),
    );
  });

  it('when a resident writes again while a reply is held, then the held one is retried at once and goes first', async () => {
    const { sender, calls, recover } = createSwitchableSender();
    const box = start(sender);
    box.enqueue('u1', 1, [{ text: 'một' }]);
    await box.deliver('u1');
    clock.advance(5 * SECOND);
    recover();

    box.enqueue('u1', 2, [{ text: 'hai' }, { text: 'ba' }]);
    await box.deliver('u1');

    expect(calls.map((c) => c.text)).toEqual(['một', 'một', 'hai', 'ba']);
    expect(db.prepare('SELECT status, seq FROM reply_outbox ORDER BY id').all()).toEqual([
      { status: 'sent', seq: 0 },
      { status: 'sent', seq: 0 },
      { status: 'sent', seq: 1 },
    ]);
  });

  it('when the retention passes, then sent and failed rows are purged and pending ones stay', async () => {
    const { sender, recover } = createSwitchableSender();
    const box = start(sender, { retentionMs: 2 * DAY, maxAgeMs: 10 * SECOND });
    box.enqueue('u1', 1, [{ text: 'hỏng' }]);
    await box.deliver('u1'); // the next try would be past the max age: failed
    recover();
    box.enqueue('u2', 2, [{ text: 'gửi được' }]);
    await box.deliver('u2');
    clock.advance(DAY);
    box.enqueue('u3', 3, [{ text: 'chưa gửi' }]); // never delivered: stays pending

    box.purge();
    const afterOneDay = (db.prepare('SELECT COUNT(*) AS n FROM reply_outbox').get() as { n: number }).n;
    clock.advance(DAY + 1);
    box.purge();

    expect(afterOneDay).toBe(3);
    expect(db.prepare('SELECT user_id AS userId, status FROM reply_outbox').all()).toEqual([
      { userId: 'u3', status: 'pending' },
    ]);
  });

  it('when a longer retention is asked for, then finished rows are still purged after 7 days', async () => {
    const { sender, recover } = createSwitchableSender();
    recover();
    const box = start(sender, { retentionMs: 90 * DAY });
    box.enqueue('u1', 1, [{ text: 'đã gửi' }]);
    await box.deliver('u1');

    clock.advance(7 * DAY + 1);
    box.purge();

    expect(db.prepare('SELECT COUNT(*) AS n FROM reply_outbox').get()).toEqual({ n: 0 });
  });

  it('when a send times out and Zalo’s records stay unreadable, then it is looked up 5, 10, 20, 40, 80 s later and then kept unsettled, never resent', async () => {
    let timeouts = 1;
    const calls: number[] = [];
    const sender: ReplySender = {
      async deliver() {
        calls.push(clock.now());
        if (timeouts-- > 0) {
          throw new ZaloApiError({
            kind: 'timeout',
            code: null,
            method: 'POST',
            path: '/v3.0/oa/message/cs',
            outcomeUnknown: true,
          });
        }
        return 'msg-2';
      },
      buttonsEnabled: () => true,
    };
    const checks: number[] = [];
    const check: ReplyDeliveryCheck = async () => {
      checks.push(clock.now());
      return {
        kind: 'unsettled',
        why: 'history_unavailable',
        permanent: false,
        code: 'http_503',
      } satisfies ReplyVerdict;
    };
    const box = start(sender, {}, check);
    box.enqueue('u1', 1, [{ text: 'trả lời' }]);
    await box.deliver('u1');
    const t0 = clock.now();
    for (let i = 0; i < 10 && row().status === 'pending'; i++) {
      clock.set(row().nextAttemptAt);
      await box.deliver('u1');
    }

    expect(checks.map((at) => (at - t0) / SECOND)).toEqual([5, 15, 35, 75, 155]);
    expect(calls).toHaveLength(1);
    expect(row()).toMatchObject({ status: 'unsettled' });
    expect(box.stats()).toMatchObject({ sent: 0, resentUnknown: 0, unknown: 0, unsettled: 1 });
  });

  it('when Zalo’s records show the send that timed out, then it is marked sent with that id and never resent', async () => {
    const calls: string[] = [];
    const sender: ReplySender = {
      async deliver(_userId, message) {
        calls.push(message.text);
        throw new ZaloApiError({
          kind: 'timeout',
          code: null,
          method: 'POST',
          path: '/v3.0/oa/message/cs',
          outcomeUnknown: true,
        });
      },
      buttonsEnabled: () => true,
    };
    const check: ReplyDeliveryCheck = async ({ since }) => {
      expect(since).toBe(clock.now() - 5 * SECOND);
      return { kind: 'sent', messageId: 'zalo-1', via: 'conversation' };
    };
    const box = start(sender, {}, check);
    box.enqueue('u1', 1, [{ text: 'một' }, { text: 'hai' }]);
    await box.deliver('u1');
    clock.advance(5 * SECOND);
    await box.deliver('u1');

    expect(calls).toEqual(['một', 'hai']);
    expect(
      db.prepare('SELECT status, zalo_message_id AS messageId FROM reply_outbox ORDER BY reply_outbox.id').all(),
    ).toEqual([
      { status: 'sent', messageId: 'zalo-1' },
      { status: 'pending', messageId: null },
    ]);
  });
});
