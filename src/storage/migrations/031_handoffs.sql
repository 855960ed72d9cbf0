-- A resident asked to talk to an official. At most one open request per resident.
-- question: the resident's last question text (nulled by the retention purge).
CREATE TABLE handoffs (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id        TEXT NOT NULL,
  question       TEXT,
  last_answer_id TEXT,
  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'closed')),
  created_at     INTEGER NOT NULL,
  answered_at    INTEGER,
  answered_by    TEXT
);
CREATE UNIQUE INDEX handoffs_one_open_per_user ON handoffs (user_id) WHERE status = 'open';
CREATE INDEX handoffs_status_created ON handoffs (status, created_at);
