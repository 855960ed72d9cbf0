import type { Db } from '../../storage/open-database.js';

export type HandoffStatus = 'open' | 'answered' | 'closed';

/** A resident's request to talk to an official (table `handoffs`). */
export interface Handoff {
  id: number;
  userId: string;
  /** the resident's last question before asking; null when none or purged by retention */
  question: string | null;
  /** the FAQ node last answered to this resident, for context */
  lastAnswerId: string | null;
  status: HandoffStatus;
  /** opened by a safety reply (emergency): listed first */
  urgent: boolean;
  createdAt: number;
  /** first official reply: when and by whom (the response time runs from createdAt to answeredAt) */
  answeredAt: number | null;
  answeredBy: string | null;
  /** the resident's message right after the request (null when none yet, or purged) */
  subject: string | null;
  assignedTo: string | null;
  closedAt: number | null;
  closedBy: string | null;
}

/** Closed hand-offs for the answered history. `q` searches resident, subject and official (folded by SQLite's LIKE). */
export interface HistoryQuery {
  q?: string;
  limit?: number;
}

export interface HandoffRepository {
  /**
   * Opens a request unless the resident already has an open one; `created` tells which.
   * Never duplicates: a unique index allows one open request per resident. `urgent` also marks an
   * already open request urgent.
   */
  open(input: {
    userId: string;
    question: string | null;
    lastAnswerId: string | null;
    now: number;
    urgent?: boolean;
  }): {
    handoff: Handoff;
    created: boolean;
  };
  /** Gives the resident's open request their question when it has none yet. False if nothing changed. */
  attachQuestion(userId: string, question: string): boolean;
  /** Open requests, urgent ones first, then oldest first (the order officials should answer them). */
  listOpen(limit?: number): Handoff[];
  get(id: number): Handoff | undefined;
  /** Marks an open request answered by `answeredBy` (an official's name or account). False if not open. */
  markAnswered(id: number, answeredBy: string, now: number): boolean;
  /** Closes an open request without an answer (e.g. the resident's issue was solved). False if not open. */
  close(id: number): boolean;
  /** The resident's open request, if any. */
  openOf(userId: string): Handoff | undefined;
  /** Sets the subject of the resident's open request. False when none is open. */
  setSubject(userId: string, subject: string | null): boolean;
  /** Names who owns the resident's open request. */
  assign(userId: string, to: string): void;
  /** Records an official's reply on the open request: the first one is its answer time and author. */
  noteReply(userId: string, by: string, now: number): void;
  /** Closes the open request: 'answered' when an official replied, else 'closed'. Undefined when none was open. */
  finish(userId: string, by: string, now: number): Handoff | undefined;
  /** Closed requests, latest first. */
  history(query?: HistoryQuery): Handoff[];
  /** One page of the answered history (latest first) and how many closed requests match `q` in all. */
  historyPage(query: { q?: string; limit: number; offset: number }): { items: Handoff[]; total: number };
}

interface Row {
  id: number;
  user_id: string;
  question: string | null;
  last_answer_id: string | null;
  status: HandoffStatus;
  urgent: number;
  created_at: number;
  answered_at: number | null;
  answered_by: string | null;
  subject: string | null;
  assigned_to: string | null;
  closed_at: number | null;
  closed_by: string | null;
}

