-- revision: 94a6c2f1e5b3
-- down_revision: 2e7d94b0c6a8
-- source_file: 0012_94a6c2f1e5b3_user_display_name_and_roles.py
-- Running upgrade 2e7d94b0c6a8 -> 94a6c2f1e5b3

ALTER TABLE users RENAME full_name TO display_name;

UPDATE users SET display_name = split_part(email, '@', 1) WHERE display_name IS NULL;

ALTER TABLE users ALTER COLUMN display_name SET NOT NULL;

ALTER TYPE member_role RENAME VALUE 'member' TO 'editor';

ALTER TYPE member_role RENAME TO membership_role;

ALTER TYPE audit_event_kind ADD VALUE IF NOT EXISTS 'login' AFTER 'delete';

ALTER TABLE memberships ADD COLUMN invited_by BIGINT;

ALTER TABLE memberships ADD CONSTRAINT fk_memberships_invited_by FOREIGN KEY(invited_by) REFERENCES users (id) ON DELETE SET NULL;

ALTER INDEX ix_users_email_lower RENAME TO uq_users_email_lower;

DROP TABLE sessions;

