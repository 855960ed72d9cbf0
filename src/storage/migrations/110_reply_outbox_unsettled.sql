-- No blind resend. A reply whose send outcome stays unknown after every bounded lookup of Zalo's
-- records (the resident's conversation is longer than the pages read, or it cannot be read) is no
-- longer resent: it ends `unsettled` (neither sent nor failed), is left out of the resident's queue so
-- later replies go on, and is counted for the officials. `check_offset` is where the last lookup
-- stopped in the conversation (newest first), so the next one reads further instead of the same pages.
-- SQLite cannot widen a CHECK constraint in place: the table is rebuilt with its rows and indexes.
CREATE TABLE reply_outbox_next (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id            TEXT    NOT NULL,
  inbox_event_id     INTEGER,
  seq                INTEGER NOT NULL,
  text               TEXT    NOT NULL,
  buttons            TEXT,
  status             TEXT    NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'unsettled')),
  attempts           INTEGER NOT NULL DEFAULT 0,
  next_attempt_at    INTEGER NOT NULL DEFAULT 0,
  last_error         TEXT,
  created_at         INTEGER NOT NULL,
  sent_at            INTEGER,
  zalo_message_id    TEXT,
  sending_started_at INTEGER,
  check_from         INTEGER,
  checks             INTEGER NOT NULL DEFAULT 0,
  resent_unknown     INTEGER NOT NULL DEFAULT 0,
  check_offset       INTEGER NOT NULL DEFAULT 0,
  UNIQUE (inbox_event_id, seq)
);
INSERT INTO reply_outbox_next (id, user_id, inbox_event_id, seq, text, buttons, status, attempts, next_attempt_at,
    last_error, created_at, sent_at, zalo_message_id, sending_started_at, check_from, checks, resent_unknown)
  SELECT id, user_id, inbox_event_id, seq, text, buttons, status, attempts, next_attempt_at,
    last_error, created_at, sent_at, zalo_message_id, sending_started_at, check_from, checks, resent_unknown
  FROM reply_outbox;
DROP TABLE reply_outbox;
ALTER TABLE reply_outbox_next RENAME TO reply_outbox;
CREATE INDEX reply_outbox_pending ON reply_outbox (status, user_id, id);
CREATE INDEX reply_outbox_user ON reply_outbox (user_id);
CREATE INDEX reply_outbox_finished ON reply_outbox (status, created_at);
CREATE INDEX reply_outbox_message ON reply_outbox (user_id, zalo_message_id) WHERE zalo_message_id IS NOT NULL;
CREATE INDEX reply_outbox_inbox_event ON reply_outbox (inbox_event_id);
