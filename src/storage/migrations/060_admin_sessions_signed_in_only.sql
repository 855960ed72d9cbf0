-- Signed-out visitors no longer get a stored session (their CSRF token is signed, see
-- src/admin/auth/session-store.ts): drop the anonymous rows left from before. account_id stays
-- nullable so older databases need no table rebuild; nothing writes NULL any more.
DELETE FROM admin_sessions WHERE account_id IS NULL;
