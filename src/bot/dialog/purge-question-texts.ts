import type { Logger } from '../../shared/logger.js';
import type { Clock } from '../../shared/clock.js';
import type { Db } from '../../storage/open-database.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Every column holding a resident's message text, each table with its `created_at`. */
const TEXT_COLUMNS: ReadonlyArray<[string, string]> = [
  ['questions', 'text'],
  ['handoffs', 'question'],
  ['handoffs', 'subject'],
  ['thread_messages', 'text'],
];

/**
 * Erases residents' question texts created before `cutoffMs` (epoch ms): `questions.text` and
 * `handoffs.question`, `handoffs.subject` and `thread_messages.text` become NULL; the grouping key, outcome and counts stay for statistics.
 * Returns how many rows lost their text. Idempotent.
 */
export function purgeQuestionTexts(db: Db, cutoffMs: number): number {
  let purged = 0;
  db.transaction(() => {
    for (const [table, column] of TEXT_COLUMNS) {
      purged += db
        .prepare(`UPDATE ${table} SET ${column} = NULL WHERE ${column} IS NOT NULL AND created_at < ?`)
        .run(cutoffMs).changes;
    }
  })();
  return purged;
}

/**
 * Runs `purgeQuestionTexts` for MESSAGE_RETENTION_DAYS now and then every `everyMs` (default hourly)
 * on an unref'd timer, so it never keeps the process alive. Call `stop()` before closing the database.
 * @example const purge = startQuestionPurge({ db, clock, log, retentionDays: config.messageRetentionDays });
 */
export function startQuestionPurge(deps: {
  db: Db;
  clock: Clock;
  log: Logger;
  retentionDays: number;
  everyMs?: number;
}): { stop(): void } {
  const run = (): void => {
    try {
      const purged = purgeQuestionTexts(deps.db, deps.clock.now() - deps.retentionDays * DAY_MS);
      if (purged > 0)
        deps.log.info({ purged, retentionDays: deps.retentionDays }, 'question texts past retention erased');
    } catch (err) {
      deps.log.error({ err }, 'question text purge failed; it will be retried at the next run');
    }
  };
  run();
  const timer = setInterval(run, deps.everyMs ?? 60 * 60 * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
