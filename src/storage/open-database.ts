import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export type Db = Database.Database;

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Opens (creating if needed) the SQLite database and applies pending migrations. Every
 * `db.transaction(fn)` begins IMMEDIATE (see `beginImmediately`). Migrations are `src/storage/migrations/NNN_name.sql`, applied in name order, each in one
 * transaction, recorded in `schema_migrations`. Use `':memory:'` in unit tests.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  beginImmediately(db);
  migrate(db);
  return db;
}

/**
 * Makes `db.transaction(fn)` return its `.immediate` variant: the write lock is taken at BEGIN,
 * waiting up to busy_timeout for another connection (the bot worker's, a CLI's). A deferred
 * transaction that reads and then writes fails at once with SQLITE_BUSY_SNAPSHOT when another
 * connection committed in between (no busy wait can help it), which under load turned into event
 * retries minutes apart. Nested calls stay savepoints.
 */
function beginImmediately(db: Db): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn) => transaction(fn).immediate) as Db['transaction'];
}

function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const done = new Set(
    db
      .prepare('SELECT name FROM schema_migrations')
      .all()
      .map((r) => (r as { name: string }).name),
  );
  const files = fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const record = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  for (const f of files) {
    if (done.has(f)) continue;
    const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, f), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      record.run(f, Date.now());
    })();
  }
}
