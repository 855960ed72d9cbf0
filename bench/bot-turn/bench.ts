/**
 * The resident side's cost per event, without HTTP: `botFromConfig` (the wiring `npm start` uses) over a
 * real SQLite file, Zalo stubbed to answer at once. EVENTS `user_send_text` events over RESIDENTS
 * residents are stored first, then processed and their replies "sent"; CPU per event is measured over
 * the processing alone. Baseline in the same run: the same turns through `dialog.respond` only (the
 * matcher and the turn's own writes, no inbox or outbox), so the difference is the inbox and outbox work.
 * `--quick`: 1,000 events.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { botFromConfig } from '../../src/bot/bot-from-config.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { createFaqStore } from '../../src/faq/content/create-faq-store.js';
import { createI18n } from '../../src/i18n/create-i18n.js';
import { memoizeT } from '../../src/i18n/memoize-t.js';
import { systemClock } from '../../src/shared/clock.js';
import { createLogger } from '../../src/shared/logger.js';
import { createEventBuilders } from '../../src/simulator/webhook-events.js';
import { openDatabase, type Db } from '../../src/storage/open-database.js';
import { parseZaloEvent } from '../../src/zalo/parse-zalo-event.js';
import type { ZaloApi } from '../../src/zalo/zalo-api.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EVENTS = process.argv.includes('--quick') ? 1_000 : 5_000;
const RESIDENTS = 1_000;
const QUESTIONS = ['hộ nghèo được hỗ trợ những gì', 'thủ tục vay vốn ưu đãi', 'bao hiem y te cho ho can ngheo'];

let sent = 0;
const zalo = {
  sendText: async () => [{ messageId: `m${++sent}` }],
  getUserDetail: async (userId: string) => ({ userId, displayName: 'Chị Lan' }),
  getUserConversation: async () => [],
} as unknown as ZaloApi;

/** SQLite commits (outermost transactions and writes outside one) and write statements run. */
const counts = { commits: 0, writes: 0 };

/** Counts every write statement `db` runs, and the commits they make. */
function countWrites(db: Db): void {
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    const statement = prepare(source);
    if (statement.reader) return statement;
    const run = statement.run.bind(statement);
    statement.run = (...params: unknown[]) => {
      counts.writes += 1;
      if (!db.inTransaction) counts.commits += 1;
      return run(...params);
    };
    return statement;
  }) as Db['prepare'];
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const tx = transaction(fn);
    return (...args: unknown[]) => {
      if (!db.inTransaction) counts.commits += 1;
      return tx(...args);
    };
  }) as Db['transaction'];
}

function build(dataDir: string, matchCacheSize?: number) {
  const config = parseConfig({
    DATA_DIR: dataDir,
    CONTENT_DIR: path.join(ROOT, 'content'),
    DIALOG_FLOOD_MAX: '100000',
  });
  const log = createLogger({ level: 'warn' });
  const db = openDatabase(path.join(dataDir, 'bench.db'));
  countWrites(db);
  const faq = createFaqStore({
    contentDir: config.contentDir,
    clock: systemClock,
    log,
    ...(matchCacheSize !== undefined ? { matchCacheSize } : {}),
  });
  const t = memoizeT(createI18n().getFixedT('vi'));
  const side = botFromConfig(config, { db, zalo, groupZalo: zalo, clock: systemClock, log, faq, t });
  return { ...side, db, faq };
}

const events = createEventBuilders({
  appId: 'bench',
  oaId: 'oa-bench',
  now: () => Date.now(),
  userIdByApp: (userId) => `app-${userId}`,
});
const bodies = Array.from({ length: EVENTS }, (_, i) => {
  const raw = JSON.stringify(events.userSendText(`u${i % RESIDENTS}`, QUESTIONS[i % QUESTIONS.length]!));
  const parsed = parseZaloEvent(JSON.parse(raw));
  if (!parsed.ok) throw new Error(parsed.error);
  return { raw, event: parsed.event };
});

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function measure(
  name: string,
  run: (side: ReturnType<typeof build>) => Promise<void>,
  setUp: (side: ReturnType<typeof build>) => void = () => undefined,
  matchCacheSize?: number,
): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-bench-turn-'));
  const side = build(dataDir, matchCacheSize);
  try {
    setUp(side);
    const before = cpuMs();
    const started = performance.now();
    Object.assign(counts, { commits: 0, writes: 0 });
    await run(side);
    const perEvent = (cpuMs() - before) / EVENTS;
    const { hits, misses } = side.faq.matchCacheStats();
    if (name)
      console.log(
        `${name.padEnd(40)} ${(perEvent * 1000).toFixed(0).padStart(6)} µs CPU/event ` +
          `(${((EVENTS / (performance.now() - started)) * 1000).toFixed(0)} events/s), ` +
          `${(counts.writes / EVENTS).toFixed(1)} writes and ${(counts.commits / EVENTS).toFixed(1)} commits per event, ` +
          `match cache ${hits + misses ? ((100 * hits) / (hits + misses)).toFixed(1) : '–'}% hits`,
      );
    return perEvent;
  } finally {
    await side.bot.stop(Date.now() + 5_000);
    side.faq.close();
    side.db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(
  `${EVENTS} events over ${RESIDENTS} residents, ${os.cpus().length} CPU(s), load ${os.loadavg()[0]!.toFixed(2)}`,
);
const dialogTurns =
  (count: number) =>
  async ({ bot }: ReturnType<typeof build>) => {
    for (let i = 0; i < count; i++)
      await bot.dialog.respond(
        `u${i % RESIDENTS}`,
        { kind: 'text', text: QUESTIONS[i % QUESTIONS.length]! },
        Date.now(),
        {
          eventId: i + 1,
        },
      );
  };
// warm-up (JIT, content), not printed in the figures
await measure('', dialogTurns(EVENTS / 5));
const dialogOnly = await measure('dialog.respond only (baseline)', dialogTurns(EVENTS));
// the bench asks the same three questions over and over: this line shows the matching those repeats save
await measure('dialog.respond, no match cache', dialogTurns(EVENTS), undefined, 0);
// the webhook's inserts happen before the measurement: this is the processing side alone
const whole = await measure(
  'inbox → dialog → outbox → sent',
  async ({ bot }) => {
    bot.start();
    await bot.processor.whenIdle();
    await bot.outbox.whenIdle();
    if (sent < EVENTS) throw new Error(`only ${sent} of ${EVENTS} replies sent`);
  },
  ({ bot }) => {
    for (const { raw, event } of bodies) bot.accept.accept(event, raw);
  },
);
console.log(
  `inbox and outbox work: ${((whole - dialogOnly) * 1000).toFixed(0)} µs/event (${((100 * (whole - dialogOnly)) / whole).toFixed(0)}% of the whole)`,
);
