import { createHash } from 'node:crypto';
import type { Candidate } from '../../faq/faq-types.js';
import type { Db } from '../../storage/open-database.js';
import { foldText } from './fold-text.js';

/** What the dialog did with a free-text question: the matcher's verdict, or 'menu' for a topic match. */
export type QuestionOutcome = 'answer' | 'suggestions' | 'smalltalk' | 'fallback' | 'menu';

export interface LoggedQuestion {
  userId: string;
  /** the resident's text; null when retention keeps none */
  text: string | null;
  /** the text before retention is applied, for the grouping key only (never stored) */
  keyText: string;
  outcome: QuestionOutcome;
  nodeId: string | null;
  score: number | null;
  candidates: Candidate[];
  contentVersion: string;
  now: number;
}

/** One group of similar unanswered questions for the console (same folded text). */
export interface UnansweredGroup {
  textKey: string;
  /** latest text still kept (null once every text of the group is past retention) */
  text: string | null;
  count: number;
  lastAskedAt: number;
  outcome: QuestionOutcome;
  candidates: Candidate[];
}

export interface QuestionRepository {
  log(question: LoggedQuestion): void;
  /** The resident's most recent question (text may be null), for hand-off context. */
  lastOfUser(userId: string): { text: string | null; createdAt: number } | undefined;
  /** Fallback and suggestion questions not yet handled since `since`, most asked first. */
  listUnanswered(options: { since: number; limit?: number }): UnansweredGroup[];
  /** Marks every unhandled question of a group handled (an admin added content or dismissed it). */
  markHandled(textKey: string, now: number): number;
  /** The latest text still kept for a grouping key (null when retention removed them all or none exists). */
  latestText(textKey: string): string | null;
}

/**
 * Stable grouping key of a question: a short hash of its folded text, so "Hộ nghèo?" and
 * "ho ngheo" group together and grouping survives the retention purge of the text itself.
 */
export function questionKey(text: string): string {
  return createHash('sha256').update(foldText(text)).digest('hex').slice(0, 16);
}

interface GroupRow {
  text_key: string;
  text: string | null;
  count: number;
  last_asked_at: number;
  outcome: QuestionOutcome;
  candidates: string;
}

/** The question log in SQLite (table `questions`). */
export function createQuestionRepository(db: Db): QuestionRepository {
  const insert = db.prepare(
    `INSERT INTO questions (user_id, text, text_key, outcome, node_id, score, candidates, content_version, created_at)
     VALUES (@userId, @text, @textKey, @outcome, @nodeId, @score, @candidates, @contentVersion, @now)`,
  );
  const selectLast = db.prepare<[string], { text: string | null; created_at: number }>(
    'SELECT text, created_at FROM questions WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT 1',
  );
  const selectUnanswered = db.prepare<[number, number], GroupRow>(
    `SELECT q.text_key, COUNT(*) AS count, MAX(q.created_at) AS last_asked_at,
       (SELECT text FROM questions t WHERE t.text_key = q.text_key AND t.text IS NOT NULL
          ORDER BY t.created_at DESC, t.id DESC LIMIT 1) AS text,
       (SELECT outcome FROM questions t WHERE t.text_key = q.text_key ORDER BY t.created_at DESC, t.id DESC LIMIT 1) AS outcome,
       (SELECT candidates FROM questions t WHERE t.text_key = q.text_key ORDER BY t.created_at DESC, t.id DESC LIMIT 1) AS candidates
     FROM questions q
     WHERE q.outcome IN ('fallback', 'suggestions') AND q.handled_at IS NULL AND q.created_at >= ?
     GROUP BY q.text_key ORDER BY count DESC, last_asked_at DESC LIMIT ?`,
  );
  const handle = db.prepare<[number, string]>(
    'UPDATE questions SET handled_at = ? WHERE text_key = ? AND handled_at IS NULL',
  );
  const selectText = db.prepare<[string], { text: string }>(
    `SELECT text FROM questions WHERE text_key = ? AND text IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT 1`,
  );
  return {
    log(q) {
      insert.run({
        userId: q.userId,
        text: q.text,
        textKey: questionKey(q.keyText),
        outcome: q.outcome,
        nodeId: q.nodeId,
        score: q.score,
        candidates: JSON.stringify(q.candidates),
        contentVersion: q.contentVersion,
        now: q.now,
      });
    },
    lastOfUser(userId) {
      const row = selectLast.get(userId);
      return row && { text: row.text, createdAt: row.created_at };
    },
    listUnanswered({ since, limit = 50 }) {
      return selectUnanswered.all(since, limit).map((r) => ({
        textKey: r.text_key,
        text: r.text,
        count: r.count,
        lastAskedAt: r.last_asked_at,
        outcome: r.outcome,
        candidates: JSON.parse(r.candidates) as Candidate[],
      }));
    },
    markHandled(textKey, now) {
      return handle.run(now, textKey).changes;
    },
    latestText(textKey) {
      return selectText.get(textKey)?.text ?? null;
    },
  };
}
