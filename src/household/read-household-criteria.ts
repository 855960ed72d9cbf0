import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { LegalBasis } from '../faq/faq-types.js';
import type { YamlReader } from '../faq/content/yaml-reader.js';
import {
  CONFIDENCE_MARKS,
  type Area,
  type AreaBand,
  type AreaFigure,
  type Confidence,
  type DeprivationRule,
  type HouseholdCriteria,
  type HouseholdPeriod,
  type Indicator,
  type ProvincialLine,
  type Sourced,
} from './household-criteria.js';

type Entry = { value: Node | null; line: number };
type Fields = Map<string, Entry>;

const TOP_KEYS = [
  'menu',
  'area_default',
  'close_margin',
  'reviewed',
  'contact',
  'follow_ups',
  'areas',
  'farming',
  'periods',
  'indicators',
];
const SOURCE_KEYS = ['legal_basis', 'confidence', 'facts'];
const PERIOD_KEYS = [
  'name',
  'valid_from',
  'valid_until',
  'area_names',
  'poverty_line',
  'poor',
  'near_poor',
  'average_band',
  'low_income_worker',
  'provincial_line',
  'review',
];
const INDICATOR_KEYS = ['id', 'name', 'valid_from', 'valid_until', 'facts', 'phrases'];
const AREAS: readonly Area[] = ['rural', 'urban'];
/** Plausible monthly amounts per person, in đồng: catches "1.5" or a missing zero. */
const AMOUNT_MIN = 100_000;
const AMOUNT_MAX = 100_000_000;

/**
 * Reads `household-check.yaml` (docs/content-format.md) into criteria. Shape problems become
 * findings on `reader` (BAD_VALUE, UNKNOWN_KEY … and HOUSEHOLD_* codes) and the broken part is
 * left out; cross-field rules (order, overlap, references) are check-household-criteria.ts.
 * Returns undefined when the file is unreadable or not a mapping.
 */
export function readHouseholdCriteria(reader: YamlReader): HouseholdCriteria | undefined {
  const root = reader.root === undefined || reader.root === null ? undefined : reader.map(reader.root, 'household', 1);
  if (!root) return undefined;
  const f = reader.entries(root, TOP_KEYS, 'household');
  const lines: Record<string, number> = {};
  for (const [key, entry] of f) lines[key] = entry.line;
  const missing = (line: number, key: string, context: string): void =>
    reader.error(line, 'HOUSEHOLD_MISSING', { key, context });

  const menuEntry = f.get('menu');
  const menuFields = menuEntry && fieldsOf(reader, menuEntry, ['title', 'order'], 'menu');
  const title = reader.string(menuFields?.get('title'), 'title');
  if (menuFields && !menuFields.has('title')) missing(menuEntry!.line, 'title', 'menu');
  if (!menuEntry) missing(1, 'menu', 'household');

  const areaDefault = reader.string(f.get('area_default'), 'area_default');
  if (areaDefault !== undefined && !(AREAS as readonly string[]).includes(areaDefault))
    reader.error(lines.area_default!, 'HOUSEHOLD_BAD_AREA', { value: areaDefault });
  const closeMargin = reader.number(f.get('close_margin'), 'close_margin');
  if (closeMargin !== undefined && !(closeMargin > 0 && closeMargin <= 0.5))
    reader.error(lines.close_margin!, 'HOUSEHOLD_BAD_MARGIN', { value: closeMargin });

  const areasEntry = f.get('areas');
  const areaFields = areasEntry && fieldsOf(reader, areasEntry, AREAS, 'areas');
  const periodsEntry = f.get('periods');
  if (!periodsEntry) missing(1, 'periods', 'household');
  const periods = itemsOf(reader, periodsEntry, 'periods').flatMap((item) => readPeriod(reader, item) ?? []);

  return {
    file: reader.file,
    menu: {
      title: title ?? '',
      order: reader.number(menuFields?.get('order'), 'order') ?? 9999,
      line: menuEntry?.line ?? 1,
    },
    ...(areaDefault === 'rural' || areaDefault === 'urban' ? { areaDefault } : {}),
    closeMargin: closeMargin ?? 0.08,
    ...optional('reviewed', reader.day(f.get('reviewed'), 'reviewed')),
    ...optional('contact', reader.string(f.get('contact'), 'contact')),
    followUps: reader.strings(f.get('follow_ups'), 'follow_ups') ?? [],
    periods: periods.sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0)),
    indicators: itemsOf(reader, f.get('indicators'), 'indicators').flatMap((item) => readIndicator(reader, item) ?? []),
    areaPhrases: {
      rural: reader.strings(areaFields?.get('rural'), 'rural') ?? [],
      urban: reader.strings(areaFields?.get('urban'), 'urban') ?? [],
    },
    farmingPhrases: reader.strings(f.get('farming'), 'farming') ?? [],
    lines,
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function fieldsOf(reader: YamlReader, entry: Entry, allowed: readonly string[], context: string): Fields | undefined {
  const map = reader.map(entry.value, context, entry.line);
  return map && reader.entries(map, allowed, context);
}

