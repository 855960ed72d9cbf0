-- Key/value facts about this installation (content version seen, first start, ...).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
