import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { expect, it } from 'vitest';
import { createZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';
import { signZaloBody } from '../../src/zalo/zalo-signature.js';
import { simulatorEnv } from '../helpers/simulator-env.js';
import { freePort, spawnApp } from '../helpers/spawn-app.js';

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

it.each<[string, Record<string, string>]>([
  ['in one thread', {}],
  ['with the bot worker (BOT_WORKER=true)', { BOT_WORKER: 'true' }],
])(
  'when Ctrl-C hits the `npm start` process group and again while a reply is in flight (%s), then the second SIGINT is "already stopping", the reply finishes and node stops with 0 and "stopped"',
  async (_mode, env) => {
    const sim = createZaloSimulator();
    const { url: simUrl } = await sim.listen({ host: '127.0.0.1', port: 0 });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-sigint-'));
    const app = await spawnApp({
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      ...simulatorEnv(sim, simUrl),
      DATA_DIR: dataDir,
      CONTENT_DIR: path.join(ROOT, 'content'),
      ...env,
    });
    try {
      const { userId } = sim.addUser({ displayName: 'Chị Lan' });
      sim.touchUser(userId);
      // the reply's POST hangs 1.5 s at "Zalo", so the stop has work to drain when the signals come
      sim.injectFault({ path: '/v3.0/oa/message/cs', latencyMs: 1_500 });
      const body = JSON.stringify({
        app_id: sim.appId,
        sender: { id: userId },
        recipient: { id: sim.oaId },
        event_name: 'user_send_text',
        message: { text: 'menu', msg_id: 'a0b1c2d3e4f5a6b7c8d9' },
        timestamp: String(Date.now()),
      });
      const res = await fetch(`${app.url}/webhook/zalo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-zevent-signature': signZaloBody(body, sim.oaSecretKey) },
        body,
      });
      expect(res.status).toBe(200);
      const deadline = Date.now() + 15_000;
      while (!sim.requests.some((r) => r.path === '/v3.0/oa/message/cs') && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));

      const started = Date.now();
      app.interrupt();
      await new Promise((resolve) => setTimeout(resolve, 300));
      app.interrupt();
      const exit = await app.exited;
      const messages = app
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => (JSON.parse(line) as { msg?: string }).msg);

      expect(messages.filter((m) => m?.startsWith('shutting down'))).toHaveLength(1);
      expect(messages).toContain('already stopping; the second signal changes nothing');
      expect(messages.at(-1)).toBe('stopped');
      // npm exits with node's code: 0, not killed by the second SIGINT
      expect(exit, app.output()).toEqual({ code: 0, signal: null });
      expect(sim.sentToUser(userId)).toHaveLength(1);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await app.crash();
      await sim.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
  90_000,
);