/** The items of a list value, each with its line. */
function itemsOf(reader: YamlReader, entry: Entry | undefined, key: string): Entry[] {
  if (!entry) return [];
  if (!isSeq(entry.value)) {
    reader.error(entry.line, 'BAD_VALUE', { key, expected: 'list' });
    return [];
  }
  return (entry.value.items as (Node | null)[]).map((value) => ({ value, line: reader.lineOf(value) }));
}

function readPeriod(reader: YamlReader, item: Entry): HouseholdPeriod | undefined {
  const f = fieldsOf(reader, item, PERIOD_KEYS, 'period');
  if (!f) return undefined;
  const name = reader.string(f.get('name'), 'name');
  const validFrom = reader.day(f.get('valid_from'), 'valid_from');
  const validUntil = reader.day(f.get('valid_until'), 'valid_until');
  let complete = name !== undefined && validFrom !== undefined;
  for (const key of ['name', 'valid_from', 'poverty_line', 'poor', 'near_poor', 'review']) {
    if (!f.has(key)) reader.error(item.line, 'HOUSEHOLD_MISSING', { key, context: 'period' });
  }
  const povertyLine = f.get('poverty_line') && readFigure(reader, f.get('poverty_line')!, 'poverty_line').figure;
  const poor = f.get('poor') && readDeprivationRule(reader, f.get('poor')!);
  const nearPoor = f.get('near_poor') && readSourced(reader, f.get('near_poor')!, 'near_poor', [])?.sourced;
  const review = f.get('review') && readSourced(reader, f.get('review')!, 'review', [])?.sourced;
  const averageBand = f.get('average_band') && readBand(reader, f.get('average_band')!);
  const lowIncomeWorker =
    f.get('low_income_worker') && readFigure(reader, f.get('low_income_worker')!, 'low_income_worker').figure;
  const provincialLine = f.get('provincial_line') && readProvincialLine(reader, f.get('provincial_line')!);
  complete &&= !!povertyLine && !!poor && !!nearPoor && !!review;
  for (const [key, value] of Object.entries({ averageBand, lowIncomeWorker, provincialLine })) {
    // an optional figure that is present but broken must not silently read as "not known"
    if (value === undefined && f.has(snake(key))) complete = false;
  }
  const areaNamesEntry = f.get('area_names');
  const areaNameFields = areaNamesEntry && fieldsOf(reader, areaNamesEntry, AREAS, 'area_names');
  const areaNames: Partial<Record<Area, string>> = {};
  for (const area of AREAS) {
    const label = reader.string(areaNameFields?.get(area), area);
    if (label) areaNames[area] = label;
  }
  if (!complete) return undefined;
  return {
    name: name!,
    validFrom: validFrom!,
    ...(validUntil ? { validUntil } : {}),
    ...(Object.keys(areaNames).length > 0 ? { areaNames } : {}),
    povertyLine: povertyLine!,
    poor: poor!,
    nearPoor: nearPoor!,
    review: review!,
    ...(averageBand ? { averageBand } : {}),
    ...(lowIncomeWorker ? { lowIncomeWorker } : {}),
    ...(provincialLine ? { provincialLine } : {}),
    line: item.line,
  };
}

