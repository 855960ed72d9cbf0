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

export interface AuditLog {
  /** Appends an entry. Call inside the transaction that makes the change, so both land or neither. */
  record(entry: AuditInput): void;
  /** Newest first; `beforeId` pages backwards. */
  list(filter?: { campaignId?: number; beforeId?: number; limit?: number }): AuditEntry[];
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
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        campaignId: r.campaign_id,
        runId: r.run_id,
        groupId: r.group_id,
        details: JSON.parse(r.details) as Record<string, unknown>,
      }));
    },
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
