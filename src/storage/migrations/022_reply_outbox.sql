-- The durable reply outbox: every message the dialog answered an inbox event with, stored in one
-- transaction before the event is marked done, then delivered per resident in id order (a turn's
-- parts carry `seq`). A transient Zalo failure keeps a row `pending` with `next_attempt_at`
-- (backoff); a permanent one, or one older than the max age, marks it `failed` with `last_error`.
-- `text` is the bot's own words; finished rows are purged after at most 7 days (MESSAGE_RETENTION_DAYS
-- if smaller), and deleteUserData erases a resident's rows by `user_id`.
CREATE TABLE reply_outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id         TEXT    NOT NULL,
  inbox_event_id  INTEGER,
  seq             INTEGER NOT NULL,
  text            TEXT    NOT NULL,
  buttons         TEXT,
  status          TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER,
  zalo_message_id TEXT,
  UNIQUE (inbox_event_id, seq)
);
CREATE INDEX reply_outbox_pending ON reply_outbox (status, user_id, id);
CREATE INDEX reply_outbox_user ON reply_outbox (user_id);
CREATE INDEX reply_outbox_finished ON reply_outbox (status, created_at);