const snake = (camel: string): string => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A figure's map: its fields, and its source when legal_basis and confidence are usable. */
interface SourcedFields {
  fields: Fields;
  sourced?: Sourced;
}

/** Reads legal_basis, confidence and facts of a figure; the other keys are left in `fields`. */
function readSourced(
  reader: YamlReader,
  entry: Entry,
  context: string,
  extraKeys: readonly string[],
): SourcedFields | undefined {
  const f = fieldsOf(reader, entry, [...extraKeys, ...SOURCE_KEYS], context);
  if (!f) return undefined;
  const legalBasis = readLegalBasis(reader, f.get('legal_basis'));
  if (legalBasis.length === 0)
    reader.error(f.get('legal_basis')?.line ?? entry.line, 'HOUSEHOLD_MISSING_BASIS', { context });
  const confidence = readConfidence(reader, f.get('confidence'), entry.line, context);
  const facts = reader.strings(f.get('facts'), 'facts') ?? [];
  for (const fact of facts) {
    if (!/^F\d+\.\d+$/.test(fact)) {
      const line = f.get('facts')!.line;
      reader.findings.push({
        severity: 'warning',
        code: 'HOUSEHOLD_BAD_FACT',
        file: reader.file,
        line,
        params: { value: fact },
      });
    }
  }
  if (legalBasis.length === 0 || !confidence) return { fields: f };
  return { fields: f, sourced: { legalBasis, confidence, facts, line: entry.line } };
}

function readConfidence(
  reader: YamlReader,
  entry: Entry | undefined,
  line: number,
  context: string,
): Confidence | undefined {
  // `confidence: [2+]` unquoted is a YAML list with one item: accept it as the mark it was meant to be
  const value = entry && isSeq(entry.value) && entry.value.items.length === 1 ? entry.value.items[0] : entry?.value;
  const raw = isScalar(value) ? String(value.value).trim() : '';
  const mark = `[${raw.replace(/^\[|\]$/g, '')}]` as Confidence;
  if (CONFIDENCE_MARKS.includes(mark)) return mark;
  reader.error(entry?.line ?? line, 'HOUSEHOLD_BAD_CONFIDENCE', { context, value: raw });
  return undefined;
}

function readLegalBasis(reader: YamlReader, entry: Entry | undefined): LegalBasis[] {
  if (!entry) return [];
  const items = isSeq(entry.value) ? (entry.value.items as (Node | null)[]) : [entry.value];
  const out: LegalBasis[] = [];
  for (const item of items) {
    const line = reader.lineOf(item);
    if (isScalar(item)) {
      const document = reader.string({ value: item, line }, 'legal_basis');
      if (document) out.push({ document });
    } else if (isMap(item)) {
      const f = reader.entries(item, ['document', 'article'], 'legal_basis');
      const document = reader.string(f.get('document'), 'document');
      const article = reader.string(f.get('article'), 'article');
      if (document) out.push(article ? { document, article } : { document });
      else reader.error(line, 'MISSING_FIELD', { key: 'document' });
    } else {
      reader.error(line, 'BAD_VALUE', { key: 'legal_basis', expected: 'legal_basis' });
    }
  }
  return out;
}

function readAmount(
  reader: YamlReader,
  entry: Entry | undefined,
  key: string,
  line: number,
  context: string,
): number | undefined {
  if (!entry) {
    reader.error(line, 'HOUSEHOLD_MISSING', { key, context });
    return undefined;
  }
  const value = reader.number(entry, key);
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < AMOUNT_MIN || value > AMOUNT_MAX) {
    reader.error(entry.line, 'HOUSEHOLD_BAD_AMOUNT', { key, value });
    return undefined;
  }
  return value;
}

/** rural and urban amounts plus their source; `extraKeys` are allowed and left to the caller. */
function readFigure(
  reader: YamlReader,
  entry: Entry,
  context: string,
  extraKeys: readonly string[] = [],
): { figure?: AreaFigure; fields?: Fields } {
  const read = readSourced(reader, entry, context, [...AREAS, ...extraKeys]);
  if (!read) return {};
  const rural = readAmount(reader, read.fields.get('rural'), 'rural', entry.line, context);
  const urban = readAmount(reader, read.fields.get('urban'), 'urban', entry.line, context);
  if (!read.sourced || rural === undefined || urban === undefined) return { fields: read.fields };
  return { figure: { ...read.sourced, rural, urban }, fields: read.fields };
}

