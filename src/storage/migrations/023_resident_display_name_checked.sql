-- When the resident's Zalo display name was last looked up (`getUserDetail`, epoch ms), whether or not it
-- succeeded: a failed or empty lookup is not tried again for 24 h. `display_name` is personal data,
-- erased with the whole `residents` row by deleteUserData.
ALTER TABLE residents ADD COLUMN display_name_checked_at INTEGER;
