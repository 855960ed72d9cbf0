-- Broadcast: the OA's Zalo groups (GMF), campaigns, their runs and one delivery per run × group,
-- plus the audit log of every official's action. Times are epoch milliseconds.

-- The group directory: what Zalo says (name, status, members, asset) plus local metadata Zalo does
-- not know (kind, unit = the commune or agency the group belongs to, tags).
CREATE TABLE broadcast_groups (
  group_id         TEXT PRIMARY KEY,
  name             TEXT NOT NULL DEFAULT '',
  zalo_status      TEXT NOT NULL DEFAULT 'unknown',   -- 'enabled' | 'disabled' | 'unknown' (as Zalo reports)
  total_member     INTEGER,
  asset_type       TEXT,
  valid_through    TEXT,                              -- dd/MM/yyyy as Zalo reports it
  auto_delete_date TEXT,
  deleted_at       INTEGER,                           -- delete_group / disperse_group, or gone from getgroupsofoa
  kind             TEXT CHECK (kind IN ('agency', 'commune')),
  unit             TEXT,
  tags             TEXT NOT NULL DEFAULT '[]',        -- JSON array of normalised tags
  synced_at        INTEGER,
  updated_at       INTEGER NOT NULL
);

CREATE TABLE broadcast_campaigns (
  id           INTEGER PRIMARY KEY,
  title        TEXT NOT NULL,
  text         TEXT NOT NULL,
  image_url    TEXT,
  audience     TEXT NOT NULL,                         -- JSON Audience
  schedule     TEXT NOT NULL,                         -- JSON Schedule
  status       TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'paused', 'cancelled', 'completed')),
  created_by   TEXT NOT NULL,
  updated_by   TEXT NOT NULL,
  approved_by  TEXT,
  approved_at  INTEGER,
  -- occurrences strictly after this instant are still to be turned into runs (set on approval)
  cursor_at    INTEGER,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE INDEX broadcast_campaigns_status ON broadcast_campaigns (status);

-- One run per occurrence. UNIQUE (campaign_id, due_at) makes run creation idempotent.
-- text / image_url are the approved content, copied when the run is released for sending.
CREATE TABLE broadcast_runs (
  id           INTEGER PRIMARY KEY,
  campaign_id  INTEGER NOT NULL REFERENCES broadcast_campaigns (id),
  due_at       INTEGER NOT NULL,
  release_at   INTEGER NOT NULL,                      -- due_at moved to the end of quiet hours
  status       TEXT NOT NULL CHECK (status IN ('scheduled', 'sending', 'done', 'missed', 'cancelled')),
  text         TEXT,
  image_url    TEXT,
  created_at   INTEGER NOT NULL,
  started_at   INTEGER,
  finished_at  INTEGER,
  UNIQUE (campaign_id, due_at)
);
CREATE INDEX broadcast_runs_status ON broadcast_runs (status, release_at);

-- pending → sending → sent | failed | unknown; 'skipped' is written directly (disabled / deleted
-- group, cancelled campaign). 'sending' is committed before the HTTP call.
CREATE TABLE broadcast_deliveries (
  id                 INTEGER PRIMARY KEY,
  run_id             INTEGER NOT NULL REFERENCES broadcast_runs (id),
  group_id           TEXT NOT NULL,
  group_name         TEXT NOT NULL DEFAULT '',
  status             TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'unknown', 'skipped')),
  attempts           INTEGER NOT NULL DEFAULT 0,
  next_attempt_at    INTEGER NOT NULL,
  sending_started_at INTEGER,
  -- set after an attempt whose outcome is unknown (timeout, 5xx): history is checked from here before resending
  check_history_from INTEGER,
  message_id         TEXT,
  error_code         TEXT,
  reason             TEXT,
  needs_attention    INTEGER NOT NULL DEFAULT 0,
  sent_at            INTEGER,
  updated_at         INTEGER NOT NULL,
  UNIQUE (run_id, group_id)
);
CREATE INDEX broadcast_deliveries_due ON broadcast_deliveries (status, next_attempt_at);

CREATE TABLE broadcast_audit (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  campaign_id INTEGER,
  run_id      INTEGER,
  group_id    TEXT,
  details     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX broadcast_audit_campaign ON broadcast_audit (campaign_id, at);
