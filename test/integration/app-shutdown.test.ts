import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

it('when `npm start` runs without Zalo credentials and gets SIGTERM, then it serves the sandbox, stops cleanly and exits 0', async () => {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('ZALO_') && key !== 'SANDBOX'),
  );
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: {
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-start-')),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines: Array<Record<string, unknown>> = [];
  const up = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as Record<string, unknown>;
      lines.push(entry);
      if (typeof entry.sandboxUrl === 'string' && typeof entry.url === 'string') resolve(entry.url);
    });
    void exited.then((code) => reject(new Error(`npm start exited early with ${code}`)));
  });

  try {
    const url = await up;
    const health = await fetch(`${url}/healthz`);
    const sandboxPage = await fetch(`${url}/sandbox`);
    child.kill('SIGTERM');

    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', content: expect.any(String), sandbox: true });
    expect(sandboxPage.status).toBe(200);
    expect(await exited).toBe(0);
    expect(lines.map((l) => l.msg)).toContain('stopped');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}, 60_000);
