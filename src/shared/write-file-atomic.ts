import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Replaces `file` with `text` atomically: written and flushed to a hidden temporary file beside it
 * (same folder, so same file system; not a `.yaml` name, so the content loader never reads it), then
 * renamed over it. A reader — the live reload, an admin's editor — sees the old file or the new one,
 * never half of it. The file's permissions are kept.
 */
export function writeFileAtomic(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = fs.statSync(file).mode & 0o777;
  const fd = fs.openSync(temp, 'wx', mode);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
