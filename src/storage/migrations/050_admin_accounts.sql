-- Named console accounts (/admin). Passwords are scrypt hashes (src/admin/auth/password-hash.ts).
CREATE TABLE admin_accounts (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'approver', 'editor', 'viewer')),
  password_hash TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  disabled_at   INTEGER,
  last_login_at INTEGER
);

-- Console sessions. The cookie carries a random id; only its SHA-256 is stored, so a copy of the
-- database does not let anyone in. account_id is NULL for a signed-out visitor (sign-in form CSRF).
CREATE TABLE admin_sessions (
  id_hash      TEXT PRIMARY KEY,
  account_id   INTEGER REFERENCES admin_accounts (id) ON DELETE CASCADE,
  csrf_token   TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL
);
CREATE INDEX admin_sessions_expires ON admin_sessions (expires_at);
CREATE INDEX admin_sessions_account ON admin_sessions (account_id);
