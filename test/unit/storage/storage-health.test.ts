import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/shared/clock.js';
import { createStorageHealth, storageProblemOf } from '../../../src/storage/storage-health.js';
import { captureLogs } from '../../helpers/capture-logs.js';

const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

function health(freeBytes: () => number | undefined = () => 10 * 1024 * 1024) {
  const logs = captureLogs('info');
  const clock = createManualClock();
  const storage = createStorageHealth({ clock, log: logs.log, dataDir: '/data', freeBytes });
  return { logs, clock, storage };
}

describe('storage health', () => {
  it('when errors carry SQLite or errno codes, then each maps to its problem and any other error to none', () => {
    const problems = [
      'SQLITE_FULL',
      'ENOSPC',
      'EDQUOT',
      'SQLITE_READONLY_DBMOVED',
      'EROFS',
      'EACCES',
      'SQLITE_IOERR_WRITE',
    ]
      .map((code) => storageProblemOf(Object.assign(new Error(code), { code })))
      .concat([storageProblemOf(new Error('boom')), storageProblemOf({ code: 42 }), storageProblemOf(null)]);

    expect(problems).toEqual([
      'disk full',
      'disk full',
      'disk full',
      'read-only',
      'read-only',
      'read-only',
      'i/o error',
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('when a write fails for a reason other than storage, then it is not taken as a storage failure', () => {
    const { storage, logs } = health();

    expect(storage.failed(new TypeError('a bug'), 'inbox')).toBe(false);
    expect(storage.status()).toMatchObject({ ok: true });
    expect(storage.retryAt()).toBe(0);
    expect(logs.lines()).toEqual([]);
  });

  it('when writes keep failing on a full disk, then the retry delay doubles from 1 s up to 30 s and never less', () => {
    const { storage, clock } = health();
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      expect(storage.failed(full, 'inbox')).toBe(true);
      delays.push(storage.retryAt() - clock.now());
      clock.advance(storage.retryAt() - clock.now());
    }

    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('when 1,000 writes fail within a minute, then one error line, then at most one a minute with the count', () => {
    const { storage, clock, logs } = health();
    for (let i = 0; i < 1_000; i++) storage.failed(full, 'inbox');
    expect(logs.lines()).toHaveLength(1);

    clock.advance(60_000);
    storage.failed(full, 'reply outbox');
    const lines = logs.lines();

    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 50, problem: 'disk full', code: 'SQLITE_FULL', dataDir: '/data' });
    expect(lines[1]).toMatchObject({ level: 50, where: 'reply outbox', failedWrites: 1_000, failingForMs: 60_000 });
    expect(String(lines[1]!.msg)).toMatch(/still failing/);
  });

  it('when a write goes through again, then the failure ends with one line and /healthz is ok at once', () => {
    const { storage, clock, logs } = health();
    storage.failed(full, 'inbox');
    expect(storage.status()).toMatchObject({ ok: false, problem: 'disk full', failures: 1 });

    clock.advance(5_000);
    storage.succeeded();
    storage.succeeded();

    expect(storage.status()).toMatchObject({ ok: true });
    expect(storage.retryAt()).toBe(0);
    expect(logs.lines().at(-1)).toMatchObject({ level: 30, failedWrites: 1, failedForMs: 5_000 });
    expect(logs.lines()).toHaveLength(2);
  });

  it('when the disk has less free space than the threshold, then /healthz says "disk full" before any write failed', () => {
    let free = 1_000;
    const { storage, clock } = health(() => free);
    expect(storage.status()).toMatchObject({ ok: false, problem: 'disk full', failures: 0, freeBytes: 1_000 });

    free = 50 * 1024 * 1024;
    clock.advance(1_000);

    expect(storage.status()).toEqual({ ok: true, freeBytes: 50 * 1024 * 1024 });
  });

  it('when the free space cannot be measured, then the status is ok without a figure', () => {
    const { storage } = health(() => undefined);

    expect(storage.status()).toEqual({ ok: true });
  });
});
