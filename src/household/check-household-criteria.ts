import { LIMITS } from '../faq/content/check-content.js';
import type { FaqNode } from '../faq/faq-types.js';
import { isDayWithin } from '../faq/validity.js';
import type { Finding } from '../faq/content/yaml-reader.js';
import { foldPhrase } from './household-text.js';
import {
  HOUSEHOLD_ENTRY_ID,
  indicatorsOn,
  periodOn,
  type AreaFigure,
  type HouseholdCriteria,
  type HouseholdPeriod,
} from './household-criteria.js';

const DAY_MS = 86_400_000;

/** The calendar day after an ISO day. */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * The cross-field rules of docs/content-format.md "Household self-check file": periods ordered
 * and not overlapping (a gap is a warning), ranges ordered (poverty line < top of the average band,
 * low-income line not under the poverty line), the indicator list against the required count,
 * follow-ups and the menu entry against the FAQ nodes, review age. Shape rules (missing basis,
 * bad confidence mark, bad amount) are found while reading.
 */
export function checkHouseholdCriteria(
  criteria: HouseholdCriteria,
  faqNodes: readonly FaqNode[],
  today: string,
): Finding[] {
  const out: Finding[] = [];
  const at = (line: number, severity: Finding['severity'], code: string, params: Finding['params'] = {}): void => {
    out.push({ severity, code, file: criteria.file, line, params });
  };

  if (criteria.periods.length === 0) at(criteria.lines.periods ?? 1, 'error', 'HOUSEHOLD_NO_PERIODS');
  criteria.periods.forEach((period, i) => {
    if (period.validUntil && period.validFrom > period.validUntil)
      at(period.line, 'error', 'HOUSEHOLD_BAD_VALIDITY', { name: period.name });
    const previous = criteria.periods[i - 1];
    if (previous) {
      if (previous.validUntil === undefined || previous.validUntil >= period.validFrom)
        at(period.line, 'error', 'HOUSEHOLD_PERIODS_OVERLAP', { name: period.name, other: previous.line });
      else if (nextDay(previous.validUntil) < period.validFrom)
        at(period.line, 'warning', 'HOUSEHOLD_PERIOD_GAP', { name: period.name, after: previous.validUntil });
    }
    checkRanges(period, at);
    checkIndicatorCount(criteria, period, at);
  });
  if (criteria.periods.length > 0 && !periodOn(criteria, today))
    at(criteria.lines.periods ?? 1, 'warning', 'HOUSEHOLD_NO_PERIOD_TODAY', { date: today });

  const ids = new Set<string>();
  const phrases = new Map<string, { id: string; from?: string; until?: string }>();
  for (const indicator of criteria.indicators) {
    if (ids.has(indicator.id)) at(indicator.line, 'error', 'HOUSEHOLD_DUPLICATE_INDICATOR', { id: indicator.id });
    ids.add(indicator.id);
    if (indicator.validFrom && indicator.validUntil && indicator.validFrom > indicator.validUntil)
      at(indicator.line, 'error', 'HOUSEHOLD_BAD_VALIDITY', { name: indicator.id });
    if (indicator.phrases.length === 0) at(indicator.line, 'warning', 'HOUSEHOLD_NO_PHRASES', { id: indicator.id });
    for (const phrase of indicator.phrases) {
      const key = foldPhrase(phrase);
      const first = phrases.get(key);
      const window = { from: indicator.validFrom, until: indicator.validUntil };
      if (first && first.id !== indicator.id && windowsOverlap(first, window))
        at(indicator.line, 'warning', 'HOUSEHOLD_DUPLICATE_PHRASE', { phrase, id: indicator.id, other: first.id });
      else if (!first) phrases.set(key, { id: indicator.id, ...window });
    }
  }

  const faqIds = new Set(faqNodes.filter((n) => n.kind !== 'smalltalk').map((n) => n.id));
  for (const target of criteria.followUps) {
    if (!faqIds.has(target)) at(criteria.lines.follow_ups ?? 1, 'error', 'HOUSEHOLD_DANGLING_FOLLOW_UP', { target });
  }
  const taken = faqNodes.find((n) => n.id === HOUSEHOLD_ENTRY_ID);
  if (taken)
    at(criteria.menu.line, 'error', 'HOUSEHOLD_ID_TAKEN', {
      id: HOUSEHOLD_ENTRY_ID,
      other: `${taken.source.file}:${taken.source.line}`,
    });
  if (criteria.menu.title.length > LIMITS.titleMax)
    at(criteria.menu.line, 'error', 'HOUSEHOLD_TITLE_TOO_LONG', {
      length: criteria.menu.title.length,
      max: LIMITS.titleMax,
    });
  const rootItems =
    faqNodes.filter((n) => n.parent === null && n.kind !== 'smalltalk' && isDayWithin(today, n.validFrom, n.validUntil))
      .length + 1;
  if (rootItems > LIMITS.menuMax)
    at(criteria.menu.line, 'error', 'HOUSEHOLD_MENU_TOO_LONG', { size: rootItems, max: LIMITS.menuMax });

  if (!criteria.reviewed) at(1, 'warning', 'HOUSEHOLD_REVIEW_MISSING');
  else {
    const days = Math.floor((Date.parse(today) - Date.parse(criteria.reviewed)) / DAY_MS);
    if (days > LIMITS.reviewMaxDays)
      at(criteria.lines.reviewed ?? 1, 'warning', 'HOUSEHOLD_REVIEW_STALE', { days, max: LIMITS.reviewMaxDays });
  }
  return out;
}

