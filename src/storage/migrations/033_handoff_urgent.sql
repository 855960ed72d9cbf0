-- A hand-off opened by a safety reply (an emergency): officials see it first.
ALTER TABLE handoffs ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0;
