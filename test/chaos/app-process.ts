import fs from 'node:fs';
import path from 'node:path';
import type { ZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';
import { spawnApp, type SpawnedApp } from '../helpers/spawn-app.js';
import type { OutboxStats } from '../../src/bot/reply-outbox-store.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const CHAOS_ADMIN_TOKEN = 'chaos-admin-token-0123456789abcdef';

/**
 * The app under test as a real `npm start` (live mode, Zalo = the driver's simulator), restarted on the
 * same DATA_DIR and port after each kill -9.
 */
export interface AppProcess {
  readonly url: string;
  readonly current: SpawnedApp | undefined;
  start(): Promise<SpawnedApp>;
  /** SIGKILL to npm and node, as a crash or power loss */
  crash(): Promise<void>;
  /** SIGTERM; resolves with the exit code */
  stop(): Promise<number | null>;
  /** the node process's resident set size in MB, if it is running */
  rssMb(): number | undefined;
  /** GET /healthz (undefined while down) */
  health(): Promise<Health | undefined>;
  /** warnings and errors the app logged, by message, over every process so far (the last 200 lines of each) */
  warnings(): Map<string, number>;
}

export interface Health {
  status: string;
  inbox: { pending: number; failed: number; done: number };
  replies: OutboxStats;
}

export function createAppProcess(deps: {
  sim: ZaloSimulator;
  simUrl: string;
  dataDir: string;
  port: number;
  /** extra environment (e.g. REPLY_ABSENT_AFTER_SECONDS) */
  env?: Record<string, string>;
}): AppProcess {
  const { accessToken, refreshToken } = deps.sim.issueTokens();
  const env: Record<string, string> = {
    PORT: String(deps.port),
    HOST: '127.0.0.1',
    ZALO_APP_ID: deps.sim.appId,
    ZALO_APP_SECRET: deps.sim.appSecret,
    ZALO_OA_SECRET_KEY: deps.sim.oaSecretKey,
    ZALO_ACCESS_TOKEN: accessToken,
    ZALO_REFRESH_TOKEN: refreshToken,
    ZALO_OPENAPI_URL: deps.simUrl,
    ZALO_OAUTH_URL: deps.simUrl,
    DATA_DIR: deps.dataDir,
    CONTENT_DIR: path.join(ROOT, 'content'),
    ADMIN_TOKEN: CHAOS_ADMIN_TOKEN,
    LOG_LEVEL: 'warn',
    // the load is many messages per resident: the flood limit would (rightly) silence them
    DIALOG_FLOOD_MAX: '100000',
    BROADCAST_QUIET_HOURS: 'off',
    BROADCAST_TICK_SECONDS: '2',
    ...deps.env,
  };
  const url = `http://127.0.0.1:${deps.port}`;
  let current: SpawnedApp | undefined;
  const warnings = new Map<string, number>();
  /** folds the process's last output lines into `warnings` before it is replaced */
  function collect(app: SpawnedApp | undefined): void {
    for (const line of app?.output().split('\n') ?? []) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as { level?: number; msg?: string; why?: string; code?: string };
      if ((entry.level ?? 0) < 40 || !entry.msg) continue;
      const key = `${entry.msg}${entry.why ? ` [${entry.why}]` : ''}${entry.code ? ` (${entry.code})` : ''}`;
      warnings.set(key, (warnings.get(key) ?? 0) + 1);
    }
  }

  return {
    url,
    get current() {
      return current;
    },
    async start() {
      current = await spawnApp(env, { readyTimeoutMs: 120_000 });
      return current;
    },
    async crash() {
      await current?.crash();
      collect(current);
      current = undefined;
    },
    async stop() {
      if (!current) return null;
      const app = current;
      app.terminate();
      const exit = await app.exited;
      collect(app);
      current = undefined;
      return exit.code;
    },
    warnings: () => warnings,
    rssMb() {
      const pid = current?.pid;
      return pid === undefined ? undefined : nodeRssMb(pid);
    },
    async health() {
      if (!current) return undefined;
      try {
        const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(3_000) });
        return (await res.json()) as Health;
      } catch {
        return undefined;
      }
    },
  };
}

/** RSS of the node child of the `npm start` process `pid` (npm execs node through sh), from /proc. */
function nodeRssMb(pid: number): number | undefined {
  try {
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
    for (const child of children.filter(Boolean)) {
      const status = fs.readFileSync(`/proc/${child}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
      if (kb && /Name:\s+node/.test(status)) return Math.round(Number(kb) / 1024);
    }
  } catch {
    // gone between the reads
  }
  return undefined;
}
