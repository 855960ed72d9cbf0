import type { Db } from '../../storage/open-database.js';

/** Who speaks for the OA in a resident's conversation. */
export type ThreadState = 'bot' | 'waiting' | 'official';
export type ThreadMessageKind = 'resident' | 'bot' | 'official' | 'event';
/** System events shown in a thread. */
export type ThreadEvent = 'request' | 'urgent' | 'assigned' | 'answered' | 'returned' | 'timeout' | 'flood';

export interface Thread {
  userId: string;
  state: ThreadState;
  assignedTo: string | null;
  unread: number;
  awaitingSubject: boolean;
  lastOfficialAt: number | null;
  lastMessageAt: number;
  floodLimitedAt: number | null;
  notifiedAt: number | null;
}

export interface ThreadMessage {
  id: number;
  kind: ThreadMessageKind;
  /** null when retention keeps no text (or it was purged) */
  text: string | null;
  event: ThreadEvent | null;
  actor: string | null;
  createdAt: number;
}

export interface NewThreadMessage {
  userId: string;
  kind: ThreadMessageKind;
  text?: string | null;
  event?: ThreadEvent;
  actor?: string | null;
  /** idempotence key: a second message with the same source is ignored */
  source?: string;
  now: number;
}

export interface ThreadRepository {
  get(userId: string): Thread | undefined;
  /** Appends a message (creating the thread in state 'bot'); false when its `source` was recorded already. */
  add(message: NewThreadMessage): boolean;
  setState(userId: string, state: ThreadState, now: number, patch?: { assignedTo?: string | null }): void;
  noteOfficial(userId: string, now: number): void;
  setAwaitingSubject(userId: string, awaiting: boolean): void;
  markUnread(userId: string): void;
  markRead(userId: string): void;
  markFloodLimited(userId: string, now: number): void;
  /** Claims the officials' notice for this thread: true (and stamped) unless one went out within `intervalMs`. */
  claimNotice(userId: string, now: number, intervalMs: number): boolean;
  messages(userId: string, limit?: number): ThreadMessage[];
  /** Threads that need an official: waiting, with an official, or with unread messages. */
  listActive(limit?: number): Thread[];
  /** How many threads have unread messages (the console tab's count). */
  unreadCount(): number;
  /** Erases message texts created before `cutoff`. Returns rows changed. */
  purgeTexts(cutoff: number): number;
  /** Residents whose thread an official owns and nobody from the office wrote in since `before` (oldest first). */
  listQuiet(before: number, limit?: number): string[];
  /** The console's view of a thread: its messages in order with their idempotence key (tells console from OA chat). */
  messagesWithSource(userId: string, limit?: number): Array<ThreadMessage & { source: string | null }>;
  /** When the oldest resident message no official has answered yet arrived (null when none). */
  waitingSince(userId: string): number | null;
}

interface ThreadRow {
  user_id: string;
  state: ThreadState;
  assigned_to: string | null;
  unread: number;
  awaiting_subject: number;
  last_official_at: number | null;
  last_message_at: number;
  flood_limited_at: number | null;
  notified_at: number | null;
}

interface MessageRow {
  id: number;
  kind: ThreadMessageKind;
  text: string | null;
  event: ThreadEvent | null;
  actor: string | null;
  created_at: number;
}

