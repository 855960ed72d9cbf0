import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFaqDialog } from '../../src/bot/dialog/create-faq-dialog.js';
import type { Dialog } from '../../src/bot/dialog.js';
import { SANDBOX_ZALO } from '../../src/config/parse-config.js';
import { createFaqStore } from '../../src/faq/content/create-faq-store.js';
import { createI18n } from '../../src/i18n/create-i18n.js';
import { createManualClock, systemClock } from '../../src/shared/clock.js';
import { createSilentLogger } from '../../src/shared/logger.js';
import { createZaloSimulator, type ZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';
import { createManualScheduler } from '../../src/simulator/scheduler.js';
import { buildTestApp, type TestApp, type TestAppOptions } from '../helpers/build-test-app.js';
import { canMountSmallDisk, mountSmallDisk } from '../helpers/small-disk.js';

const FIXTURE_DIR = path.resolve('test/fixtures/content-dialog');
const t = createI18n().getFixedT('vi');
/** the storage backoff of these tests: 100 ms doubling to 400 ms (production: 1 s to 30 s) */
const STORAGE = { baseDelayMs: 100, capDelayMs: 400 };

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A simulator whose webhook retries never run by themselves: a test redelivers by hand, as Zalo would. */
async function startSimulator(): Promise<{ sim: ZaloSimulator; url: string }> {
  const sim = createZaloSimulator({ ...SANDBOX_ZALO, scheduler: createManualScheduler(createManualClock()) });
  const { url } = await sim.listen();
  cleanups.push(() => sim.close());
  return { sim, url };
}

/** The real FAQ dialog on the app's own database, at most `floodMax` messages a minute per resident. */
function faqDialog(floodMax: number) {
  const faq = createFaqStore({ contentDir: FIXTURE_DIR, clock: systemClock, log: createSilentLogger(), watch: false });
  cleanups.push(() => faq.close());
  let inner: Dialog | undefined;
  const dialog: Dialog = {
    respond: (userId, input, now, turn) => inner!.respond(userId, input, now, turn),
    noteHumanReply: (userId, now) => inner!.noteHumanReply(userId, now),
  };
  return {
    dialog,
    attach(app: TestApp) {
      inner = createFaqDialog({
        faq,
        db: app.db,
        t,
        log: createSilentLogger(),
        options: { flood: { max: floodMax, windowMs: 60_000 } },
      });
    },
  };
}

/** An app whose DATA_DIR is a real 4 MB file system, and `fill()` filling it (returns `free()`). */
async function startApp(options: TestAppOptions): Promise<{ app: TestApp; fill: () => () => void }> {
  const disk = mountSmallDisk(4 * 1024 * 1024);
  cleanups.push(() => disk.unmount());
  const app = await buildTestApp({ storage: STORAGE, dbFile: path.join(disk.dir, 'loa-xa.sqlite'), ...options });
  cleanups.push(() => app.close().catch(() => undefined));
  const fill = () => {
    // an empty WAL: the next write must take new space, as on a long-running server whose WAL was checkpointed
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    return disk.fill();
  };
  return { app, fill };
}

async function health(app: TestApp): Promise<{ status: number; body: Record<string, unknown>; ms: number }> {
  const started = Date.now();
  const res = await fetch(`${app.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, ms: Date.now() - started };
}

const storageErrorLines = (app: TestApp) =>
  app.logs.lines().filter((l) => typeof l.msg === 'string' && /^storage (failure|still failing)/.test(l.msg));

// mounting a tmpfs needs root (CI runs as root); elsewhere these tests are skipped, not failed
describe.skipIf(!canMountSmallDisk())('a full disk', () => {
  it('when DATA_DIR is full, then the webhook answers 503 with Retry-After, /healthz says "disk full" at once, and after space is freed the redelivered event is answered once', async () => {
    const simulator = await startSimulator();
    const { app, fill } = await startApp({ simulator });
    const user = simulator.sim.addUser({ isFollower: true });
    const free = fill();

    const refused = await simulator.sim.sendUserText(user.userId, 'hộ nghèo là gì');
    const during = await health(app);

    expect(refused.status).toBe(503);
    expect(app.inboxRows()).toBe(0);
    expect(during).toMatchObject({ status: 503, body: { status: 'unavailable', storage: 'disk full' } });
    expect(during.ms).toBeLessThan(500);

    free();
    const again = await simulator.sim.emit(refused.rawBody);
    await app.settleReplies();

    expect(again.status).toBe(200);
    expect(simulator.sim.sentToUser(user.userId)).toHaveLength(1);
    expect((await health(app)).status).toBe(200);
    expect(app.logs.lines()).toContainEqual(
      expect.objectContaining({ msg: 'storage writable again; queued work resumes' }),
    );
  });

  it('when the disk fills after events were acknowledged, then the worker backs off with one log line, and after space is freed every event is answered once, none taken for a flood', async () => {
    const simulator = await startSimulator();
    const faq = faqDialog(3);
    const { app, fill } = await startApp({ simulator, dialog: faq.dialog, startProcessor: false });
    faq.attach(app);
    const user = simulator.sim.addUser({ isFollower: true });
    // three messages a minute are allowed: exactly this resident's three, however often each is retried
    const questions = ['1', '2', '3'];
    for (const q of questions) expect((await simulator.sim.sendUserText(user.userId, q)).status).toBe(200);

    const free = fill();
    app.processor.start();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const failing = app.storage.status();
    const linesWhileFull = storageErrorLines(app).length;
    free();
    await app.settleReplies(20_000);

    // 100, 200, 400, 400 … ms apart: a handful of tries in 1.5 s, not hundreds a second
    expect(failing).toMatchObject({ ok: false, problem: 'disk full' });
    if (!failing.ok) expect(failing.failures).toBeLessThanOrEqual(10);
    expect(linesWhileFull).toBe(1);
    const texts = simulator.sim.sentToUser(user.userId).map((m) => m.text ?? '');
    expect(texts).toHaveLength(questions.length);
    expect(texts).not.toContain(t('dialog:flood'));
    expect(app.inbox.stats()).toMatchObject({ pending: 0, failed: 0 });
  });

  it('when the disk fills while a reply is due, then the outbox waits without failing it and sends it once after space is freed', async () => {
    const simulator = await startSimulator();
    const { app, fill } = await startApp({ simulator, startOutbox: false });
    const user = simulator.sim.addUser({ isFollower: true });
    expect((await simulator.sim.sendUserText(user.userId, 'xin chào')).status).toBe(200);
    await app.processor.whenIdle();

    const free = fill();
    app.outbox.start();
    await new Promise((resolve) => setTimeout(resolve, 800));
    const sentWhileFull = simulator.sim.sentToUser(user.userId).length;
    free();
    await app.settleReplies();

    expect(sentWhileFull).toBe(0);
    expect(simulator.sim.sentToUser(user.userId)).toHaveLength(1);
    expect(app.outbox.stats()).toMatchObject({ sent: 1, failed: 0 });
  });
});
