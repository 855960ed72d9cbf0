import type { ZaloSimulator } from '../../src/simulator/create-zalo-simulator.js';
import { CHAOS_ADMIN_TOKEN } from './app-process.js';

/** The weekly column's schedule, compressed so a soak of half an hour sees several runs. */
export const COMPRESSED_WEEKLY_CRON = '*/3 * * * *';
const TEXT = 'Chuyên mục giảm nghèo hằng tuần: hộ nghèo được hỗ trợ 100% mệnh giá thẻ BHYT (kiểm thử soak).';

export interface BroadcastCounts {
  runs: number;
  /** group messages Zalo accepted */
  sent: number;
  duplicates: number;
  losses: number;
}

export interface WeeklyBroadcast {
  /** Stops new runs (pause) and waits until the released ones have no delivery left to send. */
  finish(appUrl: string, timeoutMs: number): Promise<void>;
  counts(appUrl: string): Promise<BroadcastCounts>;
}

/** Until the next `COMPRESSED_WEEKLY_CRON` minute (every third minute) begins. */
function msToNextRun(): number {
  const period = 3 * 60_000;
  return period - (Date.now() % period);
}

async function api<T>(appUrl: string, method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${appUrl}/admin/api${route}`, {
    method,
    headers: { Authorization: `Bearer ${CHAOS_ADMIN_TOKEN}`, 'Content-Type': 'application/json', 'X-Actor': 'lan' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${route} → ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

interface Run {
  counts: { pending: number; sending: number; total: number };
}

/**
 * `groups` owned groups in the simulator, synced into the directory, and one approved campaign to all
 * of them on `COMPRESSED_WEEKLY_CRON` (drafted by lan, approved by hung). Each run must reach each
 * group exactly once: the counts compare the simulator's group histories with the runs released.
 */
export async function startWeeklyBroadcast(sim: ZaloSimulator, appUrl: string, groups = 5): Promise<WeeklyBroadcast> {
  const ids = Array.from({ length: groups }, (_, i) => sim.addGroup({ name: `UBND xã — tổ ${i + 1}` }).groupId);
  await api(appUrl, 'POST', '/groups/sync');
  const { campaign } = await api<{ campaign: { id: number } }>(appUrl, 'POST', '/campaigns', {
    actor: 'lan',
    title: 'Chuyên mục giảm nghèo hằng tuần',
    text: TEXT,
    audience: { groupIds: ids },
    schedule: { type: 'cron', expression: COMPRESSED_WEEKLY_CRON },
  });
  await api(appUrl, 'POST', `/campaigns/${campaign.id}/approve`, { actor: 'hung' });
  const runs = async (url: string) =>
    (await api<{ runs: Run[] }>(url, 'GET', `/campaigns/${campaign.id}`)).runs.filter((r) => r.counts.total > 0);

  return {
    async finish(url, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      const allDone = async () => (await runs(url)).every((r) => r.counts.pending === 0 && r.counts.sending === 0);
      let paused = false;
      while (Date.now() < deadline) {
        // pause only between runs: pausing skips the unsent groups of a run in progress
        if (await allDone()) {
          if (paused) return;
          if (msToNextRun() > 25_000) {
            await api(url, 'POST', `/campaigns/${campaign.id}/pause`, { actor: 'hung' });
            paused = true;
            continue;
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    },
    async counts(url) {
      const released = (await runs(url)).length;
      let sent = 0;
      let duplicates = 0;
      let losses = 0;
      for (const id of ids) {
        const got = sim.sentToGroup(id).filter((m) => m.text === TEXT).length;
        sent += got;
        duplicates += Math.max(0, got - released);
        losses += Math.max(0, released - got);
      }
      return { runs: released, sent, duplicates, losses };
    },
  };
}
