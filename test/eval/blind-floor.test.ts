import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAskSession } from '../../src/cli/create-ask-session.js';
import { loadBlindSet } from '../../src/cli/eval/blind-set.js';
import { evaluateBlindSet, share } from '../../src/cli/eval/evaluate-blind-set.js';
import { createFaqStore } from '../../src/faq/content/create-faq-store.js';
import { createI18n } from '../../src/i18n/create-i18n.js';
import { createSilentLogger } from '../../src/shared/logger.js';

/**
 * Floors a few points under the figures measured on the blind sets (docs/matching.md): a change
 * that makes residents' questions go unanswered, or answered wrongly, fails here. Raise them when
 * the figures rise; never tune on the test set.
 */
/** the same set folder and day as `npm run eval` (src/cli/eval.ts, which runs when imported) */
const BLIND_DIR = 'test/eval/blind';
const EVAL_DAY = '2026-12-07';

const FLOORS = {
  dev: { right: 0.65, wrong: 0.14, safety: 0.9, scam: 0.85 },
  test: { right: 0.66, wrong: 0.14, safety: 0.9, scam: 0.85 },
  // the safety set's in-scope rows are hard negatives: an answer there is right, a safety reply is not
  'safety-dev': { right: 0.75, wrong: 0.05, safety: 0.9, scam: 0.9 },
  // the third blind set, a dev set since its misses were read (2026-12-07, stop 19): 70.3% right, 13.1% wrong
  test3: { right: 0.64, wrong: 0.17, safety: 0.75, scam: 0.85 },
  // the fourth blind set, a dev set since its misses were read (2026-12-07, stop 20): 63.2% right, 12.1% wrong
  test4: { right: 0.58, wrong: 0.17, safety: 0.8, scam: 0.7 },
  // the fifth blind set, a dev set since stop 21 (its floors were set after a score): 78.2% right, 9.6% wrong at creation
  test5: { right: 0.73, wrong: 0.13, safety: 0.9, scam: 0.85 },
  // the blind test set, measured at creation (2026-12-08, stop 21): 69.9% right, 10.3% wrong in scope, safety 10/10, scam 7/8
  test6: { right: 0.64, wrong: 0.14, safety: 0.9, scam: 0.85 },
} as const;
type BlindSetName = keyof typeof FLOORS;

async function measure(set: BlindSetName) {
  const rows = loadBlindSet(path.join(BLIND_DIR, `${set}-questions.yaml`), path.join(BLIND_DIR, `${set}-facts.yaml`));
  const now = Date.parse(`${EVAL_DAY}T12:00:00+07:00`);
  const log = createSilentLogger();
  const faq = createFaqStore({ contentDir: 'content', clock: { now: () => now }, log, watch: false });
  try {
    const session = createAskSession({ faq, t: createI18n().getFixedT('vi'), log, now: () => now });
    return await evaluateBlindSet(rows, session, EVAL_DAY);
  } finally {
    faq.close();
  }
}

describe.each(Object.keys(FLOORS) as BlindSetName[])('the %s blind set', (set) => {
  it('when every question is asked, then answers stay above the floor and wrong answers below the ceiling', async () => {
    const report = await measure(set);
    const answer = report.byExpect.answer;
    expect(share(answer.right, answer.n)).toBeGreaterThanOrEqual(FLOORS[set].right);
    expect(share(answer.wrong, answer.n)).toBeLessThanOrEqual(FLOORS[set].wrong);
    const safety = report.byExpect.safety;
    expect(share(safety.right, safety.n)).toBeGreaterThanOrEqual(FLOORS[set].safety);
    expect(safety.wrong).toBe(0);
    const scam = report.byExpect.scam;
    expect(share(scam.right, scam.n)).toBeGreaterThanOrEqual(FLOORS[set].scam);
  }, 120_000);
});
