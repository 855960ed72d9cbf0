import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFaqStore, type ReloadableFaqStore } from '../../src/faq/content/create-faq-store.js';
import { createManualClock } from '../../src/shared/clock.js';
import { createSilentLogger } from '../../src/shared/logger.js';

const FIXTURE = path.resolve('test/fixtures/content/valid');
const NOW = Date.parse('2026-11-29T12:00:00+07:00');

describe('the FAQ store’s match cache', () => {
  let dir: string;
  let store: ReloadableFaqStore | undefined;
  const topicFile = () => path.join(dir, 'faq/02-nha-o.yaml');
  const open = (matchCacheSize?: number) =>
    createFaqStore({
      contentDir: dir,
      clock: createManualClock(NOW),
      log: createSilentLogger(),
      watch: false,
      ...(matchCacheSize !== undefined ? { matchCacheSize } : {}),
    });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faq-match-cache-'));
    fs.cpSync(FIXTURE, dir, { recursive: true });
  });
  afterEach(() => {
    store?.close();
    store = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when the same text is asked again, then the verdict comes from the cache, frozen', () => {
    store = open();
    const first = store.current().match('tien thue nha tro', NOW);
    const again = store.current().match('tien thue nha tro', NOW);
    expect(again).toMatchObject({ kind: 'answer', id: 'tien-thue-nha' });
    expect(again).toBe(first);
    expect(Object.isFrozen(again)).toBe(true);
    expect(store.matchCacheStats()).toEqual({ hits: 1, misses: 1, size: 1 });
  });

  it('when the content is reloaded, then the same text gets the new content’s verdict', () => {
    store = open();
    expect(store.current().match('tien thue nha tro', NOW)).toMatchObject({ kind: 'answer', id: 'tien-thue-nha' });
    const original = fs.readFileSync(topicFile(), 'utf8');
    const start = original.indexOf('  - id: tien-thue-nha');
    const end = original.indexOf('  - id: mien-giam-thue');
    fs.writeFileSync(topicFile(), original.slice(0, start) + original.slice(end));

    expect(store.reload()).toBe(true);
    expect(store.matchCacheStats()).toEqual({ hits: 0, misses: 0, size: 0 });
    const after = store.current().match('tien thue nha tro', NOW);
    expect('id' in after ? after.id : undefined).not.toBe('tien-thue-nha');
    expect(store.matchCacheStats().misses).toBe(1);
  });

  it('when the Vietnam day changes, then the same text is matched again against that day’s answers', () => {
    store = open();
    const beforeTet = Date.parse('2026-12-31T23:30:00+07:00');
    const tet = Date.parse('2027-01-01T00:30:00+07:00');
    expect(store.current().match('qua tet ho ngheo', beforeTet)).not.toMatchObject({ id: 'ho-tro-tet-2027' });
    expect(store.current().match('qua tet ho ngheo', tet)).toMatchObject({ kind: 'answer', id: 'ho-tro-tet-2027' });
    expect(store.matchCacheStats()).toMatchObject({ hits: 0, misses: 2 });
  });

  it('when more distinct texts arrive than it holds, then the least recently used are forgotten', () => {
    store = open(2);
    const match = (text: string) => store!.current().match(text, NOW);
    match('tien thue nha tro');
    match('mien giam thue ho ngheo');
    match('tien thue nha tro'); // hit: now the most recently used
    match('vay von lam nha o'); // evicts "mien giam thue ho ngheo"
    expect(store.matchCacheStats()).toEqual({ hits: 1, misses: 3, size: 2 });
    match('tien thue nha tro');
    match('mien giam thue ho ngheo');
    expect(store.matchCacheStats()).toEqual({ hits: 2, misses: 4, size: 2 });
  });

  it('when a text is longer than the cache keeps, then it is matched every time', () => {
    store = open();
    const long = `tien thue nha tro ${'rất '.repeat(60)}`;
    store.current().match(long, NOW);
    store.current().match(long, NOW);
    expect(store.matchCacheStats()).toEqual({ hits: 0, misses: 0, size: 0 });
  });
});
