import { fromZonedParts } from '../../../broadcast/zoned-time.js';
import type { FaqSnapshot } from '../../../faq/faq-types.js';
import type { StatsRange } from '../../../storage/stats-range.js';

const DAY_MS = 24 * 3600_000;

/** The zone's UTC offset at `at` (ms). */
function zoneOffset(at: number, timeZone: string): number {
  const d = new Date(at);
  const local = fromZonedParts(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
    },
    timeZone,
  );
  return Math.round((at - local) / 60_000) * 60_000;
}

/** The last `days` local days up to and including today, with each day's 'YYYY-MM-DD' label. */
export function lastDaysRange(now: number, days: number, timeZone: string): StatsRange & { labels: string[] } {
  const offsetMs = zoneOffset(now, timeZone);
  const todayStart = Math.floor((now + offsetMs) / DAY_MS) * DAY_MS - offsetMs;
  const from = todayStart - (days - 1) * DAY_MS;
  const labels = Array.from({ length: days }, (_, i) =>
    new Date(from + i * DAY_MS + offsetMs).toISOString().slice(0, 10),
  );
  return { from, to: todayStart + DAY_MS, offsetMs, labels };
}

/** 1 January 00:00 to the next 1 January, local time. */
export function yearRange(year: number, timeZone: string): StatsRange {
  const from = fromZonedParts({ year, month: 1, day: 1, hour: 0, minute: 0 }, timeZone);
  const to = fromZonedParts({ year: year + 1, month: 1, day: 1, hour: 0, minute: 0 }, timeZone);
  return { from, to, offsetMs: Date.UTC(year, 0, 1) - from };
}

/**
 * Rolls node counts up to their top-level topic in the live FAQ tree. Nodes no longer in the tree
 * land under `otherLabel`. Sorted by count, largest first.
 */
export function countsByTopic(
  snapshot: FaqSnapshot,
  byNode: ReadonlyArray<{ nodeId: string; count: number }>,
  otherLabel: string,
): Array<{ topic: string; count: number }> {
  const totals = new Map<string, number>();
  for (const { nodeId, count } of byNode) {
    let node = snapshot.node(nodeId);
    for (let hops = 0; node?.parent && hops < 20; hops++) node = snapshot.node(node.parent);
    const label = node?.title ?? otherLabel;
    totals.set(label, (totals.get(label) ?? 0) + count);
  }
  return [...totals].map(([topic, count]) => ({ topic, count })).sort((a, b) => b.count - a.count);
}