/** The hand-off queue in SQLite; used by the dialog (open) and the admin console (list, answer). */
export function createHandoffRepository(db: Db): HandoffRepository {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO handoffs (user_id, question, last_answer_id, status, urgent, created_at)
     VALUES (@userId, @question, @lastAnswerId, 'open', @urgent, @now)`,
  );
  const markUrgent = db.prepare<[string]>("UPDATE handoffs SET urgent = 1 WHERE user_id = ? AND status = 'open'");
  const selectOpenOfUser = db.prepare<[string], Row>("SELECT * FROM handoffs WHERE user_id = ? AND status = 'open'");
  const fillQuestion = db.prepare<[string, string]>(
    "UPDATE handoffs SET question = ? WHERE user_id = ? AND status = 'open' AND question IS NULL",
  );
  const selectOpen = db.prepare<[number], Row>(
    "SELECT * FROM handoffs WHERE status = 'open' ORDER BY urgent DESC, created_at, id LIMIT ?",
  );
  const selectById = db.prepare<[number], Row>('SELECT * FROM handoffs WHERE id = ?');
  const answer = db.prepare(
    `UPDATE handoffs SET status = 'answered', answered_at = @now, answered_by = @by WHERE id = @id AND status = 'open'`,
  );
  const closeOpen = db.prepare<[number]>("UPDATE handoffs SET status = 'closed' WHERE id = ? AND status = 'open'");
  const subject = db.prepare<[string | null, string]>(
    "UPDATE handoffs SET subject = ? WHERE user_id = ? AND status = 'open'",
  );
  const assign = db.prepare<[string, string]>(
    "UPDATE handoffs SET assigned_to = ? WHERE user_id = ? AND status = 'open'",
  );
  const reply = db.prepare(
    `UPDATE handoffs SET answered_at = coalesce(answered_at, @now), answered_by = coalesce(answered_by, @by),
       assigned_to = coalesce(assigned_to, @by) WHERE user_id = @userId AND status = 'open'`,
  );
  const finish = db.prepare(
    `UPDATE handoffs SET status = CASE WHEN answered_at IS NULL THEN 'closed' ELSE 'answered' END,
       closed_at = @now, closed_by = @by WHERE id = @id AND status = 'open'`,
  );
  const history = db.prepare<{ q: string | null; limit: number }, Row>(
    `SELECT h.* FROM handoffs h LEFT JOIN residents r ON r.user_id = h.user_id
     WHERE h.status <> 'open' AND (@q IS NULL OR h.subject LIKE @q OR h.question LIKE @q OR h.answered_by LIKE @q
       OR h.closed_by LIKE @q OR r.display_name LIKE @q)
     ORDER BY coalesce(h.closed_at, h.answered_at, h.created_at) DESC, h.id DESC LIMIT @limit`,
  );
  const historyWhere = `FROM handoffs h LEFT JOIN residents r ON r.user_id = h.user_id
     WHERE h.status <> 'open' AND (@q IS NULL OR h.subject LIKE @q OR h.question LIKE @q OR h.answered_by LIKE @q
       OR h.closed_by LIKE @q OR r.display_name LIKE @q)`;
  const historyAt = db.prepare<{ q: string | null; limit: number; offset: number }, Row>(
    `SELECT h.* ${historyWhere}
     ORDER BY coalesce(h.closed_at, h.answered_at, h.created_at) DESC, h.id DESC LIMIT @limit OFFSET @offset`,
  );
  const historyCount = db.prepare<{ q: string | null }, { n: number }>(`SELECT COUNT(*) AS n ${historyWhere}`);
  return {
    open(input) {
      const created = insert.run({ ...input, urgent: input.urgent ? 1 : 0 }).changes === 1;
      if (!created && input.urgent) markUrgent.run(input.userId);
      return { handoff: toHandoff(selectOpenOfUser.get(input.userId)!), created };
    },
    attachQuestion(userId, question) {
      return fillQuestion.run(question, userId).changes === 1;
    },
    listOpen(limit = 100) {
      return selectOpen.all(limit).map(toHandoff);
    },
    get(id) {
      const row = selectById.get(id);
      return row && toHandoff(row);
    },
    markAnswered(id, answeredBy, now) {
      return answer.run({ id, now, by: answeredBy }).changes === 1;
    },
    close(id) {
      return closeOpen.run(id).changes === 1;
    },
    openOf(userId) {
      const row = selectOpenOfUser.get(userId);
      return row && toHandoff(row);
    },
    setSubject: (userId, text) => subject.run(text, userId).changes === 1,
    assign: (userId, to) => void assign.run(to, userId),
    noteReply: (userId, by, now) => void reply.run({ userId, by, now }),
    finish(userId, by, now) {
      const row = selectOpenOfUser.get(userId);
      if (!row || finish.run({ id: row.id, by, now }).changes === 0) return undefined;
      return toHandoff(selectById.get(row.id)!);
    },
    history({ q, limit = 100 } = {}) {
      const like = q && q.trim() ? `%${q.trim().replace(/[%_]/g, '')}%` : null;
      return history.all({ q: like, limit }).map(toHandoff);
    },
    historyPage({ q, limit, offset }) {
      const like = q && q.trim() ? `%${q.trim().replace(/[%_]/g, '')}%` : null;
      const items = historyAt.all({ q: like, limit, offset }).map(toHandoff);
      return { items, total: historyCount.get({ q: like })!.n };
    },
  };
}

function toHandoff(r: Row): Handoff {
  return {
    id: r.id,
    userId: r.user_id,
    question: r.question,
    lastAnswerId: r.last_answer_id,
    status: r.status,
    urgent: r.urgent === 1,
    createdAt: r.created_at,
    answeredAt: r.answered_at,
    answeredBy: r.answered_by,
    subject: r.subject,
    assignedTo: r.assigned_to,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
  };
}
