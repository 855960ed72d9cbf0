import fs from 'node:fs';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';

/** What is wrong with the storage, as /healthz says it. */
export type StorageProblem = 'disk full' | 'read-only' | 'i/o error' | 'cannot open';

/** SQLite result codes (better-sqlite3 `SqliteError.code`) and Node errno codes, by problem. */
const PROBLEM_BY_CODE: ReadonlyArray<[RegExp, StorageProblem]> = [
  [/^SQLITE_FULL$|^ENOSPC$|^EDQUOT$/, 'disk full'],
  [/^SQLITE_READONLY|^EROFS$|^EACCES$|^EPERM$/, 'read-only'],
  [/^SQLITE_IOERR|^EIO$/, 'i/o error'],
  [/^SQLITE_CANTOPEN$/, 'cannot open'],
];

/** The storage problem an error stands for (a full disk, a read-only file system …), or undefined for any other error. */
export function storageProblemOf(err: unknown): StorageProblem | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  return PROBLEM_BY_CODE.find(([pattern]) => pattern.test(code))?.[1];
}

export type StorageStatus =
  | { ok: true; freeBytes?: number }
  | { ok: false; problem: StorageProblem; since: number; failures: number; freeBytes?: number };

export interface StorageHealth {
  /**
   * Reports an error thrown by a write. Returns true when it is a storage failure (then remembered:
   * the caller stops and tries again at `retryAt()`); false for any other error, which the caller handles.
   */
  failed(err: unknown, where: string): boolean;
  /** A write went through: a failure state ends (logged once with how long it lasted). */
  succeeded(): void;
  /** When writes should be tried again (epoch ms): 0 while healthy. */
  retryAt(): number;
  /** For /healthz: the failure state, or a nearly full disk seen by statfs (cached for a second). */
  status(): StorageStatus;
}

export interface StorageHealthOptions {
  clock: Clock;
  log: Logger;
  /** DATA_DIR: named in the log lines and measured with statfs for /healthz */
  dataDir?: string;
  /** first delay after a storage failure, doubled per consecutive failure; default 1 s */
  baseDelayMs?: number;
  /** longest delay; default 30 s */
  capDelayMs?: number;
  /** at most one log line per this while failing; default 1 min */
  logEveryMs?: number;
  /** free space under which /healthz says "disk full" before any write failed; default 64 KiB */
  lowSpaceBytes?: number;
  /** free bytes of `dataDir`; default `fs.statfsSync` */
  freeBytes?: (dir: string) => number | undefined;
}

/**
 * One shared view of whether the database can be written, for the webhook, the inbox processor and
 * the reply outbox. A storage failure (SQLITE_FULL, a read-only or failing disk) is not a reason to
 * fail an event or count an attempt: callers report it here and wait until `retryAt()` — 1 s, 2 s, 4 s …
 * up to 30 s, so nothing spins — and the log gets one line when it starts, at most one a minute while
 * it lasts (with the number of failed writes), and one when writes succeed again.
 * @example if (storage.failed(err, 'inbox')) return wakeAt(storage.retryAt());
 */
export function createStorageHealth(options: StorageHealthOptions): StorageHealth {
  const { clock, log, dataDir } = options;
  const baseDelayMs = options.baseDelayMs ?? 1_000;
  const capDelayMs = options.capDelayMs ?? 30_000;
  const logEveryMs = options.logEveryMs ?? 60_000;
  const lowSpaceBytes = options.lowSpaceBytes ?? 64 * 1024;
  const freeBytesOf = options.freeBytes ?? statfsFreeBytes;

  let failing: { problem: StorageProblem; since: number; failures: number; lastAt: number } | undefined;
  let unlogged = 0;
  let lastLogAt = 0;
  let free: { at: number; bytes: number | undefined } | undefined;

  function freeBytes(): number | undefined {
    if (!dataDir) return undefined;
    const now = clock.now();
    if (!free || now - free.at >= 1_000) free = { at: now, bytes: freeBytesOf(dataDir) };
    return free.bytes;
  }

  return {
    failed(err, where) {
      const problem = storageProblemOf(err);
      if (!problem) return false;
      const now = clock.now();
      const first = !failing;
      failing = failing ?? { problem, since: now, failures: 0, lastAt: now };
      failing.problem = problem;
      failing.failures += 1;
      failing.lastAt = now;
      unlogged += 1;
      if (first || now - lastLogAt >= logEveryMs) {
        const code = (err as { code?: string }).code;
        log.error(
          {
            problem,
            code,
            where,
            dataDir,
            failedWrites: unlogged,
            failingForMs: now - failing.since,
            freeBytes: freeBytes(),
          },
          first
            ? `storage failure (${problem}): cannot write to DATA_DIR; acknowledged events stay queued and are retried with backoff; free space or fix DATA_DIR`
            : `storage still failing (${problem}): free space or fix DATA_DIR; nothing is lost, work resumes by itself`,
        );
        lastLogAt = now;
        unlogged = 0;
      }
      return true;
    },
    succeeded() {
      // a write went through: a cached "nearly full" reading is stale, measure again at the next status
      if (free?.bytes !== undefined && free.bytes < lowSpaceBytes) free = undefined;
      if (!failing) return;
      log.info(
        { failedWrites: failing.failures, failedForMs: clock.now() - failing.since },
        'storage writable again; queued work resumes',
      );
      failing = undefined;
      unlogged = 0;
      lastLogAt = 0;
    },
    retryAt() {
      if (!failing) return 0;
      const delay = Math.min(capDelayMs, baseDelayMs * 2 ** Math.min(30, failing.failures - 1));
      return failing.lastAt + delay;
    },
    status() {
      const bytes = freeBytes();
      const extra = bytes === undefined ? {} : { freeBytes: bytes };
      if (failing) {
        return { ok: false, problem: failing.problem, since: failing.since, failures: failing.failures, ...extra };
      }
      if (bytes !== undefined && bytes < lowSpaceBytes) {
        return { ok: false, problem: 'disk full', since: clock.now(), failures: 0, ...extra };
      }
      return { ok: true, ...extra };
    },
  };
}

function statfsFreeBytes(dir: string): number | undefined {
  try {
    const stats = fs.statfsSync(dir);
    return Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return undefined;
  }
}
