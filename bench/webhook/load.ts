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
          res.on('end', () => {
            latencies[i] = performance.now() - sentAt[i]!;
            statuses[i] = res.statusCode ?? 0;
            resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(raw);
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

/** The p-th percentile (0–100) of a list of numbers, nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
