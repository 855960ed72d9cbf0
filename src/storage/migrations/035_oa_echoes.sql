-- The oa_send_text echo webhooks: Zalo's word that the OA sent a message to a resident, with its
-- message id. Recorded when the webhook acknowledges the event, so the reply outbox can settle a
-- send whose outcome is unknown without resending it. No text is stored: `text_hash` is the SHA-256
-- of the normalised text. Rows older than the reply window (7 days) are purged; deleteUserData
-- erases a resident's rows by `user_id`.
CREATE TABLE oa_echoes (
  msg_id      TEXT    PRIMARY KEY,
  user_id     TEXT    NOT NULL,
  text_hash   TEXT    NOT NULL,
  by_admin    INTEGER NOT NULL DEFAULT 0,
  received_at INTEGER NOT NULL
);
CREATE INDEX oa_echoes_user ON oa_echoes (user_id, received_at);
