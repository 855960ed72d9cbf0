import fs from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, type Node } from 'yaml';
import type { Diagnostic } from '../../faq/faq-types.js';
import { toDiagnostics, type Translate } from '../../faq/content/format-diagnostics.js';
import { YamlReader, type Finding } from '../../faq/content/yaml-reader.js';
import { parseClockTime } from '../../broadcast/zoned-time.js';

/** CONTENT_DIR/handoff.yaml: how residents ask for a person, office hours and public holidays. */
export const HANDOFF_FILE = 'handoff.yaml';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export interface Holiday {
  name: string;
  /** YYYY-MM-DD, both inclusive, in the configured time zone */
  from: string;
  to: string;
}

export interface HandoffConfig {
  /** a message containing one of these (folded) asks for a person */
  phrases: string[];
  /** ... unless it also contains one of these ("gặp cán bộ ở đâu" is a question) */
  notIf: string[];
  /** weekday (0 = Sunday) → open periods in minutes after midnight [start, end) */
  hours: Array<Array<[number, number]>>;
  holidays: Holiday[];
}

/** No file: no sentence recognition, and office hours always open (the bot never says "closed"). */
export const NO_HANDOFF_CONFIG: HandoffConfig = {
  phrases: [],
  notIf: [],
  hours: WEEKDAYS.map(() => [[0, 24 * 60]]),
  holidays: [],
};

const TOP_KEYS = ['phrases', 'not_if', 'office_hours', 'holidays'];
const HOLIDAY_KEYS = ['name', 'from', 'to'];

/**
 * Reads and checks CONTENT_DIR/handoff.yaml: the config (undefined when the file has errors or is
 * absent) and its diagnostics with file:line, in the language of `t` (`faq` namespace codes for
 * YAML shapes, HANDOFF_* codes from `dialog:handoffFile.*`).
 */
export function readHandoffConfig(
  contentDir: string,
  t: Translate,
): { config: HandoffConfig | undefined; diagnostics: Diagnostic[]; present: boolean } {
  const file = path.join(contentDir, HANDOFF_FILE);
  if (!fs.existsSync(file)) return { config: undefined, diagnostics: [], present: false };
  const reader = new YamlReader(file, fs.readFileSync(file, 'utf8'));
  const config = reader.root === undefined ? undefined : readRoot(reader);
  const findings: Finding[] = reader.findings.sort((a, b) => a.line - b.line);
  const diagnostics = findings.map((f) =>
    f.code.startsWith('HANDOFF_')
      ? { severity: f.severity, code: f.code, file, line: f.line, message: t(`dialog:handoffFile.${f.code}`, f.params) }
      : toDiagnostics([f], (key, params) => t(`faq:${key}`, params))[0]!,
  );
  return { config: findings.length > 0 ? undefined : config, diagnostics, present: true };
}

function readRoot(reader: YamlReader): HandoffConfig | undefined {
  const root = reader.map(reader.root, HANDOFF_FILE, 1);
  if (!root) return undefined;
  const top = reader.entries(root, TOP_KEYS, HANDOFF_FILE);
  const config: HandoffConfig = {
    phrases: reader.strings(top.get('phrases'), 'phrases') ?? [],
    notIf: reader.strings(top.get('not_if'), 'not_if') ?? [],
    hours: NO_HANDOFF_CONFIG.hours,
    holidays: [],
  };
  const hours = top.get('office_hours');
  if (hours) {
    const map = reader.map(hours.value, 'office_hours', hours.line);
    if (map) config.hours = readHours(reader, map);
  }
  const holidays = top.get('holidays');
  if (holidays) {
    if (!isSeq(holidays.value)) reader.error(holidays.line, 'BAD_VALUE', { key: 'holidays', expected: 'list' });
    else config.holidays = readHolidays(reader, holidays.value.items as (Node | null)[]);
  }
  return config;
}

function readHours(reader: YamlReader, map: NonNullable<ReturnType<YamlReader['map']>>): HandoffConfig['hours'] {
  const entries = reader.entries(map, WEEKDAYS, 'office_hours');
  return WEEKDAYS.map((day) => {
    const entry = entries.get(day);
    if (!entry) return [];
    if (isSeq(entry.value) && entry.value.items.length === 0) return [];
    const periods: Array<[number, number]> = [];
    for (const value of reader.strings(entry, day) ?? []) {
      const [from, to] = value.split('-').map((v) => parseClockTime(v.trim()));
      if (from == null || to == null || from >= to) reader.error(entry.line, 'HANDOFF_BAD_HOURS', { day, value });
      else periods.push([from, to]);
    }
    return periods;
  });
}

function readHolidays(reader: YamlReader, items: (Node | null)[]): Holiday[] {
  const out: Holiday[] = [];
  for (const item of items) {
    const line = reader.lineOf(item);
    if (!isMap(item)) {
      reader.error(line, 'BAD_VALUE', { key: 'holidays', expected: 'map' });
      continue;
    }
    const e = reader.entries(item, HOLIDAY_KEYS, 'holidays');
    const name = reader.string(e.get('name'), 'name');
    const from = reader.day(e.get('from'), 'from');
    const to = e.has('to') ? reader.day(e.get('to'), 'to') : from;
    if (!name || !from || !to) {
      if (!e.has('name') || !e.has('from')) reader.error(line, 'HANDOFF_HOLIDAY_INCOMPLETE');
      continue;
    }
    if (to < from) reader.error(line, 'HANDOFF_BAD_RANGE', { from, to });
    else out.push({ name, from, to });
  }
  return out;
}
