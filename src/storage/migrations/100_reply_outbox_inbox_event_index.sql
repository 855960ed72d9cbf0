-- hasRepliesFor (once per processed event) looks rows up by their inbox event: without this index
-- every event scanned the whole outbox, so processing slowed down as the outbox grew.
CREATE INDEX IF NOT EXISTS reply_outbox_inbox_event ON reply_outbox (inbox_event_id);
