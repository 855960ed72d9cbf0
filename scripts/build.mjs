// Compiles src/ to dist/ with tsc (same folder depth, so paths such as ../../locales resolve alike)
// and copies the files tsc does not emit (SQL migrations, page assets). Plain JavaScript so it runs
// right after `npm ci`. `npm start` runs it as `prestart`: it builds only when something under src/
// (or the TypeScript config, or the lock file) is newer than the last build, and a lock file keeps
// several starts at once (tests) from building over each other. `--force` always builds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.build-stamp');
const LOCK = path.join(ROOT, '.build.lock');
const INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((f) => path.join(ROOT, f));
const STALE_LOCK_MS = 120_000;

const files = (dir) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));

function newestInput() {
  let newest = 0;
  for (const file of [...files(SRC), ...INPUTS.filter((f) => fs.existsSync(f))])
    newest = Math.max(newest, fs.statSync(file).mtimeMs);
  return newest;
}

const upToDate = () => fs.existsSync(STAMP) && fs.statSync(STAMP).mtimeMs >= newestInput();

function build() {
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('build failed: tsc reported errors (see above)');
    process.exit(1);
  }
  for (const file of files(SRC).filter((f) => !f.endsWith('.ts'))) {
    const target = path.join(DIST, path.relative(SRC, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
  }
  fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

/** Takes the lock (waiting for another build to finish, or taking over a lock left by a crash). */
function lock() {
  for (;;) {
    try {
      fs.closeSync(fs.openSync(LOCK, 'wx'));
      return;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      try {
        if (Date.now() - fs.statSync(LOCK).mtimeMs > STALE_LOCK_MS) fs.rmSync(LOCK, { force: true });
      } catch {
        // released meanwhile
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
}

const force = process.argv.includes('--force');
if (force || !upToDate()) {
  lock();
  try {
    if (force || !upToDate()) build();
  } finally {
    fs.rmSync(LOCK, { force: true });
  }
}
