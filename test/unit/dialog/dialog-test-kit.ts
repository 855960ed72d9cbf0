import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { DialogReply } from '../../../src/bot/dialog.js';
import { createFaqDialog, type FaqDialogOptions } from '../../../src/bot/dialog/create-faq-dialog.js';
import { createFaqStore } from '../../../src/faq/content/create-faq-store.js';
import type { FaqSnapshot, FaqStore, MatchResult } from '../../../src/faq/faq-types.js';
import { createI18n } from '../../../src/i18n/create-i18n.js';
import { createSilentLogger } from '../../../src/shared/logger.js';
import { openDatabase, type Db } from '../../../src/storage/open-database.js';

/** A small content tree written for these tests (docs/content-format.md). */
export const FIXTURE_DIR = path.resolve('test/fixtures/content-dialog');
/** 29/11/2026 10:00 in Vietnam: before the 2027 poverty-line change, inside "Quà Tết" validity. */
export const NOW = Date.parse('2026-11-29T10:00:00+07:00');
export const MINUTE = 60_000;

export const t = createI18n().getFixedT('vi');

/** A fresh temp folder, with a `cleanup` for afterEach. */
export function makeTempDir(): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-dialog-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A real SQLite file with every migration applied. */
export function openTempDb(dir: string, name = 'loa-xa.sqlite'): Db {
  return openDatabase(path.join(dir, name));
}

/** What `useDialogFixture` opens for each test; a test may replace `db` or `faq` (the current ones are closed after it). */
export interface DialogFixture {
  dir: string;
  db: Db;
  faq: FaqStore;
}

/**
 * Registers beforeEach/afterEach in the calling `describe`: a fresh temp folder, a migrated SQLite
 * file in it and the FAQ store over the fixture content; afterwards closes them and removes the folder.
 */
export function useDialogFixture(): DialogFixture {
  const fx = {} as DialogFixture;
  let cleanup = (): void => {};
  beforeEach(() => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    fx.dir = tmp.dir;
    fx.db = openTempDb(tmp.dir);
    fx.faq = openStore();
  });
  afterEach(() => {
    fx.faq.close();
    fx.db.close();
    cleanup();
  });
  return fx;
}

/** The real FAQ store over a content folder, time fixed at `now`. */
export function openStore(contentDir = FIXTURE_DIR, now = NOW): FaqStore {
  return createFaqStore({ contentDir, clock: { now: () => now }, log: createSilentLogger(), watch: false });
}

/** The dialog under test: Vietnamese texts, silent log. */
export function makeDialog(faq: FaqStore, db: Db, options?: FaqDialogOptions) {
  return createFaqDialog({ faq, db, t, log: createSilentLogger(), options });
}

/** The store with its matcher replaced, for verdicts the real matcher gives only on large content. */
export function withMatcher(store: FaqStore, match: (text: string) => MatchResult): FaqStore {
  return {
    ...store,
    current: (): FaqSnapshot => {
      const s = store.current();
      return {
        version: s.version,
        loadedAt: s.loadedAt,
        node: (id) => s.node(id),
        nodes: () => s.nodes(),
        children: (id, at) => s.children(id, at),
        answerAt: (node, at) => s.answerAt(node, at),
        match: (text) => match(text),
        explain: (text, at) => ({ ...s.explain(text, at), result: match(text) }),
      };
    },
    status: () => store.status(),
    close: () => store.close(),
  };
}

/** The whole text a resident reads for one reply. */
export function textOf(reply: DialogReply): string {
  return reply.messages.map((m) => m.text).join('\n\n');
}

/** A conversation of one resident at a movable time. */
export function converse(dialog: ReturnType<typeof makeDialog>, userId = 'u-1001', start = NOW) {
  let now = start;
  return {
    say: (text: string) => dialog.respond(userId, { kind: 'text', text }, now),
    follow: () => dialog.respond(userId, { kind: 'follow' }, now),
    advance: (ms: number) => {
      now += ms;
    },
    get now() {
      return now;
    },
  };
}
