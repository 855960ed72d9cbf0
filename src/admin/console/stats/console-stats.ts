import type { HandoffRepository, HandoffStats } from '../../../bot/dialog/handoff-repository.js';
import type { QuestionRepository, QuestionStats } from '../../../bot/dialog/question-repository.js';
import type { BroadcastStats, RunStore } from '../../../broadcast/run-store.js';
import type { StatsRange } from '../../../storage/stats-range.js';

export type { BroadcastStats, HandoffStats, QuestionStats, StatsRange };

export interface ConsoleStats {
  questions(range: StatsRange): QuestionStats;
  handoffs(range: StatsRange): HandoffStats;
  broadcasts(range: StatsRange): BroadcastStats;
}

/**
 * The dashboard's and yearly report's aggregates, each asked of the table's owner: the question
 * log, the hand-off queue and the broadcast run store. Read only; counts survive the retention purge.
 */
export function createConsoleStats(owners: {
  questions: Pick<QuestionRepository, 'stats'>;
  handoffs: Pick<HandoffRepository, 'stats'>;
  runStore: Pick<RunStore, 'deliveryStats'>;
}): ConsoleStats {
  return {
    questions: (range) => owners.questions.stats(range),
    handoffs: (range) => owners.handoffs.stats(range),
    broadcasts: (range) => owners.runStore.deliveryStats(range),
  };
}
