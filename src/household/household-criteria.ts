/**
 * The household self-check criteria, as read from `content/household-check.yaml`
 * (docs/content-format.md "Household self-check file"). Every figure carries its legal basis and
 * the confidence mark of shared/policy-facts.md, so the reply can hedge what the rules do not give.
 * To add a figure: a field here, its reading in read-household-criteria.ts, its rules in
 * check-household-criteria.ts, and its wording in locales/<lang>/household.json.
 */
import type { LegalBasis } from '../faq/faq-types.js';

/** The file, relative to CONTENT_DIR. Absent: the feature is off (no menu entry, no triggers). */
export const HOUSEHOLD_FILE = 'household-check.yaml';
/** Id of the main-menu entry (and of its button payload `#faq:<id>`); no FAQ node may use it. */
export const HOUSEHOLD_ENTRY_ID = 'tu-kiem-tra-ho-ngheo';

export type Area = 'rural' | 'urban';
/** policy-facts.md: two or more sources, one source, not verified. */
export type Confidence = '[2+]' | '[1]' | '[?]';
export const CONFIDENCE_MARKS: readonly Confidence[] = ['[2+]', '[1]', '[?]'];

/** A rule or figure with where it comes from; `line` is where it is written (diagnostics). */
export interface Sourced {
  legalBasis: LegalBasis[];
  confidence: Confidence;
  facts: string[];
  line: number;
}

/** A monthly income per person, in đồng, for rural and urban areas. */
export interface AreaFigure extends Sourced {
  rural: number;
  urban: number;
}

/** "trên min đến max" đồng/người/tháng. */
export interface AreaBand extends Sourced {
  rural: [number, number];
  urban: [number, number];
}

/** A province's own line: what it is called and what it is used for (never the national verdict). */
export interface ProvincialLine extends AreaFigure {
  name: string;
  use: string;
}

/** Poor = at or under the line AND at least `required` deprivations (of `total` indicators). */
export interface DeprivationRule extends Sourced {
  required: number;
  total?: number;
  /** how sure the list of indicators of the period is (absent: as sure as the rule) */
  indicatorsConfidence?: Confidence;
}

/** One standard and the days it is in force (inclusive, YYYY-MM-DD, Asia/Ho_Chi_Minh). */
export interface HouseholdPeriod {
  name: string;
  validFrom: string;
  validUntil?: string;
  areaNames?: Partial<Record<Area, string>>;
  povertyLine: AreaFigure;
  poor: DeprivationRule;
  nearPoor: Sourced;
  /** absent: not known for this period (the reply says so) */
  averageBand?: AreaBand;
  lowIncomeWorker?: AreaFigure;
  provincialLine?: ProvincialLine;
  /** the review procedure the next step describes (Mẫu số 01, monthly and yearly reviews) */
  review: Sourced;
  line: number;
}

/** A deprivation indicator (names of policy-facts F1.4) and the phrases residents use for it. */
export interface Indicator {
  id: string;
  name: string;
  phrases: string[];
  validFrom?: string;
  validUntil?: string;
  facts: string[];
  line: number;
}

export interface HouseholdCriteria {
  file: string;
  menu: { title: string; order: number; line: number };
  /** the commune's own setting, used when the resident does not say */
  areaDefault?: Area;
  /** relative distance to a line under which the reply says "close, the review decides" */
  closeMargin: number;
  reviewed?: string;
  contact?: string;
  /** FAQ node ids offered after a verdict */
  followUps: string[];
  /** sorted by validFrom */
  periods: HouseholdPeriod[];
  indicators: Indicator[];
  areaPhrases: Record<Area, string[]>;
  farmingPhrases: string[];
  /** lines of top-level keys, for diagnostics */
  lines: Record<string, number>;
}

/** The period in force on `day` (YYYY-MM-DD), if any. */
export function periodOn(criteria: HouseholdCriteria, day: string): HouseholdPeriod | undefined {
  return criteria.periods.find((p) => p.validFrom <= day && (p.validUntil === undefined || day <= p.validUntil));
}

/** The first period that starts after `day`, if any. */
export function nextPeriodAfter(criteria: HouseholdCriteria, day: string): HouseholdPeriod | undefined {
  return criteria.periods.find((p) => p.validFrom > day);
}

/** The indicators in force on `day`. */
export function indicatorsOn(criteria: HouseholdCriteria, day: string): Indicator[] {
  return criteria.indicators.filter(
    (i) => (i.validFrom === undefined || i.validFrom <= day) && (i.validUntil === undefined || day <= i.validUntil),
  );
}
