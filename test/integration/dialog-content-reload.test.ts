import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFaqDialog } from '../../src/bot/dialog/create-faq-dialog.js';
import { createDialogStateRepository } from '../../src/bot/dialog/dialog-state-repository.js';
import { createFaqStore } from '../../src/faq/content/create-faq-store.js';
import type { FaqStore } from '../../src/faq/faq-types.js';
import { createI18n } from '../../src/i18n/create-i18n.js';
import { createSilentLogger } from '../../src/shared/logger.js';
import { openDatabase, type Db } from '../../src/storage/open-database.js';

const FIXTURE_DIR = path.resolve('test/fixtures/content-dialog');
const NOW = Date.parse('2026-11-29T10:00:00+07:00');

describe('a conversation across a live content reload', () => {
  let dir: string;
  let db: Db;
  let faq: FaqStore;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-reload-'));
    fs.cpSync(FIXTURE_DIR, path.join(dir, 'content'), { recursive: true });
    db = openDatabase(path.join(dir, 'loa-xa.sqlite'));
    faq = createFaqStore({
      contentDir: path.join(dir, 'content'),
      clock: { now: () => NOW },
      log: createSilentLogger(),
      watch: true,
    });
  });
  afterEach(() => {
    faq.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("when an admin edits the content mid-conversation, then the resident's numbers keep working and their state moves to the new version", async () => {
    const dialog = createFaqDialog({ faq, db, t: createI18n().getFixedT('vi'), log: createSilentLogger() });
    const say = (text: string) => dialog.respond('u-reload', { kind: 'text', text }, NOW);
    const before = faq.current().version;
    expect((await say('2')).outcome).toEqual({ kind: 'menu', id: 'bao-hiem-y-te' });

    // the admin renames an answer and adds a new one in front of it
    const file = path.join(dir, 'content', 'faq', '02-bao-hiem-y-te.yaml');
    const yaml = fs
      .readFileSync(file, 'utf8')
      .replace('title: Thẻ BHYT cho người thuộc hộ cận nghèo', 'title: BHYT hộ cận nghèo')
      .replace('  - id: bhyt-ho-ngheo\n    order: 1', '  - id: bhyt-ho-ngheo\n    order: 3');
    fs.writeFileSync(file, yaml);
    await vi.waitFor(() => expect(faq.current().version).not.toBe(before), { timeout: 15_000, interval: 50 });

    // "2" on the menu the resident saw was "hộ cận nghèo": resolved by id, not by the new position
    const reply = await say('2');
    expect(reply.outcome).toEqual({ kind: 'answer', id: 'bhyt-can-ngheo' });
    expect(createDialogStateRepository(db).get('u-reload')).toMatchObject({ contentVersion: faq.current().version });
    const menu = await say('quay lại');
    expect(menu.messages[0]!.text).toContain('1. BHYT hộ cận nghèo\n2. Thẻ BHYT cho người thuộc hộ nghèo');
    expect((await say('2')).outcome).toEqual({ kind: 'answer', id: 'bhyt-ho-ngheo' });
  });
});
