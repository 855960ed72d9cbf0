-- Notices to the officials' OA group (HANDOFF_NOTIFY_GROUP_ID) that a resident's thread waits for an
-- official (src/bot/dialog/handoff-notice-store.ts owns the table). A row is claimed in the same
-- transaction as threads.notified_at (at most one per thread per hour); `text` is written at the first
-- attempt (a first name and the topic cut short: personal data, erased with the resident). A row is
-- 'sending' from just before the HTTP call: after a crash or an unclear failure the group's history is
-- read back from `attempted_at` before any resend ('unknown' when it cannot tell: never sent twice).
CREATE TABLE handoff_notices (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id         TEXT    NOT NULL,
  group_id        TEXT    NOT NULL,
  text            TEXT,
  status          TEXT    NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'unknown')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  attempted_at    INTEGER,
  zalo_message_id TEXT,
  last_error      TEXT,
  created_at      INTEGER NOT NULL
);
CREATE INDEX handoff_notices_due ON handoff_notices (status, id);
CREATE INDEX handoff_notices_user ON handoff_notices (user_id);