type At = (line: number, severity: Finding['severity'], code: string, params?: Finding['params']) => void;

function windowsOverlap(a: { from?: string; until?: string }, b: { from?: string; until?: string }): boolean {
  return (a.from ?? '0000-01-01') <= (b.until ?? '9999-12-31') && (b.from ?? '0000-01-01') <= (a.until ?? '9999-12-31');
}

function checkRanges(period: HouseholdPeriod, at: At): void {
  const figures: Array<[string, AreaFigure | undefined]> = [
    ['poverty_line', period.povertyLine],
    ['low_income_worker', period.lowIncomeWorker],
    ['provincial_line', period.provincialLine],
  ];
  for (const [what, figure] of figures) {
    if (figure && figure.urban < figure.rural) at(figure.line, 'warning', 'HOUSEHOLD_URBAN_BELOW_RURAL', { what });
  }
  for (const area of ['rural', 'urban'] as const) {
    const line = period.povertyLine[area];
    const band = period.averageBand;
    if (band) {
      const [min, max] = band[area];
      if (min >= max)
        at(band.line, 'error', 'HOUSEHOLD_RANGE_ORDER', { what: 'average_band', area, low: min, high: max });
      else if (line >= max)
        at(band.line, 'error', 'HOUSEHOLD_RANGE_ORDER', { what: 'poverty_line', area, low: line, high: max });
      else if (min !== line) at(band.line, 'warning', 'HOUSEHOLD_BAND_START', { area, start: min, line });
    }
    const low = period.lowIncomeWorker;
    if (low && low[area] < line)
      at(low.line, 'error', 'HOUSEHOLD_RANGE_ORDER', { what: 'low_income_worker', area, low: line, high: low[area] });
    const provincial = period.provincialLine;
    if (provincial && provincial[area] < line)
      at(provincial.line, 'warning', 'HOUSEHOLD_PROVINCIAL_BELOW', { area, amount: provincial[area], line });
  }
}

function checkIndicatorCount(criteria: HouseholdCriteria, period: HouseholdPeriod, at: At): void {
  const count = indicatorsOn(criteria, period.validFrom).length;
  const { required, total } = period.poor;
  if (total !== undefined && count !== total)
    at(period.poor.line, 'warning', 'HOUSEHOLD_INDICATOR_COUNT', { name: period.name, count, total });
  if (criteria.indicators.length > 0 && count < required)
    at(period.poor.line, 'error', 'HOUSEHOLD_TOO_FEW_INDICATORS', { name: period.name, count, required });
}
