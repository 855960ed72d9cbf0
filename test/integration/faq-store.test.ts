import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentError, createFaqStore, type ReloadableFaqStore } from '../../src/faq/content/create-faq-store.js';
import { createManualClock } from '../../src/shared/clock.js';
import { createSilentLogger } from '../../src/shared/logger.js';

const FIXTURE = path.resolve('test/fixtures/content/valid');
const NOW = Date.parse('2026-11-29T12:00:00+07:00');

/** Polls until `check` holds (the watcher is asynchronous); fails after `ms`. */
async function eventually(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('createFaqStore', () => {
  let dir: string;
  let store: ReloadableFaqStore | undefined;
  const topicFile = () => path.join(dir, 'faq/02-nha-o.yaml');

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faq-store-'));
    fs.cpSync(FIXTURE, dir, { recursive: true });
  });
  afterEach(() => {
    store?.close();
    store = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when an admin edits, breaks and fixes a file, then edits go live, the break is refused with file:line, and the fix recovers', async () => {
    store = createFaqStore({
      contentDir: dir,
      clock: createManualClock(NOW),
      log: createSilentLogger(),
      debounceMs: 50,
    });
    const v1 = store.current().version;
    expect(store.current().match('tien thue nha tro', NOW)).toMatchObject({ kind: 'answer', id: 'tien-thue-nha' });

    const original = fs.readFileSync(topicFile(), 'utf8');
    fs.writeFileSync(topicFile(), original.replace('title: Hỗ trợ tiền thuê nhà', 'title: Hỗ trợ tiền thuê phòng trọ'));
    await eventually(() => store!.current().version !== v1);
    const v2 = store.current().version;
    expect(store.current().node('tien-thue-nha')?.title).toBe('Hỗ trợ tiền thuê phòng trọ');
    expect(store.status().lastError).toBeUndefined();

    fs.writeFileSync(
      topicFile(),
      original.replace('  - id: mien-giam-thue', '  - id: mien-giam-thue\n    colour: red'),
    );
    await eventually(() => store!.status().lastError !== undefined);
    expect(store.current().version).toBe(v2);
    expect(store.current().node('tien-thue-nha')?.title).toBe('Hỗ trợ tiền thuê phòng trọ');
    const error = store.status().diagnostics.find((d) => d.severity === 'error')!;
    expect(error).toMatchObject({ code: 'UNKNOWN_KEY', file: topicFile(), line: 16 });
    expect(store.status().lastError).toContain(v2);

    fs.writeFileSync(topicFile(), original);
    await eventually(() => store!.status().lastError === undefined);
    expect(store.current().version).toBe(v1);
    expect(store.current().node('tien-thue-nha')?.title).toBe('Hỗ trợ tiền thuê nhà');
  });

  it('when the first load has errors, then the store refuses to start and names file:line', () => {
    fs.writeFileSync(topicFile(), 'id: nha-o\ntitle: [broken\n');
    let thrown: unknown;
    try {
      createFaqStore({ contentDir: dir, clock: createManualClock(NOW), log: createSilentLogger(), watch: false });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ContentError);
    expect((thrown as ContentError).diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'YAML_SYNTAX',
      file: topicFile(),
    });
    expect((thrown as Error).message).toContain(`${topicFile()}:`);
  });

  it('when a file is added under a new sub-folder, then the recursive watcher picks it up', async () => {
    store = createFaqStore({
      contentDir: dir,
      clock: createManualClock(NOW),
      log: createSilentLogger(),
      debounceMs: 50,
    });
    fs.mkdirSync(path.join(dir, 'faq/more'));
    fs.writeFileSync(
      path.join(dir, 'faq/more/03-dien.yaml'),
      'id: dien\ntitle: Tiền điện\nnodes:\n  - id: tien-dien\n    title: Hỗ trợ tiền điện\n    questions: [hộ nghèo được hỗ trợ tiền điện không, ho tro tien dien]\n    answer: Có.\n',
    );
    await eventually(() => store!.current().node('tien-dien') !== undefined);
    expect(store.current().match('hỗ trợ tiền điện', NOW)).toMatchObject({ kind: 'answer', id: 'tien-dien' });
  });
});
