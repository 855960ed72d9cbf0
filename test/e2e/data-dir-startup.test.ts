/**
 * Start-up on a bad DATA_DIR (issue 12, item 2): a real `npm start` child on a missing and on an
 * unwritable folder stops at once, exit code non-zero, with one message naming the variable and the
 * path, and no stack trace.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/spawn-app.js';
import { withDeadline } from './wait-for.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const cleanups: Array<() => void> = [];
afterAll(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** Runs `npm start` with DATA_DIR=`dataDir` (sandbox mode) until it exits; returns the code and all output. */
async function startOn(dataDir: string): Promise<{ code: number | null; output: string }> {
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const code = await withDeadline('npm start to stop on the bad DATA_DIR', exited, 45_000, () => output);
    return { code, output };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

/**
 * A folder no process can write to, root included: a read-only tmpfs when mounting is allowed (root
 * with CAP_SYS_ADMIN, as in CI), else a folder without write permission (enough for other users).
 */
function unwritableDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-ro-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    cleanups.push(() => execFileSync('umount', [dir], { stdio: 'ignore' }));
  } catch {
    fs.chmodSync(dir, 0o555);
  }
  return dir;
}

function expectPlainDataDirError(result: { code: number | null; output: string }, dir: string): void {
  expect(result.code).not.toBe(0);
  expect(result.code).not.toBeNull();
  expect(result.output).toContain('DATA_DIR');
  expect(result.output).toContain(path.resolve(dir));
  expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(result.output).not.toMatch(/SqliteError|Error:.*\n\s+at /);
  expect(result.output).not.toMatch(/is up/);
}

describe('npm start on a bad DATA_DIR', () => {
  it('when DATA_DIR names a folder that does not exist, then it exits non-zero naming DATA_DIR and the path, without a stack trace, and creates nothing', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-missing-'));
    cleanups.push(() => fs.rmSync(parent, { recursive: true, force: true }));
    const missing = path.join(parent, 'not-mounted');

    const result = await startOn(missing);

    expectPlainDataDirError(result, missing);
    expect(result.output).toMatch(/does not exist/);
    expect(fs.existsSync(missing)).toBe(false);
  }, 60_000);

  it('when DATA_DIR is a folder nobody may write to, then it exits non-zero naming DATA_DIR and the path, without a stack trace', async () => {
    const dir = unwritableDir();

    const result = await startOn(dir);

    expectPlainDataDirError(result, dir);
    expect(result.output).toMatch(/not writable/);
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 60_000);
});
