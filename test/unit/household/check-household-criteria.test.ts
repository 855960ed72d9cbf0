import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContentDir } from '../../../src/faq/content/check-content-dir.js';
import { createFaqTranslator, formatDiagnostic } from '../../../src/faq/content/format-diagnostics.js';
import { CONTENT_DIR } from './household-test-kit.js';

const FILE = 'household-check.yaml';
const TODAY = '2026-12-07';
const t = createFaqTranslator('vi');
const dirs: string[] = [];

/** A copy of the real content whose household file had `from` replaced by `to` (once). */
function contentWith(from: string, to: string): { dir: string; line: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'household-check-'));
  dirs.push(dir);
  fs.cpSync(CONTENT_DIR, dir, { recursive: true });
  const file = path.join(dir, FILE);
  const text = fs.readFileSync(file, 'utf8');
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`not in ${FILE}: ${from}`);
  fs.writeFileSync(file, text.slice(0, at) + to + text.slice(at + from.length));
  return { dir, line: text.slice(0, at).split('\n').length };
}

/** The line of the real household file where `text` starts. */
function lineOf(text: string): number {
  const real = fs.readFileSync(path.join(CONTENT_DIR, FILE), 'utf8');
  return real.slice(0, real.indexOf(text)).split('\n').length;
}

function householdFindings(dir: string) {
  const checked = checkContentDir(dir, TODAY, t);
  return { checked, found: checked.diagnostics.filter((d) => d.file.endsWith(FILE)) };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('content:check on household-check.yaml', () => {
  it('when the real file is checked, then it has no errors and the self-check is loaded', () => {
    const checked = checkContentDir(CONTENT_DIR, TODAY, t);
    expect(checked.diagnostics.filter((d) => d.file.endsWith(FILE))).toEqual([]);
    expect(checked.loaded.household?.periods.map((p) => [p.validFrom, p.validUntil])).toEqual([
      ['2022-01-01', '2026-12-31'],
      ['2027-01-01', '2030-12-31'],
    ]);
  });

  it('when two periods overlap, then an error at the later period, with file:line', () => {
    const line = lineOf('  - name: giai đoạn 2026–2030');
    const edited = contentWith(
      'valid_from: 2027-01-01\n    valid_until: 2030-12-31',
      'valid_from: 2026-06-01\n    valid_until: 2030-12-31',
    );
    const { checked, found } = householdFindings(edited.dir);
    expect(found).toEqual([expect.objectContaining({ severity: 'error', code: 'HOUSEHOLD_PERIODS_OVERLAP', line })]);
    expect(formatDiagnostic(found[0]!)).toContain(`${FILE}:${line}: error HOUSEHOLD_PERIODS_OVERLAP`);
    expect(checked.errorCount).toBe(1);
    expect(checked.loaded.household).toBeUndefined();
  });

  it('when a band is not ordered, then an error on the band line', () => {
    const line = lineOf('    average_band:');
    const edited = contentWith('rural: [1500000, 2250000]', 'rural: [2250000, 1500000]');
    const { found } = householdFindings(edited.dir);
    expect(found).toEqual([expect.objectContaining({ code: 'HOUSEHOLD_RANGE_ORDER', line, severity: 'error' })]);
  });

  it('when a figure has no legal basis, then an error names it; a bad confidence mark too', () => {
    const noBasis = contentWith(
      '      legal_basis:\n        - Nghị định 351/2025/NĐ-CP\n      confidence: "[2+]"\n      facts: [F4.9]\n    poor:',
      '      confidence: "[2+]"\n      facts: [F4.9]\n    poor:',
    );
    expect(householdFindings(noBasis.dir).found).toEqual([
      expect.objectContaining({ code: 'HOUSEHOLD_MISSING_BASIS', severity: 'error' }),
    ]);
    const badMark = contentWith('      confidence: "[1]"', '      confidence: "chắc chắn"');
    expect(householdFindings(badMark.dir).found.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'HOUSEHOLD_BAD_CONFIDENCE', line: badMark.line, severity: 'error' }),
    ]);
  });

  it('when the poverty line is above the top of the average band, then an error', () => {
    const edited = contentWith(
      '      rural: 1500000\n      urban: 2000000',
      '      rural: 2500000\n      urban: 2000000',
    );
    const { found } = householdFindings(edited.dir);
    expect(found.map((d) => d.code)).toContain('HOUSEHOLD_RANGE_ORDER');
    expect(found.every((d) => d.line > 0)).toBe(true);
  });
});
