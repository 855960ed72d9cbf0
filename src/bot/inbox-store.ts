import type { Clock } from '../shared/clock.js';
import type { Db } from '../storage/open-database.js';
import { eventDedupeKey } from '../zalo/event-dedupe-key.js';
import { parseZaloEvent } from '../zalo/parse-zalo-event.js';
import { eventUserKey } from '../zalo/event-user-key.js';
import type { InboxWriter } from '../zalo/webhook-router.js';
import { zaloEventName, type ZaloEvent } from '../zalo/zalo-event.js';

export interface InboxRow {
  id: number;
  userKey: string;
  eventName: string;
  /** the typed event: as the webhook parsed it when still in memory, else parsed from the stored body */
  event: { ok: true; event: ZaloEvent } | { ok: false; error: string };
  receivedAt: number;
  attempts: number;
  nextAttemptAt: number;
}

export interface InboxStats {
  pending: number;
  failed: number;
  done: number;
}

export interface InboxStore extends InboxWriter {
  /**
   * Called with the user key of every newly stored (not duplicate) event, in a microtask once the
   * storing transaction has committed. Returns an unsubscribe.
   */
  onAccepted(listener: (userKey: string) => void): () => void;
  /** The oldest pending row of every user key, oldest first. */
  pendingHeads(): Array<Pick<InboxRow, 'id' | 'userKey' | 'nextAttemptAt'>>;
  /** The oldest pending row of one user key. */
  nextPending(userKey: string): InboxRow | undefined;
  markDone(id: number, options: { clearRaw: boolean }): void;
  markRetry(id: number, attempts: number, nextAttemptAt: number, error: string): void;
  markFailed(id: number, attempts: number, error: string): void;
  /** Deletes done rows processed before `doneBefore`; clears `raw` of finished rows processed before `rawBefore`. */
  purge(options: { doneBefore: number; rawBefore: number }): { deleted: number; cleared: number };
  stats(): InboxStats;
}

/** typed events kept in memory between the webhook and the processor, so each is parsed once */
const MAX_KEPT_EVENTS = 20_000;

/**
 * The durable inbox (`inbox_events`): what the webhook acknowledged, deduplicated on `eventDedupeKey`,
 * with the processing status of each event. SQL stays here; the processor and the router see methods.
 */
export function createInboxStore({
  db,
  clock,
  keepEvents = true,
}: {
  db: Db;
  clock: Clock;
  /** keep accepted typed events for this connection's processor; false when another thread processes them */
  keepEvents?: boolean;
}): InboxStore {
  const listeners = new Set<(userKey: string) => void>();
  /** row id → the accepted event and its body (checked on read: a rolled-back insert may reuse an id) */
  const kept = new Map<number, { raw: string; event: ZaloEvent }>();
  const insert = db.prepare(
    `INSERT INTO inbox_events (dedupe_key, event_name, user_key, raw, received_at)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
  );
  const columns = `id, user_key AS userKey, event_name AS eventName, raw, received_at AS receivedAt,
    attempts, next_attempt_at AS nextAttemptAt`;
  const heads = db.prepare(
    `SELECT e.id, e.user_key AS userKey, e.next_attempt_at AS nextAttemptAt FROM inbox_events e
     JOIN (SELECT MIN(id) AS id FROM inbox_events WHERE status = 'pending' GROUP BY user_key) h ON h.id = e.id
     ORDER BY e.id`,
  );
  const next = db.prepare(
    `SELECT ${columns} FROM inbox_events WHERE status = 'pending' AND user_key = ? ORDER BY id LIMIT 1`,
  );
  const done = db.prepare(
    `UPDATE inbox_events SET status = 'done', processed_at = ?, attempts = attempts + 1, last_error = NULL,
       raw = CASE WHEN ? THEN NULL ELSE raw END WHERE id = ?`,
  );
  const retry = db.prepare('UPDATE inbox_events SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?');
  const failed = db.prepare(
    `UPDATE inbox_events SET status = 'failed', attempts = ?, last_error = ?, processed_at = ? WHERE id = ?`,
  );
  const deleteDone = db.prepare(`DELETE FROM inbox_events WHERE status = 'done' AND processed_at < ?`);
  const clearRaw = db.prepare(
    `UPDATE inbox_events SET raw = NULL WHERE status != 'pending' AND raw IS NOT NULL AND processed_at < ?`,
  );
  const countByStatus = db.prepare('SELECT status, COUNT(*) AS n FROM inbox_events GROUP BY status');

  return {
    accept(event: ZaloEvent, rawBody: string) {
      const userKey = eventUserKey(event);
      const name = zaloEventName(event);
      const { changes, lastInsertRowid } = insert.run(eventDedupeKey(event), name, userKey, rawBody, clock.now());
      if (changes > 0 && keepEvents && kept.size < MAX_KEPT_EVENTS)
        kept.set(Number(lastInsertRowid), { raw: rawBody, event });
      // after the caller's transaction commits: another connection (the bot worker's) must see the row
      if (changes > 0) queueMicrotask(() => listeners.forEach((listener) => listener(userKey)));
      return { duplicate: changes === 0 };
    },
    onAccepted(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pendingHeads() {
      return heads.all() as Array<Pick<InboxRow, 'id' | 'userKey' | 'nextAttemptAt'>>;
    },
    nextPending(userKey) {
      const row = next.get(userKey) as (Omit<InboxRow, 'event'> & { raw: string | null }) | undefined;
      if (!row) return undefined;
      const { raw, ...rest } = row;
      const mine = kept.get(row.id);
      if (mine && mine.raw === raw) return { ...rest, event: { ok: true, event: mine.event } };
      return { ...rest, event: readBack(raw) };
    },
    markDone(id, { clearRaw: clear }) {
      kept.delete(id);
      done.run(clock.now(), clear ? 1 : 0, id);
    },
    markRetry(id, attempts, nextAttemptAt, error) {
      retry.run(attempts, nextAttemptAt, error, id);
    },
    markFailed(id, attempts, error) {
      kept.delete(id);
      failed.run(attempts, error, clock.now(), id);
    },
    purge({ doneBefore, rawBefore }) {
      return db.transaction(() => ({
        deleted: deleteDone.run(doneBefore).changes,
        cleared: clearRaw.run(rawBefore).changes,
      }))();
    },
    stats() {
      const stats: InboxStats = { pending: 0, failed: 0, done: 0 };
      for (const row of countByStatus.all() as Array<{ status: keyof InboxStats; n: number }>)
        stats[row.status] = row.n;
      return stats;
    },
  };
}

/** An event parsed back from its stored body (after a restart). */
function readBack(raw: string | null): InboxRow['event'] {
  if (raw === null) return { ok: false, error: 'raw body missing' };
  try {
    return parseZaloEvent(JSON.parse(raw));
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
