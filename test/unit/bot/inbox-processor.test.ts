import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInboxProcessor, type EventHandler, type InboxProcessor } from '../../../src/bot/inbox-processor.js';
import { createInboxStore, type InboxStore } from '../../../src/bot/inbox-store.js';
import { createManualClock } from '../../../src/shared/clock.js';
import { openDatabase, type Db } from '../../../src/storage/open-database.js';
import { parseZaloEvent } from '../../../src/zalo/parse-zalo-event.js';
import type { ZaloEvent } from '../../../src/zalo/zalo-event.js';
import { captureLogs } from '../../helpers/capture-logs.js';

const HOUR = 3_600_000;

function accept(inbox: InboxStore, userId: string, text: string): void {
  const raw = JSON.stringify({
    app_id: '1',
    sender: { id: userId },
    recipient: { id: 'oa' },
    event_name: 'user_send_text',
    message: { text, msg_id: `${userId}-${text}` },
    timestamp: '1764385200000',
  });
  const parsed = parseZaloEvent(JSON.parse(raw));
  if (!parsed.ok) throw new Error(parsed.error);
  inbox.accept(parsed.event, raw);
}

const textOf = (event: ZaloEvent) => (event.event_name === 'user_send_text' ? event.message.text : event.event_name);

let db: Db;
let inbox: InboxStore;
let clock: ReturnType<typeof createManualClock>;
let logs: ReturnType<typeof captureLogs>;
let processor: InboxProcessor | undefined;
const rows = () =>
  db
    .prepare('SELECT user_key, status, attempts, last_error, raw IS NOT NULL AS hasRaw FROM inbox_events ORDER BY id')
    .all();

function start(
  handle: EventHandler,
  options: { retryDelaysMs?: number[]; rawRetentionMs?: number; dedupeRetentionMs?: number } = {},
) {
  processor = createInboxProcessor({ inbox, handle, log: logs.log, clock, retryDelaysMs: [0, 0], ...options });
  processor.start();
  return processor;
}

beforeEach(() => {
  db = openDatabase(':memory:');
  clock = createManualClock();
  inbox = createInboxStore({ db, clock });
  logs = captureLogs();
});
afterEach(async () => {
  await processor?.drain(1_000);
  processor = undefined;
  db.close();
});