function readProvincialLine(reader: YamlReader, entry: Entry): ProvincialLine | undefined {
  const { figure, fields } = readFigure(reader, entry, 'provincial_line', ['name', 'use']);
  if (!fields) return undefined;
  const name = reader.string(fields.get('name'), 'name');
  const use = reader.string(fields.get('use'), 'use');
  for (const key of ['name', 'use']) {
    if (!fields.has(key)) reader.error(entry.line, 'HOUSEHOLD_MISSING', { key, context: 'provincial_line' });
  }
  return figure && name && use ? { ...figure, name, use } : undefined;
}

function readDeprivationRule(reader: YamlReader, entry: Entry): DeprivationRule | undefined {
  const read = readSourced(reader, entry, 'poor', [
    'deprivations_required',
    'indicators_total',
    'indicators_confidence',
  ]);
  if (!read) return undefined;
  const requiredEntry = read.fields.get('deprivations_required');
  if (!requiredEntry) reader.error(entry.line, 'HOUSEHOLD_MISSING', { key: 'deprivations_required', context: 'poor' });
  const required = reader.number(requiredEntry, 'deprivations_required');
  const total = reader.number(read.fields.get('indicators_total'), 'indicators_total');
  const bad = (n: number | undefined): boolean => n !== undefined && (!Number.isInteger(n) || n < 1 || n > 30);
  if (bad(required) || bad(total) || (required !== undefined && total !== undefined && required > total)) {
    const line = requiredEntry?.line ?? entry.line;
    reader.error(line, 'HOUSEHOLD_BAD_REQUIRED', { required: required ?? '', total: total ?? '' });
    return undefined;
  }
  const listEntry = read.fields.get('indicators_confidence');
  const list = listEntry && readConfidence(reader, listEntry, entry.line, 'poor');
  if (required === undefined || !read.sourced) return undefined;
  return {
    ...read.sourced,
    required,
    ...(total !== undefined ? { total } : {}),
    ...(list ? { indicatorsConfidence: list } : {}),
  };
}

function readBand(reader: YamlReader, entry: Entry): AreaBand | undefined {
  const read = readSourced(reader, entry, 'average_band', AREAS);
  if (!read) return undefined;
  const pair = (area: Area): [number, number] | undefined => {
    const e = read.fields.get(area);
    if (!e) {
      reader.error(entry.line, 'HOUSEHOLD_MISSING', { key: area, context: 'average_band' });
      return undefined;
    }
    if (!isSeq(e.value) || e.value.items.length !== 2) {
      reader.error(e.line, 'BAD_VALUE', { key: area, expected: 'range' });
      return undefined;
    }
    const [min, max] = (e.value.items as (Node | null)[]).map((value) =>
      readAmount(reader, { value, line: e.line }, area, e.line, 'average_band'),
    );
    return min === undefined || max === undefined ? undefined : [min, max];
  };
  const rural = pair('rural');
  const urban = pair('urban');
  if (!read.sourced || !rural || !urban) return undefined;
  return { ...read.sourced, rural, urban };
}

function readIndicator(reader: YamlReader, item: Entry): Indicator | undefined {
  const f = fieldsOf(reader, item, INDICATOR_KEYS, 'indicator');
  if (!f) return undefined;
  const id = reader.string(f.get('id'), 'id');
  const name = reader.string(f.get('name'), 'name');
  for (const key of ['id', 'name']) {
    if (!f.has(key)) reader.error(item.line, 'HOUSEHOLD_MISSING', { key, context: 'indicator' });
  }
  const validFrom = reader.day(f.get('valid_from'), 'valid_from');
  const validUntil = reader.day(f.get('valid_until'), 'valid_until');
  if (!id || !name) return undefined;
  return {
    id,
    name,
    phrases: reader.strings(f.get('phrases'), 'phrases') ?? [],
    ...(validFrom ? { validFrom } : {}),
    ...(validUntil ? { validUntil } : {}),
    facts: reader.strings(f.get('facts'), 'facts') ?? [],
    line: item.line,
  };
}
