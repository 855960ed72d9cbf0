import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandoffRepository } from '../../../src/bot/dialog/handoff-repository.js';
import { purgeQuestionTexts, startQuestionPurge } from '../../../src/bot/dialog/purge-question-texts.js';
import { createQuestionRepository, questionKey } from '../../../src/bot/dialog/question-repository.js';
import { createSilentLogger } from '../../../src/shared/logger.js';
import type { Db } from '../../../src/storage/open-database.js';
import { makeTempDir, NOW, openTempDb } from './dialog-test-kit.js';

const DAY = 24 * 60 * 60 * 1000;

describe('question texts retention', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let db: Db;

  beforeEach(() => {
    tmp = makeTempDir();
    db = openTempDb(tmp.dir);
    const questions = createQuestionRepository(db);
    const handoffs = createHandoffRepository(db);
    for (const [userId, text, at] of [
      ['u-old', 'Nhà tôi ở thôn Đông có được vay vốn?', NOW - 100 * DAY],
      ['u-new', 'nha toi o thon dong co duoc vay von', NOW - 1 * DAY],
    ] as const) {
      questions.log({
        userId,
        text,
        keyText: text,
        outcome: 'fallback',
        nodeId: null,
        score: 0.1,
        candidates: [],
        contentVersion: 'v1',
        now: at,
      });
      handoffs.open({ userId, question: text, lastAnswerId: null, now: at });
    }
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('when texts are older than the cutoff, then they are nulled in questions and hand-offs, newer ones and grouping stay', () => {
    expect(purgeQuestionTexts(db, NOW - 90 * DAY)).toBe(2);
    expect(db.prepare('SELECT user_id, text FROM questions ORDER BY id').all()).toEqual([
      { user_id: 'u-old', text: null },
      { user_id: 'u-new', text: 'nha toi o thon dong co duoc vay von' },
    ]);
    expect(db.prepare('SELECT user_id, question FROM handoffs ORDER BY id').all()).toEqual([
      { user_id: 'u-old', question: null },
      { user_id: 'u-new', question: 'nha toi o thon dong co duoc vay von' },
    ]);
    const [group] = createQuestionRepository(db).listUnanswered({ since: 0 });
    expect(group).toMatchObject({
      count: 2,
      text: 'nha toi o thon dong co duoc vay von',
      textKey: questionKey('Nhà tôi ở thôn Đông có được vay vốn?'),
    });
    expect(purgeQuestionTexts(db, NOW - 90 * DAY)).toBe(0);
  });

  it('when the purge is started for 90 days, then it runs at once and can be stopped', () => {
    const purge = startQuestionPurge({ db, clock: { now: () => NOW }, log: createSilentLogger(), retentionDays: 90 });
    purge.stop();
    expect(db.prepare('SELECT COUNT(*) AS n FROM questions WHERE text IS NULL').get()).toEqual({ n: 1 });
  });

  it('when an admin handles a group of unanswered questions, then it leaves the unanswered list', () => {
    const questions = createQuestionRepository(db);
    const [group] = questions.listUnanswered({ since: 0 });
    expect(questions.markHandled(group!.textKey, NOW)).toBe(2);
    expect(questions.listUnanswered({ since: 0 })).toEqual([]);
  });
});
