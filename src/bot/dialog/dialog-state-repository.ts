import type { Db } from '../../storage/open-database.js';

/** One resident's place in the conversation (table `dialog_state`). */
export interface DialogState {
  userId: string;
  /** content version the options and breadcrumb were computed from */
  contentVersion: string;
  /** node last shown (topic menu or answer); null for the main menu or a suggestion list */
  nodeId: string | null;
  /** node ids behind the numbers last shown: options[0] is "1" */
  options: string[];
  /** topic ids from the main menu down to the current node's parent; "back" walks it */
  breadcrumb: string[];
  /** epoch ms until which the bot stays silent because an official is replying; 0 = never */
  humanQuietUntil: number;
  updatedAt: number;
}

/** Where the resident is, without the bookkeeping fields. */
export type DialogPosition = Pick<DialogState, 'contentVersion' | 'nodeId' | 'options' | 'breadcrumb'>;

export interface DialogStateRepository {
  get(userId: string): DialogState | undefined;
  /** Saves the resident's position; keeps any human-quiet period. */
  savePosition(userId: string, position: DialogPosition, now: number): void;
  /** Sets (or with 0 clears) the human-quiet period; creates the row if the resident has none. */
  setHumanQuietUntil(userId: string, until: number, contentVersion: string, now: number): void;
}

interface Row {
  user_id: string;
  content_version: string;
  node_id: string | null;
  options: string;
  breadcrumb: string;
  human_quiet_until: number;
  updated_at: number;
}

/**
 * Per-resident dialog state in SQLite, so conversations survive restarts and content reloads.
 * Malformed JSON in a row (hand-edited database) reads as an empty list rather than failing the reply.
 */
export function createDialogStateRepository(db: Db): DialogStateRepository {
  const select = db.prepare<[string], Row>('SELECT * FROM dialog_state WHERE user_id = ?');
  const upsertPosition = db.prepare(
    `INSERT INTO dialog_state (user_id, content_version, node_id, options, breadcrumb, updated_at)
     VALUES (@userId, @contentVersion, @nodeId, @options, @breadcrumb, @now)
     ON CONFLICT (user_id) DO UPDATE SET content_version = excluded.content_version, node_id = excluded.node_id,
       options = excluded.options, breadcrumb = excluded.breadcrumb, updated_at = excluded.updated_at`,
  );
  const upsertQuiet = db.prepare(
    `INSERT INTO dialog_state (user_id, content_version, human_quiet_until, updated_at)
     VALUES (@userId, @contentVersion, @until, @now)
     ON CONFLICT (user_id) DO UPDATE SET human_quiet_until = excluded.human_quiet_until, updated_at = excluded.updated_at`,
  );
  return {
    get(userId) {
      const row = select.get(userId);
      if (!row) return undefined;
      return {
        userId: row.user_id,
        contentVersion: row.content_version,
        nodeId: row.node_id,
        options: parseIds(row.options),
        breadcrumb: parseIds(row.breadcrumb),
        humanQuietUntil: row.human_quiet_until,
        updatedAt: row.updated_at,
      };
    },
    savePosition(userId, p, now) {
      upsertPosition.run({
        userId,
        contentVersion: p.contentVersion,
        nodeId: p.nodeId,
        options: JSON.stringify(p.options),
        breadcrumb: JSON.stringify(p.breadcrumb),
        now,
      });
    },
    setHumanQuietUntil(userId, until, contentVersion, now) {
      upsertQuiet.run({ userId, contentVersion, until, now });
    },
  };
}

function parseIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
