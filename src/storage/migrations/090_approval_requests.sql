-- A drafter's "Gửi đề nghị duyệt" (src/broadcast/approval-request-store.ts owns this table): at most
-- one open request per campaign, closed when the campaign is approved or cancelled. The notice to the
-- officials' group (APPROVAL_NOTIFY_GROUP_ID) is sent exactly once: notify_status is
-- 'none' (no group configured) | 'pending' | 'sending' (claimed before the call to Zalo) | 'sent' |
-- 'failed' (Zalo refused) | 'unknown' (unclear and not settled by the group's history: never resent).
-- Only officials' account names are stored here, nothing about residents.
CREATE TABLE approval_requests (
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES broadcast_campaigns(id),
  requested_by TEXT NOT NULL,
  requested_at INTEGER NOT NULL,
  closed_at INTEGER,
  notify_group_id TEXT,
  notify_text TEXT,
  notify_status TEXT NOT NULL DEFAULT 'none',
  notify_started_at INTEGER,
  notify_message_id TEXT,
  notify_error TEXT
);
CREATE UNIQUE INDEX approval_requests_open ON approval_requests (campaign_id) WHERE closed_at IS NULL;
CREATE INDEX approval_requests_notify ON approval_requests (notify_status) WHERE notify_status IN ('pending', 'sending');
