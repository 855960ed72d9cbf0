/**
 * Webhook benchmark, the shape of the outside load check: the real app (`npm start`'s entry, its own
 * process, a temp DATA_DIR, ./content) configured through the contract env, with the Zalo simulator
 * in this process answering the OpenAPI over HTTP on 127.0.0.1, next to a bare express hello-world
 * (also its own process) measured the same way in the same run.
 * - open loop: RATE signed events/s for DURATION s over RESIDENTS residents (Zalo does not wait for
 *   our answers): ack p50/p99 (from when each request was due), end-to-end p50/p99 (due → reply
 *   received by the simulator), replies missing DRAIN s after the load ended, app CPU per event, peak RSS;
 * - closed loop: CLOSED events at CONCURRENCY in flight, one per new resident: acknowledged/s as a
 *   ratio to express, and replies/s.
 * `--quick` runs a reduced form (5 s open loop over 1,500 residents, 3,000 closed-loop events).
 * `--rate N` and `--seconds N` change the open loop; `--ts` runs the app from TypeScript (tsx) instead
 * of dist/; `--cpu-prof DIR` writes the app's CPU profile there (open it in Chrome DevTools);
 * `--worker` measures the app a second time with BOT_WORKER=true, in the same run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Clock } from '../../src/shared/clock.js';
import { createZaloSimulator, type ZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';
import { signZaloBody } from '../../src/zalo/zalo-signature.js';
import { simulatorEnv } from '../../test/helpers/simulator-env.js';
import { startServerProcess, type ServerProcess } from './child-process.js';
import { percentile, runLoad, runOpenLoop } from './load.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const RATE = Number(flag('--rate') ?? 1_000);
const DURATION_S = Number(flag('--seconds') ?? (quick ? 5 : 20));
const RESIDENTS = quick ? 1_500 : 5_000;
const CLOSED = quick ? 3_000 : 10_000;
const CONCURRENCY = 50;
const DRAIN_MS = 10_000;
/** how long the closed loop waits for its replies after the last acknowledgement */
const CLOSED_DRAIN_MS = 60_000;
const QUESTIONS = ['hộ nghèo được hỗ trợ những gì', 'thủ tục vay vốn ưu đãi', 'bao hiem y te cho ho can ngheo'];

const ROOT = path.resolve(import.meta.dirname, '../..');
const clock: Clock = { now: () => performance.timeOrigin + performance.now() };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

