import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../faq/faq-types.js';
import { toDiagnostics, type Translate } from '../faq/content/format-diagnostics.js';
import type { LoadedContent } from '../faq/content/load-content.js';
import { YamlReader, type Finding } from '../faq/content/yaml-reader.js';
import { checkHouseholdCriteria } from './check-household-criteria.js';
import { HOUSEHOLD_FILE } from './household-criteria.js';
import { readHouseholdCriteria } from './read-household-criteria.js';

/**
 * Reads CONTENT_DIR/household-check.yaml into `loaded` and returns its diagnostics: the file joins
 * `loaded.files` (so it is part of the content version, and a live edit reloads the snapshot),
 * and `loaded.household` is set only when the file has no errors. No file: nothing happens and
 * the self-check stays off. Messages come from `household:diagnostics.*` (the YAML shape codes
 * shared with the FAQ files from `faq:diagnostics.*`), in the language of `t`.
 */
export function loadHouseholdCheck(loaded: LoadedContent, today: string, t: Translate): Diagnostic[] {
  const file = path.join(loaded.contentDir, HOUSEHOLD_FILE);
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8');
  loaded.files.push({ file, text });
  const reader = new YamlReader(file, text);
  const criteria = readHouseholdCriteria(reader);
  const findings: Finding[] = [...reader.findings];
  if (criteria) {
    findings.push(
      ...checkHouseholdCriteria(
        criteria,
        loaded.nodes.map((l) => l.node),
        today,
      ),
    );
  }
  if (criteria && !findings.some((f) => f.severity === 'error')) loaded.household = criteria;
  return toHouseholdDiagnostics(
    findings.sort((a, b) => a.line - b.line),
    t,
  );
}

/** Translates findings: HOUSEHOLD_* codes from the household namespace, the others as FAQ findings. */
function toHouseholdDiagnostics(findings: readonly Finding[], t: Translate): Diagnostic[] {
  return findings.map((f) => {
    const params: Record<string, string | number> = { ...f.params };
    for (const name of ['context', 'expected'] as const) {
      const value = params[name];
      if (value !== undefined) params[name] = t(`household:${name}.${value}`, { defaultValue: String(value) });
    }
    if (!f.code.startsWith('HOUSEHOLD_')) return toDiagnostics([{ ...f, params }], t)[0]!;
    return {
      severity: f.severity,
      code: f.code,
      file: f.file,
      line: f.line,
      message: t(`household:diagnostics.${f.code}`, params),
    };
  });
}
