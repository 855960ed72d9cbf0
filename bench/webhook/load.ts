import http from 'node:http';

export interface LoadResult {
  /** requests per second over the whole run */
  rate: number;
  /** per-request latencies in ms, in request order */
  latencies: number[];
  /** when each request was sent (performance.now()), in request order */
  sentAt: number[];
  statuses: number[];
}

/**
 * A bounded closed-loop load generator: `count` POSTs, `concurrency` in flight, over one keep-alive
 * agent. `body(i)` gives the i-th request's bytes and headers.
 */
export async function runLoad(options: {
  url: string;
  count: number;
  concurrency: number;
  body: (i: number) => { raw: string; headers?: Record<string, string> };
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const target = new URL(options.url);
  const latencies = new Array<number>(options.count);
  const sentAt = new Array<number>(options.count);
  const statuses = new Array<number>(options.count);
  let next = 0;

  function send(i: number): Promise<void> {
    const { raw, headers = {} } = options.body(i);
    return new Promise((resolve, reject) => {
      sentAt[i] = performance.now();
      post(agent, target, raw, headers, (status) => {
        latencies[i] = performance.now() - sentAt[i]!;
        statuses[i] = status;
        resolve();
      }).on('error', reject);
    });
  }

  async function worker(): Promise<void> {
    while (next < options.count) await send(next++);
  }

  const start = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return { rate: options.count / seconds, latencies, sentAt, statuses };
}

export interface OpenLoopResult {
  /** per-request latency in ms from when it was due (not when it left), so a stalled server is not hidden */
  latencies: number[];
  /** when each request was due (epoch ms, `performance.timeOrigin + performance.now()`) */
  dueAt: number[];
  /** HTTP status, 0 for a connection error */
  statuses: number[];
  /** requests per second actually started (below `rate` when the generator itself fell behind) */
  rate: number;
}

/**
 * An open-loop load generator: request i is due at `i / rate` seconds after the start, whether or not
 * earlier ones were answered (as Zalo delivers), over one keep-alive agent with up to `maxSockets` open.
 */
export async function runOpenLoop(options: {
  url: string;
  rate: number;
  count: number;
  body: (i: number) => { raw: string; headers?: Record<string, string> };
  maxSockets?: number;
}): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 512 });
  const target = new URL(options.url);
  const latencies = new Array<number>(options.count).fill(NaN);
  const dueAt = new Array<number>(options.count);
  const statuses = new Array<number>(options.count).fill(0);
  const origin = performance.timeOrigin;
  const start = performance.now();
  let next = 0;
  let open = 0;

  return new Promise((resolve) => {
    const finish = (): void => {
      agent.destroy();
      resolve({ latencies, dueAt, statuses, rate: options.count / ((performance.now() - start) / 1000) });
    };
    const send = (i: number, due: number): void => {
      const { raw, headers = {} } = options.body(i);
      dueAt[i] = origin + due;
      open += 1;
      const done = (status: number): void => {
        latencies[i] = performance.now() - due;
        statuses[i] = status;
        open -= 1;
        if (next >= options.count && open === 0) finish();
      };
      post(agent, target, raw, headers, done).on('error', () => done(0));
    };
    const tick = (): void => {
      const now = performance.now();
      while (next < options.count && start + (next * 1000) / options.rate <= now) {
        send(next, start + (next * 1000) / options.rate);
        next += 1;
      }
      if (next < options.count) setTimeout(tick, 1);
    };
    tick();
  });
}

/** POSTs `raw` over the agent; `done(status)` once the answer was read to its end. */
function post(
  agent: http.Agent,
  target: URL,
  raw: string,
  headers: Record<string, string>,
  done: (status: number) => void,
): http.ClientRequest {
  const req = http.request(
    {
      agent,
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(raw), ...headers },
    },
    (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    },
  );
  req.end(raw);
  return req;
}

/** The p-th percentile (0–100) of a list of numbers, nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
