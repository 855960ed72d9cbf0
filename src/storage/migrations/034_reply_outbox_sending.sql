-- Exactly-once replies. A row is `sending` (committed) while its HTTP call is in flight, so a crash
-- leaves evidence instead of a silent resend. `check_from` is set when the outcome of a send is
-- unknown (timed out, connection lost, HTTP 5xx, or found `sending` after a crash): before any resend
-- the outbox looks for the message in the oa_send_text echoes and in Zalo's conversation with the
-- resident from that time on. `checks` counts those lookups; `resent_unknown` counts resends made
-- although the outcome stayed unknown (logged; the resident may have received it twice).
-- SQLite cannot widen a CHECK constraint in place: the table is rebuilt with its rows and indexes.
CREATE TABLE reply_outbox_next (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id            TEXT    NOT NULL,
  inbox_event_id     INTEGER,
  seq                INTEGER NOT NULL,
  text               TEXT    NOT NULL,
  buttons            TEXT,
  status             TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
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
  UNIQUE (inbox_event_id, seq)
);
INSERT INTO reply_outbox_next (id, user_id, inbox_event_id, seq, text, buttons, status, attempts, next_attempt_at,
    last_error, created_at, sent_at, zalo_message_id)
  SELECT id, user_id, inbox_event_id, seq, text, buttons, status, attempts, next_attempt_at,
    last_error, created_at, sent_at, zalo_message_id FROM reply_outbox;
DROP TABLE reply_outbox;
ALTER TABLE reply_outbox_next RENAME TO reply_outbox;
CREATE INDEX reply_outbox_pending ON reply_outbox (status, user_id, id);
CREATE INDEX reply_outbox_user ON reply_outbox (user_id);
CREATE INDEX reply_outbox_finished ON reply_outbox (status, created_at);
CREATE INDEX reply_outbox_message ON reply_outbox (user_id, zalo_message_id) WHERE zalo_message_id IS NOT NULL;
