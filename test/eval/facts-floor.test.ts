import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAskSession, type AskSession } from '../../src/cli/create-ask-session.js';
import { createFaqStore } from '../../src/faq/create-faq-store.js';
import {
  evaluateFacts,
  loadFactsSet,
  rate,
  type FactsMetrics,
  type FactsReport,
  type FactsRow,
} from '../../src/faq/evaluate-facts.js';
import type { FaqStore } from '../../src/faq/faq-types.js';
import { createI18n } from '../../src/i18n/create-i18n.js';
import { createSilentLogger } from '../../src/shared/logger.js';

/**
 * Floors recorded from `npm run eval:facts` (content and matcher as of the last tuning, day
 * 2026-11-29), a few points under the measured values so wording edits pass but a real regression
 * fails. Measured: in scope 93.1 / 93.7 / 91.7 % (all / marked / unmarked), half A 98.5 %, half B
 * 87.9 %; out of scope declined 100 %. Half B is never tuned on: raise its floor only after a
 * change made for other reasons. Never lower a floor to make a change pass without saying why.
 * Re-measured after the place-name / question-focus round (2026-11-29): in scope 95.4 / 95.8 /
 * 94.4 %, half A 98.5 %, half B 92.4 %; out of scope declined 100 %.
 */
const FLOORS = {
  inScope: 0.9,
  inScopeMarked: 0.9,
  inScopeUnmarked: 0.86,
  inScopeHalfA: 0.95,
  inScopeHalfB: 0.84,
  oosDeclined: 0.96,
};
const DAY = '2026-11-29';

/**
 * Floors of the second, independent set (test/eval/facts-set-2.yaml; its half A is "half C", tuned
 * on, its half B "half D", measured only at the end of a round). Measured 2026-11-29 after the
 * round: in scope 92.0 / 90.9 / 93.1 % (all / marked / unmarked), half C 96.2 %, half D 88.3 %;
 * out of scope declined 92.9 %, one answered (a question about another province, in half D).
 * Re-measured after the place-name / question-focus round: in scope 96.5 / 94.5 / 98.3 %, half C
 * 100 %, half D 93.3 %; out of scope declined 96.4 %, the same one answered.
 */
const FLOORS_2 = {
  inScope: 0.88,
  inScopeMarked: 0.87,
  inScopeUnmarked: 0.89,
  inScopeHalfA: 0.92,
  inScopeHalfB: 0.84,
  oosDeclined: 0.89,
};

/**
 * Floors of the third set (test/eval/facts-set-3.yaml): a held-out stress set (long stories,
 * teencode, place names, near-miss out of scope), every row half B, never tuned on. Measured once
 * before the place-name / question-focus round — in scope 89.4 / 90.4 / 88.1 % (all / marked /
 * unmarked), out of scope declined 91.7 % — and once after: in scope 93.6 / 92.3 / 95.2 %, out of
 * scope declined 95.8 / 100 / 90.0 %, one answered. Its half A is empty (rate 1).
 */
const FLOORS_3 = {
  inScope: 0.9,
  inScopeMarked: 0.88,
  inScopeUnmarked: 0.91,
  inScopeHalfA: 1,
  inScopeHalfB: 0.9,
  oosDeclined: 0.91,
};

const inScope = (m: FactsMetrics): number => rate(m.inScopeCorrect, m.inScope);

/** Every row of a facts set asked by a fresh resident through the ask dialog, on DAY. */
function useFactsReport(file: string): { rows: FactsRow[]; report: () => FactsReport } {
  const at = Date.parse(`${DAY}T12:00:00+07:00`);
  const rows = loadFactsSet(path.resolve(file));
  let faq: FaqStore;
  let session: AskSession;
  let report: FactsReport | undefined;

  beforeAll(async () => {
    const log = createSilentLogger();
    faq = createFaqStore({ contentDir: path.resolve('content'), clock: { now: () => at }, log, watch: false });
    session = createAskSession({ faq, t: createI18n().getFixedT('vi'), log, now: () => at });
    report = await evaluateFacts(rows, (userId, q) => session.ask(userId, q));
  });
  afterAll(() => {
    session.close();
    faq.close();
  });
  return {
    rows,
    report: () => {
      if (!report) throw new Error(`${file} was not evaluated`);
      return report;
    },
  };
}

