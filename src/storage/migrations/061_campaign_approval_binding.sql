-- An approval is bound to what was approved: the content (SHA-256 of text and image) and the groups
-- that would receive it as the audience resolved at that moment (JSON array of group ids, sorted).
-- A later change that alters the content or adds a receiving group sends the campaign back to draft
-- (src/broadcast/approval-review.ts). NULL on campaigns approved before this migration: they are
-- bound to their audience at the first review after the upgrade.
ALTER TABLE broadcast_campaigns ADD COLUMN approved_content TEXT;
ALTER TABLE broadcast_campaigns ADD COLUMN approved_targets TEXT;
