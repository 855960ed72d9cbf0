-- Every free-text question a resident asked and what the bot did with it, for the console's
-- "unanswered questions" list. text is personal data: nulled after MESSAGE_RETENTION_DAYS;
-- text_key (hash of the folded text) keeps grouping possible afterwards.
CREATE TABLE questions (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id         TEXT NOT NULL,
  text            TEXT,
  text_key        TEXT NOT NULL,
  outcome         TEXT NOT NULL,
  node_id         TEXT,
  score           REAL,
  candidates      TEXT NOT NULL DEFAULT '[]',
  content_version TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  handled_at      INTEGER
);
CREATE INDEX questions_user_created ON questions (user_id, created_at);
CREATE INDEX questions_outcome_created ON questions (outcome, created_at);
