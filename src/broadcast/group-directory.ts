import type { Db } from '../storage/open-database.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { ZaloApi, ZaloGroupInfo, ZaloGroupSummary } from '../zalo/zalo-api.js';
import type { AuditLog } from './audit-log.js';
import type { BroadcastGroup, GroupKind } from './broadcast-types.js';
import { BroadcastError } from './broadcast-error.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { normalizeTag } from './resolve-audience.js';

export interface GroupPatch {
  kind?: GroupKind | null;
  unit?: string | null;
  tags?: string[];
}

export interface SyncSummary {
  listed: number;
  added: number;
  updated: number;
  /** Known groups Zalo no longer lists: marked deleted. */
  removed: number;
  /** Groups whose `getgroup` details could not be read (listing data kept). */
  detailErrors: number;
}

export interface GroupDirectory {
  list(filter?: { kind?: GroupKind; tag?: string; includeDeleted?: boolean }): BroadcastGroup[];
  get(groupId: string): BroadcastGroup | null;
  /** Pulls every page of `getgroupsofoa`, then `getgroup` per group for status and package details. */
  sync(actor: string): Promise<SyncSummary>;
  /** Sets local metadata (kind, unit, tags). Throws `not_found` for an unknown group. */
  update(groupId: string, patch: GroupPatch, actor: string): BroadcastGroup;
  /** Records Zalo's view of one group (from `getgroup`), creating it if new. */
  upsertFromZalo(info: ZaloGroupSummary | ZaloGroupInfo): void;
  markDeleted(groupId: string, at: number): void;
  adjustMembers(groupId: string, delta: number): void;
}

/**
 * The OA's group directory: Zalo's facts (name, status, members, package) refreshed by `sync` and
 * by group webhooks, plus local metadata Zalo does not know (kind, unit, tags).
 */
