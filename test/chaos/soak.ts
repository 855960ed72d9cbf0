/**
 * `npm run soak` and `npm run chaos` (not in CI): a real `npm start` under resident traffic, random
 * kill -9 and injected Zalo faults; prints progress, then the totals; exits 1 on any duplicate or loss.
 *
 *   npm run soak                      # 30 minutes: traffic, weekly broadcast, kill -9 every 20–90 s, every fault kind
 *   npm run soak -- --minutes 5       # shorter
 *   npm run chaos                     # 50 kill -9 trials under load and Zalo timeouts longer than the client's
 *   npm run chaos -- --trials 10 --seed 7
 *   npm run chaos -- --worker         # with BOT_WORKER=true (the resident side in a worker thread)
 */
import { parseArgs } from 'node:util';
import { ALL_FAULTS, TIMEOUT_FAULTS } from './chaos-faults.js';
import { runChaos, type ChaosOptions, type ChaosReport } from './run-chaos.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string' },
    trials: { type: 'string' },
    seed: { type: 'string' },
    residents: { type: 'string' },
    rate: { type: 'string' },
    worker: { type: 'boolean' },
  },
});

const positive = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`--${name} must be a positive number (got "${value}")`);
    process.exit(2);
  }
  return n;
};

const chaos = values.trials !== undefined;
const seed = positive('seed', values.seed, Date.now() % 1_000_000);
const common = {
  seed,
  residents: Math.round(positive('residents', values.residents, chaos ? 10 : 20)),
  messagesPerSecond: positive('rate', values.rate, chaos ? 6 : 4),
  onProgress: (line: string) => console.log(line),
  ...(values.worker && { env: { BOT_WORKER: 'true' } }),
};
const options: ChaosOptions = chaos
  ? {
      ...common,
      kills: Math.round(positive('trials', values.trials, 50)),
      upMs: [1_500, 6_000],
      faults: TIMEOUT_FAULTS,
      faultsPerSecond: 0.8,
      broadcast: false,
      settleTimeoutMs: 180_000,
      progressEveryMs: 15_000,
    }
  : {
      ...common,
      durationMs: positive('minutes', values.minutes, 30) * 60_000,
      upMs: [20_000, 90_000],
      faults: ALL_FAULTS,
      faultsPerSecond: 0.15,
      broadcast: true,
      settleTimeoutMs: 300_000,
      progressEveryMs: 30_000,
    };

console.log(
  chaos
    ? `chaos: ${options.kills} kill -9 trials, ${options.residents} residents, ${options.messagesPerSecond} msg/s, faults ${options.faults.join(', ')}, seed ${seed}`
    : `soak: ${options.durationMs! / 60_000} min, ${options.residents} residents, ${options.messagesPerSecond} msg/s, weekly broadcast every 3 min, kill -9 every 20–90 s, faults ${options.faults.join(', ')}, seed ${seed}`,
);
const report = await runChaos(options);
printReport(report);
const bad = report.duplicates + report.losses + (report.broadcast?.duplicates ?? 0) + (report.broadcast?.losses ?? 0);
process.exit(bad > 0 || report.unexpected > 0 || !report.settled || report.exitCode !== 0 ? 1 : 0);

function printReport(r: ChaosReport): void {
  const lines = [
    '',
    `duration            ${Math.round(r.durationMs / 1000)} s, ${r.kills} kill -9`,
    `events acknowledged ${r.acknowledged}`,
    `replies sent        ${r.repliesSent}`,
    `duplicates          ${r.duplicates}`,
    `losses              ${r.losses}`,
    `unexpected replies  ${r.unexpected}`,
    `resent unknown      ${r.resentUnknown ?? '-'} (last process; blind resends after lookups settled nothing)`,
    `faults injected     ${Object.entries(r.faults)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  ];
  if (r.broadcast) {
    lines.push(
      `broadcast           ${r.broadcast.runs} runs, ${r.broadcast.sent} group messages, ${r.broadcast.duplicates} duplicates, ${r.broadcast.losses} losses`,
    );
  }
  if (r.dropped.length) lines.push(`left out of the pool ${r.dropped.map((t) => `"${t}"`).join(', ')}`);
  lines.push(
    `settled             ${r.settled ? 'yes' : 'NO (work left after the timeout)'}; final SIGTERM exit ${r.exitCode}`,
  );
  lines.push(`rss (MB) over time  ${rssSummary(r.rss)}`);
  if (r.warnings.length)
    lines.push('app warnings        ' + r.warnings.map(([m, n]) => `${n}× ${m}`).join('\n                    '));
  console.log(lines.join('\n'));
}

/** One sample a minute (the last of each minute), with the process run number after a restart. */
function rssSummary(samples: ChaosReport['rss']): string {
  if (samples.length === 0) return '-';
  const byMinute = new Map<number, (typeof samples)[number]>();
  for (const s of samples) byMinute.set(Math.floor(s.atS / 60), s);
  const max = Math.max(...samples.map((s) => s.mb));
  return `${[...byMinute.values()].map((s) => `${Math.floor(s.atS / 60)}m:${s.mb}`).join(' ')} (max ${max})`;
}
