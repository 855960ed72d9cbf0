/**
 * Broadcast fan-out benchmark (127.0.0.1 only, bounded to well under a minute):
 * - baseline: a raw HTTP POST loop (same concurrency) to the simulator's group/message endpoint;
 * - fan-out: one campaign to 1,000 groups through the scheduler, the real Zalo client and SQLite,
 *   rate limit off; then with the limit on (100/min, "Tăng trưởng" package) on a manual clock, where
 *   the figure is the simulated time the run needs (Zalo's budget, not our speed) next to the wall time;
 * - scheduler lateness: due time → first send, measured from the tick that finds the run due
 *   (add up to BROADCAST_TICK_SECONDS for the tick interval itself), next to one raw POST.
 * Run: npx tsx bench/broadcast/bench.ts (or npm run bench).
 */
import { performance } from 'node:perf_hooks';
import { startBroadcastHarness, vn, type BroadcastHarness } from '../../test/helpers/broadcast-harness.js';
import type { ZaloApi } from '../../src/zalo/zalo-api.js';

const GROUPS = 1000;
const CONCURRENCY = 8;
const TEXT = 'Chuyên mục giảm nghèo tháng 12: hộ nghèo, hộ cận nghèo được hỗ trợ mua thẻ BHYT, vay vốn ưu đãi.';

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function setup(rateLimitPerMinute: number, wrap?: (api: ZaloApi) => ZaloApi) {
  const h = await startBroadcastHarness({ rateLimitPerMinute, wrap, options: { concurrency: CONCURRENCY } });
  const groups = Array.from({ length: GROUPS }, (_, i) => h.sim.addGroup({ name: `Nhóm ${i}` }).groupId);
  await h.broadcast.directory.sync('bench');
  const c = h.broadcast.campaigns.create(
    { title: 'bench', text: TEXT, audience: { all: true }, schedule: { type: 'once', at: '2026-11-02T10:00' } },
    'a',
  );
  h.broadcast.campaigns.approve(c.id, 'b');
  h.clock.set(vn('2026-11-02T10:00:00'));
  return { h, groups, campaignId: c.id };
}

async function rawBaseline(h: BroadcastHarness, groups: string[]): Promise<{ perSec: number; singleMs: number }> {
  const token = h.sim.issueTokens().accessToken;
  const post = (groupId: string) =>
    fetch(`${h.simUrl}/v3.0/oa/group/message`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', access_token: token },
      body: JSON.stringify({ recipient: { group_id: groupId }, message: { text: TEXT } }),
    }).then((r) => r.json());
  for (const g of groups.slice(0, 200)) await post(g); // warm-up (JIT, sockets), not measured
  const t1 = performance.now();
  await post(groups[0]!);
  const singleMs = performance.now() - t1;
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < groups.length) await post(groups[next++]!);
    }),
  );
  return { perSec: groups.length / ((performance.now() - start) / 1000), singleMs };
}

async function main(): Promise<void> {
  const deadline = setTimeout(() => {
    console.error('broadcast bench: over 120 s, aborting');
    process.exit(1);
  }, 120_000);
  deadline.unref();

  // Baseline on its own simulator (its limit raised so it never answers -32).
  const base = await setup(1e9);
  const raw = await rawBaseline(base.h, base.groups);
  await base.h.close();

  // Fan-out, rate limit off; also records when the first send returns.
  let firstSendAt = 0;
  const timed = (api: ZaloApi): ZaloApi => ({
    ...api,
    async sendGroupMessage(...args) {
      const r = await api.sendGroupMessage(...args);
      firstSendAt ||= performance.now();
      return r;
    },
  });
  const off = await setup(Number.POSITIVE_INFINITY, timed);
  off.h.sim.setRateLimit(1e9);
  const tickStart = performance.now();
  await off.h.broadcast.scheduler.tick();
  const offWall = performance.now() - tickStart;
  const offCounts = off.h.broadcast.runs.report(off.h.broadcast.runs.listRuns(off.campaignId)[0]!.id).counts;
  const lateness = firstSendAt - tickStart;
  await off.h.close();

  // Rate limit on: 100/min on a manual clock.
  const on = await setup(100);
  const simStart = on.h.clock.now();
  const onWallStart = performance.now();
  await on.h.broadcast.scheduler.tick();
  const onWall = performance.now() - onWallStart;
  const onSimMin = (on.h.clock.now() - simStart) / 60_000;
  const onCounts = on.h.broadcast.runs.report(on.h.broadcast.runs.listRuns(on.campaignId)[0]!.id).counts;
  await on.h.close();

  console.log('broadcast bench (1,000 groups, simulator on 127.0.0.1, concurrency 8)');
  console.log(`  baseline raw HTTP POST loop        ${fmt(raw.perSec)} msg/s   (one POST: ${fmt(raw.singleMs, 1)} ms)`);
  console.log(
    `  campaign fan-out, rate limit off   ${fmt(GROUPS / (offWall / 1000))} msg/s   (${fmt(offWall)} ms; sent ${offCounts.sent}/${GROUPS}; ${fmt((GROUPS / (offWall / 1000) / raw.perSec) * 100)}% of baseline)`,
  );
  console.log(
    `  campaign fan-out, 100/min limit    ${fmt(onSimMin, 1)} simulated min = ${fmt(GROUPS / onSimMin)} msg/min of 100 allowed (ideal ${fmt(GROUPS / 100 - 1)} min), wall ${fmt(onWall)} ms; sent ${onCounts.sent}/${GROUPS}`,
  );
  console.log(
    `  scheduler lateness, tick → first send  ${fmt(lateness, 1)} ms (+ up to BROADCAST_TICK_SECONDS between ticks); baseline one raw POST ${fmt(raw.singleMs, 1)} ms`,
  );
}

await main();
