import type { Db } from '../storage/open-database.js';
import type { Clock } from '../shared/clock.js';

/** One audited action: who did what, when, with which details. */
export interface AuditEntry {
  id: number;
  at: number;
  actor: string;
  action: string;
  campaignId: number | null;
  runId: number | null;
  groupId: string | null;
  details: Record<string, unknown>;
}

export type AuditInput = Omit<AuditEntry, 'id' | 'at' | 'campaignId' | 'runId' | 'groupId' | 'details'> &
  Partial<Pick<AuditEntry, 'campaignId' | 'runId' | 'groupId' | 'details'>>;

/** One page of the audit trail: by actor, by action prefix (`campaign.`, `run.`…), free text. */
export interface AuditQuery {
  actor?: string;
  /** action prefixes without the dot: an entry matches when its action starts with one of them */
  areas?: readonly string[];
  /** searched in the actor, the action and the details (SQLite LIKE: ASCII case folded) */
  q?: string;
  /** actions that also match `q` (the caller found `q` in their labels) */
  qActions?: readonly string[];
  limit: number;
  offset: number;
}

export interface AuditLog {
  /** Appends an entry. Call inside the transaction that makes the change, so both land or neither. */
  record(entry: AuditInput): void;
  /** Newest first; `beforeId` pages backwards. */
  list(filter?: { campaignId?: number; beforeId?: number; limit?: number }): AuditEntry[];
  /** Newest first, one page of the matching entries and how many match in all. */
  page(query: AuditQuery): { items: AuditEntry[]; total: number };
  /** Everyone who appears in the trail, by name. */
  actors(): string[];
}

/** The system actor, for actions the scheduler and sender take on their own. */
export const SYSTEM_ACTOR = 'system';

/** Creates the append-only audit log over `broadcast_audit`. */
export function createAuditLog({ db, clock }: { db: Db; clock: Clock }): AuditLog {
  const insert = db.prepare(
    'INSERT INTO broadcast_audit (at, actor, action, campaign_id, run_id, group_id, details) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return {
    record(e) {
      insert.run(
        clock.now(),
        e.actor,
        e.action,
        e.campaignId ?? null,
        e.runId ?? null,
        e.groupId ?? null,
        JSON.stringify(e.details ?? {}),
      );
    },
    list({ campaignId, beforeId, limit = 100 } = {}) {
      const rows = db
        .prepare(
          `SELECT * FROM broadcast_audit WHERE (@campaignId IS NULL OR campaign_id = @campaignId)
           AND (@beforeId IS NULL OR id < @beforeId) ORDER BY id DESC LIMIT @limit`,
        )
        .all({
          campaignId: campaignId ?? null,
          beforeId: beforeId ?? null,
          limit: Math.min(Math.max(limit, 1), 1000),
        }) as AuditRow[];
      return rows.map(toEntry);
    },
    page({ actor, areas, q, qActions, limit, offset }) {
      const params = {
        actor: actor || null,
        areas: areas && areas.length > 0 ? JSON.stringify(areas) : null,
        q: q && q.trim() ? `%${q.trim().replace(/[%_]/g, '')}%` : null,
        qActions: JSON.stringify(qActions ?? []),
      };
      const where = `FROM broadcast_audit WHERE (@actor IS NULL OR actor = @actor)
        AND (@areas IS NULL OR EXISTS (SELECT 1 FROM json_each(@areas) a WHERE action LIKE a.value || '.%'))
        AND (@q IS NULL OR actor LIKE @q OR action LIKE @q OR details LIKE @q
          OR action IN (SELECT value FROM json_each(@qActions)))`;
      const rows = db
        .prepare(`SELECT * ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
        .all({ ...params, limit, offset }) as AuditRow[];
      const total = (db.prepare(`SELECT COUNT(*) AS n ${where}`).get(params) as { n: number }).n;
      return { items: rows.map(toEntry), total };
    },
    actors() {
      const rows = db.prepare('SELECT DISTINCT actor FROM broadcast_audit ORDER BY actor').all() as { actor: string }[];
      return rows.map((r) => r.actor);
    },
  };
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    campaignId: r.campaign_id,
    runId: r.run_id,
    groupId: r.group_id,
    details: JSON.parse(r.details) as Record<string, unknown>,
  };
}

interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  campaign_id: number | null;
  run_id: number | null;
  group_id: string | null;
  details: string;
}
