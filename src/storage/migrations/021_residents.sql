-- Residents who interacted with the OA. `last_interaction_at` drives the 7-day reply window.
CREATE TABLE residents (
  user_id             TEXT    PRIMARY KEY,
  followed            INTEGER,
  first_seen_at       INTEGER NOT NULL,
  last_interaction_at INTEGER,
  display_name        TEXT
);
