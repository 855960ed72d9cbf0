import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createFaqDialog } from '../../../src/bot/dialog/create-faq-dialog.js';
import type { DialogReply } from '../../../src/bot/dialog.js';
import { createFaqStore, type ReloadableFaqStore } from '../../../src/faq/content/create-faq-store.js';
import { YamlReader } from '../../../src/faq/content/yaml-reader.js';
import { createHouseholdFlow, type HouseholdFlowOptions } from '../../../src/household/create-household-flow.js';
import { HOUSEHOLD_FILE, indicatorsOn, type HouseholdCriteria } from '../../../src/household/household-criteria.js';
import type { HouseholdVocabulary } from '../../../src/household/parse-household-message.js';
import { readHouseholdCriteria } from '../../../src/household/read-household-criteria.js';
import { createI18n } from '../../../src/i18n/create-i18n.js';
import { createSilentLogger } from '../../../src/shared/logger.js';
import { openDatabase, type Db } from '../../../src/storage/open-database.js';

/** The real content: the thresholds under test are the ones residents get. */
export const CONTENT_DIR = path.resolve('content');
export const MINUTE = 60_000;
export const t = createI18n().getFixedT('vi');

/** Noon in Vietnam on an ISO day. */
export const at = (day: string): number => Date.parse(`${day}T12:00:00+07:00`);

/** content/household-check.yaml as read by the loader (no checker findings expected). */
export function realCriteria(): HouseholdCriteria {
  const file = path.join(CONTENT_DIR, HOUSEHOLD_FILE);
  const reader = new YamlReader(file, fs.readFileSync(file, 'utf8'));
  const criteria = readHouseholdCriteria(reader);
  if (!criteria || reader.findings.length > 0) throw new Error(`bad ${file}: ${JSON.stringify(reader.findings)}`);
  return criteria;
}

/** The parser's vocabulary of the real criteria on a day. */
export function vocabularyOn(criteria: HouseholdCriteria, day: string): HouseholdVocabulary {
  return { indicators: indicatorsOn(criteria, day), areas: criteria.areaPhrases, farming: criteria.farmingPhrases };
}

/**
 * Registers hooks in the calling `describe`: the FAQ store over the real content (once, it is
 * slow to index), a fresh in-memory database and FAQ dialog with the self-check for each test.
 */
export function useHouseholdDialog(flowOptions?: HouseholdFlowOptions) {
  const fx = {} as { faq: ReloadableFaqStore; db: Db; dialog: ReturnType<typeof createFaqDialog> };
  beforeAll(() => {
    fx.faq = createFaqStore({
      contentDir: CONTENT_DIR,
      clock: { now: () => at('2026-12-07') },
      log: createSilentLogger(),
      watch: false,
    });
  });
  afterAll(() => fx.faq.close());
  beforeEach(() => {
    fx.db = openDatabase(':memory:');
    fx.dialog = createFaqDialog({
      faq: fx.faq,
      db: fx.db,
      t,
      log: createSilentLogger(),
      options: { flood: { max: Infinity, windowMs: 1 } },
      household: createHouseholdFlow(flowOptions),
    });
  });
  afterEach(() => fx.db.close());
  return fx;
}

/** The whole text a resident reads for one reply. */
export function textOf(reply: DialogReply): string {
  return reply.messages.map((m) => m.text).join('\n\n');
}

/** One resident's conversation at a movable time. */
export function converse(dialog: ReturnType<typeof createFaqDialog>, start: number, userId = 'u-hh-1') {
  let now = start;
  return {
    say: (text: string) => dialog.respond(userId, { kind: 'text', text }, now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}
