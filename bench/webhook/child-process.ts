import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { freePort } from '../../test/helpers/spawn-app.js';

/** A server under test in its own process, with its CPU time and peak RSS read from /proc. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** user + system CPU time used so far, ms */
  cpuMs(): number;
  /** peak resident set size so far (VmHWM), bytes */
  peakRss(): number;
  /** resident set size now (VmRSS), bytes */
  rss(): number;
  /** ms from spawn until /healthz first answered 200 */
  startupMs: number;
  /** the last lines the process wrote to stderr */
  errors(): string;
  stop(): Promise<void>;
}

const CLOCK_TICKS_PER_S = 100;

/**
 * Spawns `node ...args` with exactly `env` (plus PATH, HOME and PORT), stdout discarded, and resolves
 * once `GET /healthz` answers 200.
 */
export async function startServerProcess(args: string[], env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr.push(chunk.toString('utf8'));
    if (stderr.length > 50) stderr.shift();
  });
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (exited) throw new Error(`${args.join(' ')} exited before it was healthy:\n${stderr.join('')}`);
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const startupMs = performance.now() - started;
  const pid = child.pid!;
  const status = (field: string): number => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : NaN;
  };
  return {
    url,
    pid,
    startupMs,
    cpuMs() {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
    },
    peakRss: () => status('VmHWM'),
    rss: () => status('VmRSS'),
    errors: () => stderr.join(''),
    async stop() {
      if (!exited) child.kill('SIGTERM');
      await exit;
    },
  };
}
