import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../shared/errors.js';

/**
 * Makes sure DATA_DIR can hold the database before anything opens it, so a bad volume stops start-up
 * with one line naming the variable and the path instead of a SQLite stack trace. A missing folder is
 * created only when `create` is set (the default `./data` on a fresh clone): a configured DATA_DIR that
 * does not exist is usually a volume that is not mounted, and writing beside it would lose the data.
 * Throws `ConfigError('DATA_DIR', …)` when the folder is missing, not a folder, or not writable.
 * @example checkDataDir(config.dataDir, { create: config.dataDirDefault });
 */
export function checkDataDir(dir: string, options: { create: boolean }): void {
  const shown = path.resolve(dir);
  let stats: fs.Stats | undefined;
  try {
    stats = fs.statSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw fail(shown, 'cannot be read', err);
  }
  if (!stats) {
    if (!options.create) {
      throw new ConfigError(
        'DATA_DIR',
        `DATA_DIR=${shown} does not exist: create the folder (or mount its volume), or unset DATA_DIR to use ./data`,
      );
    }
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw fail(shown, 'cannot be created', err);
    }
  } else if (!stats.isDirectory()) {
    throw new ConfigError('DATA_DIR', `DATA_DIR=${shown} is not a folder: point DATA_DIR at a folder for the database`);
  }
  const probe = path.join(dir, `.write-check-${process.pid}`);
  try {
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe, { force: true });
  } catch (err) {
    throw fail(shown, 'is not writable', err);
  }
}

function fail(shown: string, what: string, err: unknown): ConfigError {
  const code = (err as NodeJS.ErrnoException).code ?? 'error';
  const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EROFS' ? 'read-only file system' : code;
  return new ConfigError(
    'DATA_DIR',
    `DATA_DIR=${shown} ${what} (${why}): give the service a writable folder with free space`,
  );
}
