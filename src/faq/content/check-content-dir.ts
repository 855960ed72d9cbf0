import fs from 'node:fs';
import { HANDOFF_FILE, readHandoffConfig } from '../../bot/dialog/handoff-config.js';
import { loadHouseholdCheck } from '../../household/load-household-check.js';
import path from 'node:path';
import { byPlace, checkContent } from './check-content.js';
import type { Diagnostic } from '../faq-types.js';
import { toDiagnostics, type Translate } from './format-diagnostics.js';
import { loadContent, type LoadedContent } from './load-content.js';

export interface CheckedContent {
  loaded: LoadedContent;
  /** every finding, translated, sorted by file and line */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
}

/**
 * Loads CONTENT_DIR and runs the checker: what `content:check`, the store and the eval share.
 * `today` is YYYY-MM-DD in Asia/Ho_Chi_Minh (see validity.dayOf). `overrides` (absolute path → text)
 * checks edited files before they are written (see loadContent).
 */
export function checkContentDir(
  contentDir: string,
  today: string,
  t: Translate,
  overrides?: ReadonlyMap<string, string>,
): CheckedContent {
  const loaded = loadContent(contentDir, overrides);
  const diagnostics = [
    ...toDiagnostics(checkContent(loaded, today), t),
    ...loadHouseholdCheck(loaded, today, t),
    ...loadHandoffFile(loaded, t),
  ].sort(byPlace);
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  return { loaded, diagnostics, errorCount, warningCount: diagnostics.length - errorCount };
}

/**
 * Reads CONTENT_DIR/handoff.yaml into `loaded` (it joins `loaded.files`, so an edit reloads the
 * snapshot) and returns its diagnostics; `loaded.handoff` is set only when the file has no errors.
 */
function loadHandoffFile(loaded: LoadedContent, t: Translate): Diagnostic[] {
  const { config, diagnostics, present } = readHandoffConfig(loaded.contentDir, t);
  if (!present) return [];
  const file = path.join(loaded.contentDir, HANDOFF_FILE);
  loaded.files.push({ file, text: fs.readFileSync(file, 'utf8') });
  if (config) loaded.handoff = config;
  return diagnostics;
}
