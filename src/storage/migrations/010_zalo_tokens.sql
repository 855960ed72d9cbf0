-- The live Zalo OA token pair, a single row (id = 1). Refresh tokens are single-use, so a refreshed
-- pair is written here in one transaction before it is used. Times are epoch milliseconds;
-- a NULL expiry means unknown (a bootstrap pair from the environment).
-- bootstrap_hash fingerprints the ZALO_ACCESS_TOKEN/ZALO_REFRESH_TOKEN pair last seeded, so new
-- values in the environment (after a re-authorization) replace the stored pair on the next start.
CREATE TABLE zalo_tokens (
  id                 INTEGER PRIMARY KEY CHECK (id = 1),
  access_token       TEXT,
  refresh_token      TEXT,
  access_expires_at  INTEGER,
  refresh_expires_at INTEGER,
  bootstrap_hash     TEXT,
  updated_at         INTEGER NOT NULL
);
