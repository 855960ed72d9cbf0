/**
 * Exactly-once replies across kill -9 (issue 12, item 1): a real `npm start` under resident traffic,
 * killed with SIGKILL at random moments and restarted on the same DATA_DIR, while Zalo holds answers
 * past the client's 10 s timeout, accepts requests late, refuses them late or drops the connection.
 * The short version (3 kills) runs in the suite; `npm run chaos` runs the full 50 (test/chaos/soak.ts).
 */
import { expect, it } from 'vitest';
import { TIMEOUT_FAULTS } from '../chaos/chaos-faults.js';
import { runChaos } from '../chaos/run-chaos.js';

it.each<[string, Record<string, string>]>([
  ['in one thread', {}],
  ['with the bot worker (BOT_WORKER=true)', { BOT_WORKER: 'true' }],
])(
  'when the app (%s) is killed with SIGKILL 3 times under load and Zalo timeouts longer than the client’s, then every acknowledged message is answered exactly once',
  async (_mode, env) => {
    const report = await runChaos({
      env,
      kills: 3,
      upMs: [1_500, 5_000],
      faults: TIMEOUT_FAULTS,
      faultsPerSecond: 0.8,
      residents: 8,
      messagesPerSecond: 4,
      broadcast: false,
      seed: 12,
      settleTimeoutMs: 150_000,
      progressEveryMs: 60_000,
      onProgress: () => undefined,
    });

    expect(report.acknowledged).toBeGreaterThan(0);
    expect(Object.values(report.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect({
      duplicates: report.duplicates,
      losses: report.losses,
      unexpected: report.unexpected,
      settled: report.settled,
      exitCode: report.exitCode,
    }).toEqual({ duplicates: 0, losses: 0, unexpected: 0, settled: true, exitCode: 0 });
    expect(report.repliesSent).toBe(report.acknowledged);
  },
  400_000,
);