export function createGroupDirectory(deps: {
  db: Db;
  zalo: ZaloApi;
  clock: Clock;
  log: Logger;
  audit: AuditLog;
  concurrency?: number;
  /**
   * Called inside the transaction of every official's change (update, sync) with the actor, so
   * approvals the change invalidates are revoked with it (see approval-review.ts).
   */
  afterChange?: (actor: string) => void;
}): GroupDirectory {
  const { db, zalo, clock, log, audit } = deps;
  const afterChange = deps.afterChange ?? (() => {});
  const upsert = db.prepare(`
    INSERT INTO broadcast_groups (group_id, name, zalo_status, total_member, asset_type, valid_through, auto_delete_date, synced_at, updated_at)
    VALUES (@groupId, @name, @status, @totalMember, @assetType, @validThrough, @autoDeleteDate, @now, @now)
    ON CONFLICT (group_id) DO UPDATE SET name = excluded.name, zalo_status = excluded.zalo_status,
      total_member = excluded.total_member, asset_type = coalesce(excluded.asset_type, asset_type),
      valid_through = coalesce(excluded.valid_through, valid_through),
      auto_delete_date = coalesce(excluded.auto_delete_date, auto_delete_date),
      deleted_at = NULL, synced_at = excluded.synced_at, updated_at = excluded.updated_at`);

  const get = (groupId: string): BroadcastGroup | null => {
    const row = db.prepare('SELECT * FROM broadcast_groups WHERE group_id = ?').get(groupId) as GroupRow | undefined;
    return row ? toGroup(row) : null;
  };

  const upsertFromZalo = (g: ZaloGroupSummary | ZaloGroupInfo): void => {
    const info = g as ZaloGroupInfo;
    upsert.run({
      groupId: g.groupId,
      name: g.name,
      status: g.status || 'unknown',
      totalMember: Number.isFinite(g.totalMember) ? g.totalMember : null,
      assetType: info.assetType ?? null,
      validThrough: info.validThrough ?? null,
      autoDeleteDate: info.autoDeleteDate ?? null,
      now: clock.now(),
    });
  };

  return {
    get,
    upsertFromZalo,
    list({ kind, tag, includeDeleted = true } = {}) {
      const rows = db.prepare('SELECT * FROM broadcast_groups ORDER BY name, group_id').all() as GroupRow[];
      const wanted = tag === undefined ? undefined : normalizeTag(tag);
      return rows
        .map(toGroup)
        .filter(
          (g) =>
            (includeDeleted || g.deletedAt === null) &&
            (!kind || g.kind === kind) &&
            (!wanted || g.tags.includes(wanted)),
        );
    },
    async sync(actor) {
      const listed = await zalo.listGroups();
      const before = new Set(
        (
          db.prepare('SELECT group_id FROM broadcast_groups WHERE deleted_at IS NULL').all() as { group_id: string }[]
        ).map((r) => r.group_id),
      );
      const known = new Set(
        (db.prepare('SELECT group_id FROM broadcast_groups').all() as { group_id: string }[]).map((r) => r.group_id),
      );
      db.transaction(() => listed.forEach(upsertFromZalo))();
      let detailErrors = 0;
      await mapWithConcurrency(listed, deps.concurrency ?? 4, async (g) => {
        try {
          upsertFromZalo(await zalo.getGroup(g.groupId));
        } catch (err) {
          detailErrors++;
          log.warn({ err, groupId: g.groupId }, 'group sync: getgroup failed; keeping the status from the group list');
        }
      });
      const listedIds = new Set(listed.map((g) => g.groupId));
      const gone = [...before].filter((id) => !listedIds.has(id));
      const summary: SyncSummary = {
        listed: listed.length,
        added: listed.filter((g) => !known.has(g.groupId)).length,
        updated: listed.filter((g) => known.has(g.groupId)).length,
        removed: gone.length,
        detailErrors,
      };
      db.transaction(() => {
        const now = clock.now();
        for (const id of gone)
          db.prepare('UPDATE broadcast_groups SET deleted_at = ?, updated_at = ? WHERE group_id = ?').run(now, now, id);
        audit.record({ actor, action: 'groups.sync', details: { ...summary } });
        afterChange(actor);
      })();
      log.info(summary, 'group directory synced from Zalo');
      return summary;
    },
    update(groupId, patch, actor) {
      const current = get(groupId);
      if (!current)
        throw new BroadcastError('not_found', 'errors.group_not_found', `group ${groupId} not found`, { groupId });
      const next = {
        kind: patch.kind === undefined ? current.kind : patch.kind,
        unit: patch.unit === undefined ? current.unit : patch.unit?.normalize('NFC').trim() || null,
        tags: patch.tags === undefined ? current.tags : [...new Set(patch.tags.map(normalizeTag).filter(Boolean))],
      };
      db.transaction(() => {
        db.prepare('UPDATE broadcast_groups SET kind = ?, unit = ?, tags = ?, updated_at = ? WHERE group_id = ?').run(
          next.kind,
          next.unit,
          JSON.stringify(next.tags),
          clock.now(),
          groupId,
        );
        audit.record({ actor, action: 'group.update', groupId, details: { before: pick(current), after: next } });
        afterChange(actor);
      })();
      return get(groupId)!;
    },
    markDeleted(groupId, at) {
      db.prepare(
        `INSERT INTO broadcast_groups (group_id, deleted_at, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (group_id) DO UPDATE SET deleted_at = excluded.deleted_at, updated_at = excluded.updated_at`,
      ).run(groupId, at, clock.now());
    },
    adjustMembers(groupId, delta) {
      db.prepare(
        'UPDATE broadcast_groups SET total_member = max(0, coalesce(total_member, 0) + ?), updated_at = ? WHERE group_id = ?',
      ).run(delta, clock.now(), groupId);
    },
  };
}

const pick = (g: BroadcastGroup) => ({ kind: g.kind, unit: g.unit, tags: g.tags });

interface GroupRow {
  group_id: string;
  name: string;
  zalo_status: string;
  total_member: number | null;
  asset_type: string | null;
  valid_through: string | null;
  auto_delete_date: string | null;
  deleted_at: number | null;
  kind: GroupKind | null;
  unit: string | null;
  tags: string;
  synced_at: number | null;
  updated_at: number;
}

function toGroup(r: GroupRow): BroadcastGroup {
  return {
    groupId: r.group_id,
    name: r.name,
    zaloStatus: r.zalo_status,
    totalMember: r.total_member,
    assetType: r.asset_type,
    validThrough: r.valid_through,
    autoDeleteDate: r.auto_delete_date,
    deletedAt: r.deleted_at,
    kind: r.kind,
    unit: r.unit,
    tags: JSON.parse(r.tags) as string[],
    syncedAt: r.synced_at,
    updatedAt: r.updated_at,
  };
}