/** Which rates reach their floor (all true when none regressed). */
function ratesAtFloor(report: FactsReport, floors: typeof FLOORS): Record<keyof typeof FLOORS, boolean> {
  return {
    inScope: inScope(report.all) >= floors.inScope,
    inScopeMarked: inScope(report.marked) >= floors.inScopeMarked,
    inScopeUnmarked: inScope(report.unmarked) >= floors.inScopeUnmarked,
    inScopeHalfA: inScope(report.halves.A) >= floors.inScopeHalfA,
    inScopeHalfB: inScope(report.halves.B) >= floors.inScopeHalfB,
    oosDeclined: rate(report.all.oosDeclined, report.all.outOfScope) >= floors.oosDeclined,
  };
}

const allTrue = Object.fromEntries(Object.keys(FLOORS).map((k) => [k, true]));

/** One facts set: its floors, how many out-of-scope rows may be answered, and its expected shape. */
interface FactsSetCase {
  title: string;
  file: string;
  floors: typeof FLOORS;
  maxOosAnswered: number;
  oosTitle: string;
  shapeTitle: string;
  minRows: number;
  /** every row is half B (held out); otherwise each half holds over a third of the rows */
  heldOut: boolean;
  minOosShare: number;
  minUnmarkedShare: number;
}

const SETS: FactsSetCase[] = [
  {
    title: 'test/eval/facts-set.yaml, through the ask dialog',
    file: 'test/eval/facts-set.yaml',
    floors: FLOORS,
    maxOosAnswered: 0,
    oosTitle: 'when an out-of-scope question is asked, then it is never answered with a cited answer',
    shapeTitle:
      'when the set is loaded, then it has about 150 rows in two halves, a fifth out of scope and a fifth typed without diacritics',
    minRows: 150,
    heldOut: false,
    minOosShare: 0.15,
    minUnmarkedShare: 0.2,
  },
  {
    title: 'second set, test/eval/facts-set-2.yaml',
    file: 'test/eval/facts-set-2.yaml',
    floors: FLOORS_2,
    maxOosAnswered: 1,
    oosTitle: 'when out-of-scope questions are asked, then at most one is answered directly',
    shapeTitle:
      'when the set is loaded, then it has about 140 rows in two halves, a fifth out of scope and a third typed without diacritics',
    minRows: 140,
    heldOut: false,
    minOosShare: 0.18,
    minUnmarkedShare: 0.33,
  },
  {
    title: 'third, held-out stress set, test/eval/facts-set-3.yaml',
    file: 'test/eval/facts-set-3.yaml',
    floors: FLOORS_3,
    maxOosAnswered: 1,
    oosTitle: 'when out-of-scope questions are asked, then at most one is answered directly',
    shapeTitle:
      'when the set is loaded, then it has about 120 held-out rows, a fifth out of scope and two fifths typed without diacritics',
    minRows: 110,
    heldOut: true,
    minOosShare: 0.18,
    minUnmarkedShare: 0.4,
  },
];

for (const set of SETS) {
  describe(`replies carry the facts of the fact sheet (${set.title})`, () => {
    const { rows, report: measured } = useFactsReport(set.file);

    it('when every row is asked by a fresh resident, then no rate falls below its floor', () => {
      expect(ratesAtFloor(measured(), set.floors)).toEqual(allTrue);
    });

    it(set.oosTitle, () => {
      expect(measured().all.oosAnswered).toBeLessThanOrEqual(set.maxOosAnswered);
    });

    it(set.shapeTitle, () => {
      const report = measured();
      expect(rows.length).toBeGreaterThanOrEqual(set.minRows);
      if (set.heldOut) {
        expect(rows.every((r) => r.half === 'B')).toBe(true);
      } else {
        expect(report.halves.A.inScope + report.halves.A.outOfScope).toBeGreaterThan(rows.length / 3);
        expect(report.halves.B.inScope + report.halves.B.outOfScope).toBeGreaterThan(rows.length / 3);
      }
      expect(report.all.outOfScope / rows.length).toBeGreaterThan(set.minOosShare);
      expect((report.unmarked.inScope + report.unmarked.outOfScope) / rows.length).toBeGreaterThan(
        set.minUnmarkedShare,
      );
    });
  });
}
