import type { Db } from '../storage/open-database.js';
import type { Audience, Campaign, CampaignStatus, Schedule } from './broadcast-types.js';

export interface CampaignStore {
  insert(c: Omit<Campaign, 'id'>): number;
  get(id: number): Campaign | null;
  list(filter?: { status?: CampaignStatus }): Campaign[];
  /** Writes every mutable field of `c` (by id). */
  save(c: Campaign): void;
  /** Approved campaigns, for the scheduler. */
  approved(): Campaign[];
  /** Approved and paused campaigns: the ones whose approval must keep holding. */
  underApproval(): Campaign[];
}

/** SQL for `broadcast_campaigns`. */
export function createCampaignStore(db: Db): CampaignStore {
  const get = (id: number): Campaign | null => {
    const row = db.prepare('SELECT * FROM broadcast_campaigns WHERE id = ?').get(id) as CampaignRow | undefined;
    return row ? toCampaign(row) : null;
  };
  return {
    insert(c) {
      return Number(
        db
          .prepare(
            `INSERT INTO broadcast_campaigns (title, text, image_url, audience, schedule, status, created_by, updated_by,
             approved_by, approved_at, approved_content, approved_targets, cursor_at, created_at, updated_at)
             VALUES (@title, @text, @imageUrl, @audience, @schedule, @status, @createdBy, @updatedBy, @approvedBy, @approvedAt,
             @approvedContent, @approvedTargets, @cursorAt, @createdAt, @updatedAt)`,
          )
          .run(toParams(c)).lastInsertRowid,
      );
    },
    get,
    list({ status } = {}) {
      return (
        db
          .prepare('SELECT * FROM broadcast_campaigns WHERE (@status IS NULL OR status = @status) ORDER BY id DESC')
          .all({ status: status ?? null }) as CampaignRow[]
      ).map(toCampaign);
    },
    save(c) {
      db.prepare(
        `UPDATE broadcast_campaigns SET title = @title, text = @text, image_url = @imageUrl, audience = @audience, schedule = @schedule,
         status = @status, updated_by = @updatedBy, approved_by = @approvedBy, approved_at = @approvedAt,
         approved_content = @approvedContent, approved_targets = @approvedTargets, cursor_at = @cursorAt,
         updated_at = @updatedAt WHERE id = @id`,
      ).run({ ...toParams(c), id: c.id });
    },
    approved() {
      return (
        db.prepare(`SELECT * FROM broadcast_campaigns WHERE status = 'approved' ORDER BY id`).all() as CampaignRow[]
      ).map(toCampaign);
    },
    underApproval() {
      return (
        db
          .prepare(`SELECT * FROM broadcast_campaigns WHERE status IN ('approved', 'paused') ORDER BY id`)
          .all() as CampaignRow[]
      ).map(toCampaign);
    },
  };
}

function toParams(c: Omit<Campaign, 'id'>) {
  return {
    title: c.title,
    text: c.text,
    imageUrl: c.imageUrl,
    audience: JSON.stringify(c.audience),
    schedule: JSON.stringify(c.schedule),
    status: c.status,
    createdBy: c.createdBy,
    updatedBy: c.updatedBy,
    approvedBy: c.approvedBy,
    approvedAt: c.approvedAt,
    approvedContent: c.approval?.content ?? null,
    approvedTargets: c.approval ? JSON.stringify(c.approval.targets) : null,
    cursorAt: c.cursorAt,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

interface CampaignRow {
  id: number;
  title: string;
  text: string;
  image_url: string | null;
  audience: string;
  schedule: string;
  status: CampaignStatus;
  created_by: string;
  updated_by: string;
  approved_by: string | null;
  approved_at: number | null;
  approved_content: string | null;
  approved_targets: string | null;
  cursor_at: number | null;
  created_at: number;
  updated_at: number;
}

function toCampaign(r: CampaignRow): Campaign {
  return {
    id: r.id,
    title: r.title,
    text: r.text,
    imageUrl: r.image_url,
    audience: JSON.parse(r.audience) as Audience,
    schedule: JSON.parse(r.schedule) as Schedule,
    status: r.status,
    createdBy: r.created_by,
    updatedBy: r.updated_by,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    approval:
      r.approved_content !== null && r.approved_targets !== null
        ? { content: r.approved_content, targets: JSON.parse(r.approved_targets) as string[] }
        : null,
    cursorAt: r.cursor_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
