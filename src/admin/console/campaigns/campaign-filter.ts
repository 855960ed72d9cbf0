import type { Request } from 'express';
import type { TFunction } from 'i18next';
import type { BroadcastGroup, Campaign, Schedule } from '../../../broadcast/broadcast-types.js';
import { fromZonedParts } from '../../../broadcast/zoned-time.js';
import { queryParam, searchMatcher } from '../lists/list-query.js';
import { parseFormDate } from './form-date.js';

export const CAMPAIGN_STATUSES = ['draft', 'approved', 'paused', 'cancelled', 'completed'] as const;
export const SCHEDULE_KINDS = ['once', 'now', 'monthly', 'cron'] as const satisfies ReadonlyArray<Schedule['type']>;

/** The campaign list's filters as typed (kept in the URL and the form). */
export interface CampaignFilter {
  q: string;
  status: string;
  kind: string;
  tag: string;
  /** dd/mm/yyyy, inclusive local days */
  from: string;
  to: string;
}

export interface ReadCampaignFilter {
  filter: CampaignFilter;
  /** [from, to) in epoch ms when a valid date was given */
  range: { from: number | null; to: number | null };
  /** Vietnamese messages for dates that could not be read (their bound is not applied) */
  problems: string[];
}

const DAY_MS = 24 * 3600_000;

function dayStart(iso: string, timeZone: string): number {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return fromZonedParts({ year, month, day, hour: 0, minute: 0 }, timeZone);
}

/** Reads `q`, `status`, `kind`, `tag`, `from`, `to` from the query; unknown values count as "any". */
export function readCampaignFilter(req: Request, t: TFunction, timeZone: string): ReadCampaignFilter {
  const pick = <T extends string>(name: string, allowed: readonly T[]) =>
    allowed.find((x) => x === queryParam(req, name)) ?? '';
  const filter: CampaignFilter = {
    q: queryParam(req, 'q'),
    status: pick('status', CAMPAIGN_STATUSES),
    kind: pick('kind', SCHEDULE_KINDS),
    tag: queryParam(req, 'tag', 60),
    from: queryParam(req, 'from', 12),
    to: queryParam(req, 'to', 12),
  };
  const problems: string[] = [];
  const bound = (value: string, field: 'from' | 'to'): number | null => {
    if (!value) return null;
    const iso = parseFormDate(value);
    if (iso) return dayStart(iso, timeZone) + (field === 'to' ? DAY_MS : 0);
    problems.push(t('campaignFilter.badDate', { value }));
    return null;
  };
  const range = { from: bound(filter.from, 'from'), to: bound(filter.to, 'to') };
  if (range.from !== null && range.to !== null && range.from >= range.to) {
    problems.push(t('campaignFilter.badRange', { from: filter.from, to: filter.to }));
    range.to = null;
  }
  return { filter, range, problems };
}

/**
 * The campaigns a filter keeps: text in title or message, status, schedule kind, a tag the
 * audience names (or a chosen group carries), and a date range met by the campaign's creation or
 * by one of its runs (`withRuns`: the campaigns with a run due or started in the range).
 */
export function filterCampaigns(
  campaigns: readonly Campaign[],
  read: ReadCampaignFilter,
  ctx: { groups: ReadonlyMap<string, BroadcastGroup>; withRuns: ReadonlySet<number> },
): Campaign[] {
  const { filter: f, range } = read;
  const matches = searchMatcher(f.q);
  const tagged = (c: Campaign) =>
    (c.audience.tags ?? []).includes(f.tag) ||
    (c.audience.groupIds ?? []).some((id) => ctx.groups.get(id)?.tags.includes(f.tag));
  const dated = (c: Campaign) =>
    ctx.withRuns.has(c.id) || ((range.from ?? -Infinity) <= c.createdAt && c.createdAt < (range.to ?? Infinity));
  return campaigns.filter(
    (c) =>
      matches(c.title, c.text) &&
      (!f.status || c.status === f.status) &&
      (!f.kind || c.schedule.type === f.kind) &&
      (!f.tag || tagged(c)) &&
      (range.from === null && range.to === null ? true : dated(c)),
  );
}
