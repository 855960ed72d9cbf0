import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** output lines kept for failure messages */
const KEPT_LINES = 200;

export interface AppExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SpawnedApp {
  /** http://HOST:PORT */
  url: string;
  /** pid of the `npm start` process (the leader of the app's process group; node is its child) */
  pid: number | undefined;
  /** settles when the `npm start` process exits */
  exited: Promise<AppExit>;
  /** the last lines the app printed (stdout and stderr), for failure messages */
  output(): string;
  /** SIGTERM to the `npm start` process (npm forwards it to node), as a service manager stops it */
  terminate(): void;
  /** SIGINT to the whole process group, as Ctrl-C in a terminal: node gets it and npm forwards its copy */
  interrupt(): void;
  /** SIGKILL to the whole process group (npm and node), as in a crash or power loss; resolves on exit */
  crash(): Promise<AppExit>;
}

/** A TCP port free on 127.0.0.1 right now (found by binding port 0 and releasing it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `npm start` in the repository with exactly `env` (plus PATH and HOME so npm can run): nothing
 * else from the test runner's environment leaks in. `env` must set PORT and HOST. Resolves once
 * `GET /healthz` answers 200; rejects with the app's output when it exits first or misses `readyTimeoutMs`.
 * The child leads its own process group so `crash()` can SIGKILL node too (npm does not forward SIGKILL).
 */
export async function spawnApp(env: Record<string, string>, { readyTimeoutMs = 60_000 } = {}): Promise<SpawnedApp> {
  const { PORT, HOST } = env;
  if (!PORT || !HOST) throw new Error('spawnApp: env must set PORT and HOST');
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer): void => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > KEPT_LINES) lines.splice(0, lines.length - KEPT_LINES);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<AppExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const app: SpawnedApp = {
    url: `http://${HOST}:${PORT}`,
    pid: child.pid,
    exited,
    output: () => lines.join('\n'),
    terminate: () => void child.kill('SIGTERM'),
    interrupt() {
      try {
        if (!hasExited && child.pid !== undefined) process.kill(-child.pid, 'SIGINT');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
      }
    },
    async crash() {
      try {
        if (!hasExited && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err; // already gone
      }
      return exited;
    },
  };

  const deadline = Date.now() + readyTimeoutMs;
  while (!(await isHealthy(app.url))) {
    if (hasExited || Date.now() > deadline) {
      await app.crash();
      throw new Error(`npm start did not become healthy (${hasExited ? 'exited' : 'timed out'}):\n${app.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return app;
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
    return res.status === 200;
  } catch {
    return false;
  }
}
