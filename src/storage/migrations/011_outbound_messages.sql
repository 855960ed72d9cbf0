-- One row per outbound Zalo message (each part of a split text counts as one), written once with its
-- final outcome after retries. No message text is stored (privacy), only its length.
-- user_id repeats target_id for 1:1 messages and is NULL for groups, so deleteUserData erases a
-- resident's rows by user_id without touching group deliveries.
CREATE TABLE outbound_messages (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  target_type     TEXT NOT NULL CHECK (target_type IN ('user', 'group')),
  target_id       TEXT NOT NULL,
  user_id         TEXT GENERATED ALWAYS AS (CASE WHEN target_type = 'user' THEN target_id END) VIRTUAL,
  kind            TEXT NOT NULL,
  purpose         TEXT,
  ref             TEXT,
  chars           INTEGER NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('sent', 'failed')),
  zalo_message_id TEXT,
  error_code      TEXT,
  error_message   TEXT,
  attempts        INTEGER NOT NULL,
  created_at      INTEGER NOT NULL
);
CREATE INDEX outbound_messages_user ON outbound_messages (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX outbound_messages_ref ON outbound_messages (ref) WHERE ref IS NOT NULL;
CREATE INDEX outbound_messages_created ON outbound_messages (created_at);
