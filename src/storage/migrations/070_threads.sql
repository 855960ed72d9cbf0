-- One conversation thread per resident (src/bot/dialog/thread-repository.ts owns both tables).
-- state: who speaks for the OA now: 'bot', 'waiting' (asked for a person, nobody took it yet) or
-- 'official' (a person owns the conversation; the bot is silent). unread: resident messages no
-- official has seen since they arrived while the bot was not answering. last_official_at: the last
-- time an official wrote or took the thread (the quiet timeout runs from it). flood_limited_at: the
-- last time the resident went over the flood limit. notified_at: the last notice sent to the
-- officials' group about this thread (at most one per hour).
CREATE TABLE threads (
  user_id          TEXT    PRIMARY KEY,
  state            TEXT    NOT NULL DEFAULT 'bot' CHECK (state IN ('bot', 'waiting', 'official')),
  assigned_to      TEXT,
  unread           INTEGER NOT NULL DEFAULT 0,
  awaiting_subject INTEGER NOT NULL DEFAULT 0,
  last_official_at INTEGER,
  last_message_at  INTEGER NOT NULL,
  flood_limited_at INTEGER,
  notified_at      INTEGER,
  updated_at       INTEGER NOT NULL
);
CREATE INDEX threads_attention ON threads (state, unread);
-- The messages of a thread, in order: the resident's, the bot's, officials' (console or OA chat)
-- and system events (kind 'event', code in `event`). text is personal data: NULL when
-- MESSAGE_RETENTION_DAYS is 0, nulled by the retention purge. source: an idempotence key (the inbox
-- event, the echo's msg_id) so a re-run event is recorded once.
CREATE TABLE thread_messages (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id    TEXT    NOT NULL,
  kind       TEXT    NOT NULL CHECK (kind IN ('resident', 'bot', 'official', 'event')),
  text       TEXT,
  event      TEXT,
  actor      TEXT,
  source     TEXT    UNIQUE,
  created_at INTEGER NOT NULL
);
CREATE INDEX thread_messages_user ON thread_messages (user_id, id);
CREATE INDEX thread_messages_texts ON thread_messages (created_at) WHERE text IS NOT NULL;
-- Hand-off history: the message right after the request (its subject), who took it, who closed it.
-- answered_at / answered_by now mean the first official reply (the response time runs to it).
ALTER TABLE handoffs ADD COLUMN subject TEXT;
ALTER TABLE handoffs ADD COLUMN assigned_to TEXT;
ALTER TABLE handoffs ADD COLUMN closed_at INTEGER;
ALTER TABLE handoffs ADD COLUMN closed_by TEXT;
CREATE INDEX handoffs_closed ON handoffs (status, closed_at);
