-- Where each resident is in the FAQ conversation: the node last shown, the ids behind the numbers
-- last shown (a typed digit refers to these), the menu path, and the content version they came from.
-- human_quiet_until: the bot stays silent until then because an official is replying (epoch ms).
CREATE TABLE dialog_state (
  user_id           TEXT PRIMARY KEY,
  content_version   TEXT NOT NULL,
  node_id           TEXT,
  options           TEXT NOT NULL DEFAULT '[]',
  breadcrumb        TEXT NOT NULL DEFAULT '[]',
  human_quiet_until INTEGER NOT NULL DEFAULT 0,
  updated_at        INTEGER NOT NULL
);
