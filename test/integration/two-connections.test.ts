/**
 * Two connections on one database file (the webhook's and the bot worker's, or the app's and a CLI's):
 * a transaction that reads before it writes must not fail because the other connection committed
 * in between (SQLITE_BUSY_SNAPSHOT, which no busy wait cures). `openDatabase` makes every
 * `db.transaction` take the write lock at BEGIN.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/storage/open-database.js';

const opened: Db[] = [];
let dir: string | undefined;

function twoConnections(): [Db, Db] {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-two-connections-'));
  const file = path.join(dir, 'loa-xa.db');
  const a = openDatabase(file);
  const b = openDatabase(file);
  opened.push(a, b);
  a.exec('CREATE TABLE probe (n INTEGER)');
  return [a, b];
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it('when a transaction has only read so far, then the other connection cannot commit a write into its snapshot', () => {
  const [a, b] = twoConnections();
  b.pragma('busy_timeout = 0');
  const readThenWrite = a.transaction(() => {
    const before = (a.prepare('SELECT COUNT(*) AS n FROM probe').get() as { n: number }).n;
    // the other connection must wait for this transaction: here it gives up at once instead
    expect(() => b.prepare('INSERT INTO probe (n) VALUES (1)').run()).toThrow(/locked|busy/i);
    a.prepare('INSERT INTO probe (n) VALUES (?)').run(before + 100);
  });

  expect(() => readThenWrite()).not.toThrow();
  b.prepare('INSERT INTO probe (n) VALUES (2)').run();
  expect(a.prepare('SELECT n FROM probe ORDER BY rowid').pluck().all()).toEqual([100, 2]);
});

it('when a deferred transaction reads, the other connection commits and it then writes, then it fails at once (why BEGIN IMMEDIATE)', () => {
  const [a, b] = twoConnections();
  const deferred = a.transaction(() => {
    a.prepare('SELECT COUNT(*) FROM probe').get();
    b.prepare('INSERT INTO probe (n) VALUES (1)').run();
    a.prepare('INSERT INTO probe (n) VALUES (2)').run();
  }).deferred;

  expect(() => deferred()).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY_SNAPSHOT' }));
  expect(a.prepare('SELECT n FROM probe').pluck().all()).toEqual([1]);
});