describe('createInboxProcessor', () => {
  it('when events were stored before start (a crash), then start processes them, each user in order', async () => {
    const seen: string[] = [];
    accept(inbox, 'u1', 'a1');
    accept(inbox, 'u2', 'b1');
    accept(inbox, 'u1', 'a2');

    const p = start(async (event) => void seen.push(textOf(event)));
    await p.whenIdle();

    expect(seen.filter((t) => t.startsWith('a'))).toEqual(['a1', 'a2']);
    expect(seen).toHaveLength(3);
    expect(rows()).toEqual([
      { user_key: 'u1', status: 'done', attempts: 1, last_error: null, hasRaw: 1 },
      { user_key: 'u2', status: 'done', attempts: 1, last_error: null, hasRaw: 1 },
      { user_key: 'u1', status: 'done', attempts: 1, last_error: null, hasRaw: 1 },
    ]);
  });

  it('when a handler fails once, then the event is retried and done', async () => {
    let calls = 0;
    const p = start(async () => {
      calls += 1;
      if (calls === 1) throw new Error('Zalo unreachable');
    });

    accept(inbox, 'u1', 'a1');
    await p.whenIdle();

    expect(calls).toBe(2);
    expect(rows()).toEqual([{ user_key: 'u1', status: 'done', attempts: 2, last_error: null, hasRaw: 1 }]);
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({ level: 40, msg: 'inbox event failed; will retry', attempts: 1 }),
    );
  });

  it('when a handler keeps failing, then the event is marked failed after the last retry and the user’s next event still runs', async () => {
    const seen: string[] = [];
    const p = start(async (event) => {
      if (textOf(event) === 'bad') throw new Error('boom');
      seen.push(textOf(event));
    });

    accept(inbox, 'u1', 'bad');
    accept(inbox, 'u1', 'good');
    await p.whenIdle();

    expect(seen).toEqual(['good']);
    expect(rows()).toEqual([
      { user_key: 'u1', status: 'failed', attempts: 3, last_error: 'Error: boom', hasRaw: 1 },
      { user_key: 'u1', status: 'done', attempts: 1, last_error: null, hasRaw: 1 },
    ]);
    expect(inbox.stats()).toEqual({ pending: 0, failed: 1, done: 1 });
    expect(logs.lines()).toContainEqual(expect.objectContaining({ level: 50, attempts: 3 }));
  });

  it('when the database is busy (another connection’s write lock), then the event is retried a second later without counting an attempt', async () => {
    let calls = 0;
    const p = start(
      async () => {
        calls += 1;
        if (calls <= 5) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY_SNAPSHOT' });
      },
      { retryDelaysMs: [HOUR] },
    );

    accept(inbox, 'u1', 'a1');
    await p.whenIdle();
    for (let i = 0; i < 5; i++) {
      clock.advance(1_000);
      await p.whenIdle();
    }

    expect(calls).toBe(6);
    expect(rows()).toEqual([{ user_key: 'u1', status: 'done', attempts: 1, last_error: null, hasRaw: 1 }]);
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({ level: 40, msg: 'database busy; the event is retried shortly' }),
    );
  });

  it('when a retry is not due yet, then the user’s later events wait behind it', async () => {
    const seen: string[] = [];
    let failFirst = true;
    const p = start(
      async (event) => {
        if (failFirst && textOf(event) === 'a1') {
          failFirst = false;
          throw new Error('later');
        }
        seen.push(textOf(event));
      },
      { retryDelaysMs: [HOUR] },
    );

    accept(inbox, 'u1', 'a1');
    accept(inbox, 'u1', 'a2');
    accept(inbox, 'u2', 'b1');
    await p.whenIdle();
    const beforeDue = [...seen];
    clock.advance(HOUR);
    await p.whenIdle();

    expect(beforeDue).toEqual(['b1']);
    expect(seen).toEqual(['b1', 'a1', 'a2']);
  });

  it('when the stored body cannot be read back, then the event is marked failed without retries', async () => {
    db.prepare(
      `INSERT INTO inbox_events (dedupe_key, event_name, user_key, raw, received_at) VALUES ('k', 'user_send_text', 'u1', '{"event_name":"user_send_text"}', 0)`,
    ).run();
    let calls = 0;

    const p = start(async () => void (calls += 1));
    await p.whenIdle();

    expect(calls).toBe(0);
    expect(rows()).toEqual([
      {
        user_key: 'u1',
        status: 'failed',
        attempts: 0,
        last_error: expect.stringMatching(/^user_send_text: /),
        hasRaw: 1,
      },
    ]);
  });

  it('when draining while a handler runs, then it finishes, nothing new starts, and the rest stays pending for the next start', async () => {
    let release!: () => void;
    let running!: () => void;
    const isRunning = new Promise<void>((resolve) => (running = resolve));
    const started: string[] = [];
    const p = start(async (event) => {
      started.push(textOf(event));
      running();
      if (textOf(event) === 'a1') await new Promise<void>((resolve) => (release = resolve));
    });
    accept(inbox, 'u1', 'a1');
    accept(inbox, 'u1', 'a2');
    await isRunning;

    const drained = p.drain(5_000);
    accept(inbox, 'u2', 'b1');
    release();

    expect(await drained).toBe(true);
    expect(started).toEqual(['a1']);
    expect(inbox.stats()).toEqual({ pending: 2, failed: 0, done: 1 });
  });

  it('when a handler hangs past the drain deadline, then drain gives up and the event stays pending', async () => {
    let running!: () => void;
    const isRunning = new Promise<void>((resolve) => (running = resolve));
    const p = start(() => {
      running();
      return new Promise<void>(() => {});
    });
    accept(inbox, 'u1', 'a1');
    await isRunning;

    expect(await p.drain(20)).toBe(false);
    expect(inbox.stats()).toEqual({ pending: 1, failed: 0, done: 0 });
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({ msg: 'drain deadline reached; unfinished events stay pending' }),
    );
  });
});

describe('inbox retention', () => {
  it('when done events age, then message bodies go after the message retention and dedupe records after 48 h at least', async () => {
    const p = start(async () => {}, { rawRetentionMs: 24 * HOUR, dedupeRetentionMs: HOUR });
    accept(inbox, 'u1', 'a1');
    await p.whenIdle();

    clock.advance(25 * HOUR);
    p.purge();
    const afterDay = rows();
    clock.advance(22 * HOUR);
    p.purge();
    const after47h = rows();
    clock.advance(2 * HOUR);
    p.purge();

    expect(afterDay).toEqual([expect.objectContaining({ status: 'done', hasRaw: 0 })]);
    expect(after47h).toHaveLength(1);
    expect(rows()).toEqual([]);
    accept(inbox, 'u1', 'a1');
    expect(inbox.stats().pending).toBe(1);
  });

  it('when the message retention is 0, then the body is cleared as soon as the event is done, and pending bodies are kept', async () => {
    let release!: () => void;
    const p = start(
      async (event) => {
        if (textOf(event) === 'slow') await new Promise<void>((resolve) => (release = resolve));
      },
      { rawRetentionMs: 0 },
    );
    accept(inbox, 'u1', 'a1');
    accept(inbox, 'u2', 'slow');
    await new Promise((resolve) => setImmediate(resolve));
    p.purge();
    const duringSlow = rows();
    release();
    await p.whenIdle();

    expect(duringSlow).toEqual([
      expect.objectContaining({ user_key: 'u1', status: 'done', hasRaw: 0 }),
      expect.objectContaining({ user_key: 'u2', status: 'pending', hasRaw: 1 }),
    ]);
    expect(rows()).toEqual([expect.objectContaining({ hasRaw: 0 }), expect.objectContaining({ hasRaw: 0 })]);
  });
});