/** The `threads` and `thread_messages` tables (070_threads.sql). */
export function createThreadRepository(db: Db): ThreadRepository {
  const ensure = db.prepare<[string, number, number]>(
    `INSERT INTO threads (user_id, last_message_at, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO NOTHING`,
  );
  const insert = db.prepare(
    `INSERT INTO thread_messages (user_id, kind, text, event, actor, source, created_at)
     VALUES (@userId, @kind, @text, @event, @actor, @source, @now) ON CONFLICT (source) DO NOTHING`,
  );
  const touch = db.prepare<[number, number, string]>(
    'UPDATE threads SET last_message_at = max(last_message_at, ?), updated_at = ? WHERE user_id = ?',
  );
  const selectThread = db.prepare<[string], ThreadRow>('SELECT * FROM threads WHERE user_id = ?');
  const run = (sql: string) => db.prepare(sql);
  const updateState = run(
    `UPDATE threads SET state = @state, updated_at = @now,
       assigned_to = CASE WHEN @setAssigned = 1 THEN @assignedTo ELSE assigned_to END,
       awaiting_subject = CASE WHEN @state = 'bot' THEN 0 ELSE awaiting_subject END
     WHERE user_id = @userId`,
  );
  const official = run('UPDATE threads SET last_official_at = ?, updated_at = ? WHERE user_id = ?');
  const awaiting = run('UPDATE threads SET awaiting_subject = ? WHERE user_id = ?');
  const unread = run('UPDATE threads SET unread = unread + 1 WHERE user_id = ?');
  const read = run('UPDATE threads SET unread = 0 WHERE user_id = ?');
  const flood = run('UPDATE threads SET flood_limited_at = ? WHERE user_id = ?');
  const claim = run(
    'UPDATE threads SET notified_at = @now WHERE user_id = @userId AND (notified_at IS NULL OR notified_at <= @before)',
  );
  const selectMessages = db.prepare<[string, number], MessageRow>(
    'SELECT * FROM (SELECT * FROM thread_messages WHERE user_id = ? ORDER BY id DESC LIMIT ?) ORDER BY id',
  );
  const selectActive = db.prepare<[number], ThreadRow>(
    `SELECT * FROM threads WHERE state <> 'bot' OR unread > 0 ORDER BY last_message_at DESC LIMIT ?`,
  );
  const countUnread = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM threads WHERE unread > 0');
  const purge = run('UPDATE thread_messages SET text = NULL WHERE text IS NOT NULL AND created_at < ?');
  const selectQuiet = db.prepare<[number, number], { user_id: string }>(
    `SELECT user_id FROM threads WHERE state = 'official' AND coalesce(last_official_at, updated_at) <= ?
     ORDER BY last_official_at LIMIT ?`,
  );
  const make = (userId: string, now: number) => ensure.run(userId, now, now);
  const selectSourced = db.prepare<[string, number], MessageRow & { source: string | null }>(
    'SELECT * FROM (SELECT * FROM thread_messages WHERE user_id = ? ORDER BY id DESC LIMIT ?) ORDER BY id',
  );
  const selectWaiting = db.prepare<[string, string], { at: number | null }>(
    `SELECT min(created_at) AS at FROM thread_messages WHERE user_id = ? AND kind = 'resident' AND id > coalesce(
       (SELECT max(id) FROM thread_messages WHERE user_id = ?
          AND (kind = 'official' OR event IN ('answered', 'returned', 'timeout'))), 0)`,
  );
  // built once: a transaction function per call costs on every resident message
  const add = db.transaction((m: Parameters<ThreadRepository['add']>[0]): boolean => {
    make(m.userId, m.now);
    const row = {
      userId: m.userId,
      kind: m.kind,
      text: m.text ?? null,
      event: m.event ?? null,
      actor: m.actor ?? null,
      source: m.source ?? null,
      now: m.now,
    };
    if (insert.run(row).changes === 0) return false;
    touch.run(m.now, m.now, m.userId);
    return true;
  });
  return {
    get(userId) {
      const row = selectThread.get(userId);
      return row && toThread(row);
    },
    add: (m) => add(m),
    setState(userId, state, now, patch = {}) {
      make(userId, now);
      const setAssigned = 'assignedTo' in patch ? 1 : 0;
      updateState.run({ userId, state, now, setAssigned, assignedTo: patch.assignedTo ?? null });
    },
    noteOfficial(userId, now) {
      make(userId, now);
      official.run(now, now, userId);
    },
    setAwaitingSubject: (userId, value) => void awaiting.run(value ? 1 : 0, userId),
    markUnread: (userId) => void unread.run(userId),
    markRead: (userId) => void read.run(userId),
    markFloodLimited: (userId, now) => void flood.run(now, userId),
    claimNotice(userId, now, intervalMs) {
      make(userId, now);
      return claim.run({ userId, now, before: now - intervalMs }).changes === 1;
    },
    messages: (userId, limit = 500) => selectMessages.all(userId, limit).map(toMessage),
    listActive: (limit = 200) => selectActive.all(limit).map(toThread),
    unreadCount: () => countUnread.get()!.n,
    purgeTexts: (cutoff) => purge.run(cutoff).changes,
    listQuiet: (before, limit = 100) => selectQuiet.all(before, limit).map((r) => r.user_id),
    messagesWithSource: (userId, limit = 500) =>
      selectSourced.all(userId, limit).map((r) => ({ ...toMessage(r), source: r.source })),
    waitingSince: (userId) => selectWaiting.get(userId, userId)?.at ?? null,
  };
}

function toThread(r: ThreadRow): Thread {
  return {
    userId: r.user_id,
    state: r.state,
    assignedTo: r.assigned_to,
    unread: r.unread,
    awaitingSubject: r.awaiting_subject === 1,
    lastOfficialAt: r.last_official_at,
    lastMessageAt: r.last_message_at,
    floodLimitedAt: r.flood_limited_at,
    notifiedAt: r.notified_at,
  };
}

function toMessage(r: MessageRow): ThreadMessage {
  return { id: r.id, kind: r.kind, text: r.text, event: r.event, actor: r.actor, createdAt: r.created_at };
}
