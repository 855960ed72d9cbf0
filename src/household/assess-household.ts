import {
  indicatorsOn,
  nextPeriodAfter,
  periodOn,
  type Area,
  type HouseholdCriteria,
  type HouseholdPeriod,
  type Indicator,
} from './household-criteria.js';
import type { Income } from './parse-household-message.js';

/** What the assessment needs: an income with its period settled, and the area it is compared in. */
export interface HouseholdCase {
  /** required unless the income is per person */
  size?: number;
  income: Income & { period: 'month' | 'year' };
  area: Area;
  deprivations: readonly string[];
  farming: boolean;
}

/** Where the income per person stands against the lines of the period in force. */
export type Standing =
  /** at or under the poverty line: poor or near-poor, the deprivation count decides */
  | 'poor-or-near-poor'
  /** over the line, within the average-living-standard band (farm households) */
  | 'average'
  /** over the line and the band (or over the line when the band is not known) */
  | 'above';

/** A line the income is close to (within the criteria's margin). */
export interface CloseLine {
  kind: 'poverty' | 'band' | 'lowIncome' | 'provincial';
  line: number;
  /** whole percent of the line between the income and the line */
  percent: number;
  /** the income is exactly on the line */
  exact: boolean;
}

export interface Assessment {
  day: string;
  period: HouseholdPeriod;
  area: Area;
  /** monthly income per person in đồng (not rounded) */
  perPerson: number;
  /** monthly income of the household, when the size is known or the income was given for it */
  householdMonthly?: number;
  povertyLine: number;
  standing: Standing;
  band?: [number, number];
  lowIncome?: { line: number; under: boolean };
  provincial?: { line: number; under: boolean };
  close: CloseLine[];
  /** indicators the resident mentioned that count on this day */
  mentioned: Indicator[];
  /** the next standard, if one is known: its line and whether this income would be under it */
  next?: { period: HouseholdPeriod; line: number; under: boolean };
}

/**
 * Compares a household's income per person with the lines in force on `day` (YYYY-MM-DD):
 * the poverty / near-poor line ("từ … trở xuống", so equal counts as under), the
 * average-living-standard band, the low-income worker line and the province's line, and the
 * next period's line when one is known. Comparisons are exact (income × months and people
 * against line × months × people, in whole đồng), so 4.500.000 for 3 people is at 1.500.000.
 * Returns undefined when no period is in force that day.
 */
export function assessHousehold(criteria: HouseholdCriteria, c: HouseholdCase, day: string): Assessment | undefined {
  const period = periodOn(criteria, day);
  if (!period) return undefined;
  const people = c.income.basis === 'person' ? 1 : c.size;
  if (people === undefined || people < 1) return undefined;
  // the income as a fraction: total đồng over (months × people)
  const total = c.income.amount * (c.income.basis === 'earner' ? (c.income.earners ?? 1) : 1);
  const months = c.income.period === 'year' ? 12 : 1;
  const den = months * people;
  const atOrUnder = (line: number): boolean => total <= line * den;
  const perPerson = total / den;
  const povertyLine = period.povertyLine[c.area];
  const band = period.averageBand?.[c.area];
  const standing: Standing = atOrUnder(povertyLine)
    ? 'poor-or-near-poor'
    : band && atOrUnder(band[1])
      ? 'average'
      : 'above';
  const low = period.lowIncomeWorker?.[c.area];
  const provincial = period.provincialLine?.[c.area];
  const lines: Array<[CloseLine['kind'], number | undefined]> = [
    ['poverty', povertyLine],
    ['band', band?.[1]],
    ['lowIncome', low],
    ['provincial', provincial],
  ];
  const close: CloseLine[] = [];
  for (const [kind, line] of lines) {
    if (line === undefined) continue;
    const gap = Math.abs(total - line * den) / (line * den);
    if (gap <= criteria.closeMargin) close.push({ kind, line, percent: Math.round(gap * 100), exact: gap === 0 });
  }
  const next = nextPeriodAfter(criteria, day);
  const mentionedIds = new Set(c.deprivations);
  const householdMonthly =
    c.income.basis === 'person' ? (c.size === undefined ? undefined : perPerson * c.size) : total / months;
  return {
    day,
    period,
    area: c.area,
    perPerson,
    ...(householdMonthly !== undefined ? { householdMonthly } : {}),
    povertyLine,
    standing,
    ...(band ? { band } : {}),
    ...(low !== undefined ? { lowIncome: { line: low, under: atOrUnder(low) } } : {}),
    ...(provincial !== undefined ? { provincial: { line: provincial, under: atOrUnder(provincial) } } : {}),
    close,
    mentioned: indicatorsOn(criteria, day).filter((i) => mentionedIds.has(i.id)),
    ...(next
      ? { next: { period: next, line: next.povertyLine[c.area], under: atOrUnder(next.povertyLine[c.area]) } }
      : {}),
  };
}
