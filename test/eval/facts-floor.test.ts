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

describe('replies carry the facts of the fact sheet (test/eval/facts-set.yaml, through the ask dialog)', () => {
  const at = Date.parse(`${DAY}T12:00:00+07:00`);
  const rows = loadFactsSet(path.resolve('test/eval/facts-set.yaml'));
  let faq: FaqStore;
  let session: AskSession;
  let report: FactsReport;

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

  const inScope = (m: FactsMetrics): number => rate(m.inScopeCorrect, m.inScope);

  it('when every row is asked by a fresh resident, then no rate falls below its floor', () => {
    expect({
      inScope: inScope(report.all) >= FLOORS.inScope,
      inScopeMarked: inScope(report.marked) >= FLOORS.inScopeMarked,
      inScopeUnmarked: inScope(report.unmarked) >= FLOORS.inScopeUnmarked,
      inScopeHalfA: inScope(report.halves.A) >= FLOORS.inScopeHalfA,
      inScopeHalfB: inScope(report.halves.B) >= FLOORS.inScopeHalfB,
      oosDeclined: rate(report.all.oosDeclined, report.all.outOfScope) >= FLOORS.oosDeclined,
    }).toEqual(Object.fromEntries(Object.keys(FLOORS).map((k) => [k, true])));
  });

  it('when an out-of-scope question is asked, then it is never answered with a cited answer', () => {
    expect(report.all.oosAnswered).toBe(0);
  });

  it('when the set is loaded, then it has about 150 rows in two halves, a fifth out of scope and a fifth typed without diacritics', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(report.halves.A.inScope + report.halves.A.outOfScope).toBeGreaterThan(rows.length / 3);
    expect(report.halves.B.inScope + report.halves.B.outOfScope).toBeGreaterThan(rows.length / 3);
    expect(report.all.outOfScope / rows.length).toBeGreaterThan(0.15);
    expect((report.unmarked.inScope + report.unmarked.outOfScope) / rows.length).toBeGreaterThan(0.2);
  });
});
