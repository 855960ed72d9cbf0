-- Every webhook event acknowledged with 200, kept until processed (crash recovery) and, as a dedupe
-- record, for at least 48 h after. `raw` holds the body as received (it may contain message text) and
-- is cleared after MESSAGE_RETENTION_DAYS. `user_key` is the resident's Zalo id (or group:/anon:/event: key).
CREATE TABLE inbox_events (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  dedupe_key      TEXT    NOT NULL UNIQUE,
  event_name      TEXT    NOT NULL,
  user_key        TEXT    NOT NULL,
  raw             TEXT,
  received_at     INTEGER NOT NULL,
  status          TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  processed_at    INTEGER
);
CREATE INDEX inbox_events_pending ON inbox_events (status, user_key, id);
CREATE INDEX inbox_events_user ON inbox_events (user_key);
CREATE INDEX inbox_events_processed ON inbox_events (status, processed_at);