function appArgs(): string[] {
  const profile = flag('--cpu-prof');
  const profiling = profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profile)}`] : [];
  const compiled = path.join(ROOT, 'dist/main.js');
  if (!args.includes('--ts') && fs.existsSync(compiled)) return [...profiling, compiled];
  return [...profiling, '--import', 'tsx', path.join(ROOT, 'src/main.ts')];
}

async function startApp(
  sim: ZaloSimulator,
  simUrl: string,
  dataDir: string,
  env: Record<string, string>,
): Promise<ServerProcess> {
  return startServerProcess(appArgs(), {
    ...simulatorEnv(sim, simUrl),
    // the simulator allows this too; at the default 4,000/min replies cannot exceed ~66/s
    ZALO_RATE_LIMIT_PER_MINUTE: '1000000',
    DATA_DIR: dataDir,
    CONTENT_DIR: path.join(ROOT, 'content'),
    LOG_LEVEL: 'info',
    ...env,
  });
}

/** A signed `user_send_text` body for each event: event i comes from resident i % residents.length. */
function signedBodies(sim: ZaloSimulator, residents: string[], count: number) {
  return Array.from({ length: count }, (_, i) => {
    const resident = i % residents.length;
    const raw = JSON.stringify(sim.events.userSendText(residents[resident]!, QUESTIONS[resident % QUESTIONS.length]!));
    return { raw, headers: { 'x-zevent-signature': signZaloBody(raw, sim.oaSecretKey) } };
  });
}

const newResidents = (sim: ZaloSimulator, n: number) =>
  Array.from({ length: n }, () => sim.addUser({ isFollower: true, lastInteraction: clock.now() }).userId);

/** How many messages one turn of each question sends (asked twice: the count must not change). */
async function partsPerTurn(sim: ZaloSimulator, url: string): Promise<number[]> {
  const residents = newResidents(sim, QUESTIONS.length);
  const bodies = signedBodies(sim, residents, QUESTIONS.length * 2);
  const before = residents.map(() => 0);
  const counts: number[][] = residents.map(() => []);
  for (let round = 0; round < 2; round += 1) {
    const slice = bodies.slice(round * QUESTIONS.length, (round + 1) * QUESTIONS.length);
    await runLoad({ url, count: slice.length, concurrency: 1, body: (i) => slice[i]! });
    await waitUntil(() => residents.every((r, i) => sim.sentToUser(r).length > before[i]!), 10_000);
    await sleep(500);
    residents.forEach((r, i) => {
      const now = sim.sentToUser(r).length;
      counts[i]!.push(now - before[i]!);
      before[i] = now;
    });
  }
  const parts = counts.map(([first, second]) => (first === second ? first! : NaN));
  if (parts.some((p) => !(p! > 0)))
    throw new Error(`a question's reply changes between turns: ${JSON.stringify(counts)}`);
  return parts;
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = clock.now() + timeoutMs;
  while (!done()) {
    if (clock.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

interface OpenLoopFigures {
  events: number;
  ackP50: number;
  ackP99: number;
  /** acknowledged with 200 within Zalo's 2 s */
  ackedInTime: number;
  e2eP50: number;
  e2eP99: number;
  missing: number;
  cpuPerEventMs: number;
  peakRss: number;
}

/** Open loop against the app; `expect` says how many messages each event's reply has (0: a baseline). */
async function openLoop(
  target: ServerProcess,
  path: string,
  bodies: Array<{ raw: string; headers: Record<string, string> }>,
  replies?: { sim: ZaloSimulator; residents: string[]; parts: number[] },
): Promise<OpenLoopFigures> {
  const cpuBefore = target.cpuMs();
  const load = await runOpenLoop({
    url: `${target.url}${path}`,
    rate: RATE,
    count: bodies.length,
    body: (i) => bodies[i]!,
  });
  // the drain counts from when the last event was due, not from its (maybe late) acknowledgement
  const loadEnd = load.dueAt.at(-1)!;
  const acked = load.latencies.filter((_, i) => load.statuses[i] === 200);
  const figures = {
    events: bodies.length,
    ackP50: percentile(acked, 50),
    ackP99: percentile(load.latencies, 99),
    ackedInTime: load.latencies.filter((l, i) => load.statuses[i] === 200 && l < 2_000).length,
    e2eP50: NaN,
    e2eP99: NaN,
    missing: 0,
    cpuPerEventMs: 0,
    peakRss: target.peakRss(),
  };
  if (replies) {
    const { sim, residents, parts } = replies;
    const turns = Math.ceil(bodies.length / residents.length);
    const expected = (r: number) =>
      parts[r % parts.length]! * (Math.floor((bodies.length - 1 - r) / residents.length) + 1);
    const missing = () => residents.reduce((n, id, r) => n + Math.max(0, expected(r) - sim.sentToUser(id).length), 0);
    await waitUntil(() => missing() === 0, Math.max(0, loadEnd + DRAIN_MS - clock.now()));
    figures.missing = missing();
    const e2e: number[] = [];
    for (let i = 0; i < bodies.length; i += 1) {
      const r = i % residents.length;
      const turn = Math.floor(i / residents.length);
      const reply = sim.sentToUser(residents[r]!)[(turn + 1) * parts[r % parts.length]! - 1];
      e2e.push(reply && turn < turns ? reply.time - load.dueAt[i]! : Infinity);
    }
    figures.e2eP50 = percentile(e2e, 50);
    figures.e2eP99 = percentile(e2e, 99);
  }
  figures.cpuPerEventMs = (target.cpuMs() - cpuBefore) / bodies.length;
  figures.peakRss = target.peakRss();
  return figures;
}

async function closedLoop(
  target: ServerProcess,
  path: string,
  bodies: Array<{ raw: string; headers: Record<string, string> }>,
  replies?: { sim: ZaloSimulator; residents: string[]; parts: number[] },
) {
  const start = clock.now();
  const load = await runLoad({
    url: `${target.url}${path}`,
    count: bodies.length,
    concurrency: CONCURRENCY,
    body: (i) => bodies[i]!,
  });
  let repliesPerSecond = NaN;
  let replied = 0;
  if (replies) {
    const { sim, residents, parts } = replies;
    const got = () => residents.filter((id, r) => sim.sentToUser(id).length >= parts[r % parts.length]!).length;
    await waitUntil(() => got() === residents.length, CLOSED_DRAIN_MS);
    replied = got();
    const last = Math.max(...residents.map((id) => sim.sentToUser(id).at(-1)?.time ?? 0));
    repliesPerSecond = replied / ((last - start) / 1000);
  }
  return {
    rate: load.rate,
    p50: percentile(load.latencies, 50),
    p99: percentile(load.latencies, 99),
    replied,
    repliesPerSecond,
  };
}

const sim = createZaloSimulator({ clock, rateLimitPerMinute: 1_000_000_000, subQuotaTotal: 1_000_000_000 });
const simServer = await sim.listen();
const hello = { raw: '{"hello":"world"}', headers: {} };
const openCount = RATE * DURATION_S;

console.log(
  `Node ${process.version}, ${os.cpus().length} CPU(s), load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; ` +
    `app: node ${appArgs()
      .join(' ')
      .replace(ROOT + '/', '')}${quick ? ' (--quick)' : ''}`,
);

const express = await startServerProcess(['--import', 'tsx', path.join(ROOT, 'bench/webhook/express-hello.ts')], {});
const expressClosed = await closedLoop(
  express,
  '/',
  Array.from({ length: CLOSED }, () => hello),
);
const expressOpen = await openLoop(
  express,
  '/',
  Array.from({ length: openCount }, () => hello),
);
await express.stop();

/** One app (its own process and DATA_DIR): start-up, the open loop, then the closed loop. */
async function measureApp(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-bench-'));
  const app = await startApp(sim, simServer.url, dataDir, env);
  const appUrl = `${app.url}/webhook/zalo`;
  const startupRss = app.rss();
  const parts = await partsPerTurn(sim, appUrl);
  const openResidents = newResidents(sim, RESIDENTS);
  const open = await openLoop(app, '/webhook/zalo', signedBodies(sim, openResidents, openCount), {
    sim,
    residents: openResidents,
    parts,
  });
  await sleep(DRAIN_MS);
  const closedResidents = newResidents(sim, CLOSED);
  const closed = await closedLoop(app, '/webhook/zalo', signedBodies(sim, closedResidents, CLOSED), {
    sim,
    residents: closedResidents,
    parts,
  });
  const peakRss = app.peakRss();
  const errors = app.errors();
  await app.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { startupMs: app.startupMs, startupRss, parts, open, closed, peakRss, errors };
}

// --worker: the app in one thread, then with BOT_WORKER=true, in the same run
const modes: Array<[string, Record<string, string>]> = [['webhook, one thread', {}]];
if (args.includes('--worker')) modes.push(['webhook, BOT_WORKER=true', { BOT_WORKER: 'true' }]);
const results: Array<[string, Awaited<ReturnType<typeof measureApp>>]> = [];
for (const [name, env] of modes) results.push([name, await measureApp(env)]);
await sim.close();

for (const [name, r] of results)
  console.log(`${name} start-up: ${ms(r.startupMs)} to the first healthy /healthz, RSS then ${mb(r.startupRss)}`);
console.log(`\nopen loop: ${RATE} events/s for ${DURATION_S} s (${openCount} events) over ${RESIDENTS} residents`);
console.log(
  `${'target'.padEnd(30)} ${'ack p50'.padStart(9)} ${'ack p99'.padStart(9)} ${'in 2 s'.padStart(7)} ${'e2e p50'.padStart(9)} ${'e2e p99'.padStart(10)} ${'missing'.padStart(8)} ${'CPU/ev'.padStart(8)} ${'peak RSS'.padStart(9)}`,
);
const openRow = (name: string, f: OpenLoopFigures, app: boolean) =>
  console.log(
    `${name.padEnd(30)} ${ms(f.ackP50).padStart(9)} ${ms(f.ackP99).padStart(9)} ${String(f.ackedInTime).padStart(7)} ` +
      `${(app ? ms(f.e2eP50) : '-').padStart(9)} ${(app ? ms(f.e2eP99) : '-').padStart(10)} ` +
      `${(app ? String(f.missing) : '-').padStart(8)} ${ms(f.cpuPerEventMs).padStart(8)} ${mb(f.peakRss).padStart(9)}`,
  );
openRow('express hello-world', expressOpen, false);
for (const [name, r] of results) openRow(name, r.open, true);
console.log(
  `  (missing: replies not received ${DRAIN_MS / 1000} s after the load ended; ${results[0]![1].parts.join('/')} message(s) per reply)`,
);
console.log(`\nclosed loop: ${CLOSED} events, ${CONCURRENCY} in flight, one per new resident`);
console.log(
  `express hello-world:  ${expressClosed.rate.toFixed(0)} req/s (p50 ${ms(expressClosed.p50)}, p99 ${ms(expressClosed.p99)})`,
);
for (const [name, { closed }] of results)
  console.log(
    `${`${name}:`.padEnd(30)} ${closed.rate.toFixed(0)} acks/s = ${((100 * closed.rate) / expressClosed.rate).toFixed(0)}% of express ` +
      `(p50 ${ms(closed.p50)}, p99 ${ms(closed.p99)}); ${closed.replied}/${CLOSED} replied, ${closed.repliesPerSecond.toFixed(0)} replies/s`,
  );
for (const [name, r] of results) {
  console.log(`${name} peak RSS over the run: ${mb(r.peakRss)}`);
  if (r.errors.trim()) console.log(`${name} stderr:\n${r.errors}`);
  if (r.open.missing > 0 || r.closed.replied < CLOSED) process.exitCode = 1;
}
