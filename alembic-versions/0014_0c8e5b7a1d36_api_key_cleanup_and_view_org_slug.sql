-- revision: 0c8e5b7a1d36
-- down_revision: 6f1a8d3e2c90
-- source_file: 0014_0c8e5b7a1d36_api_key_cleanup_and_view_org_slug.py
-- Running upgrade 6f1a8d3e2c90 -> 0c8e5b7a1d36

ALTER TABLE api_keys RENAME COLUMN prefix TO key_prefix;

ALTER INDEX ix_api_keys_prefix RENAME TO ix_api_keys_key_prefix;

ALTER TABLE api_keys RENAME CONSTRAINT fk_api_keys_user TO api_keys_user_id_fkey;

ALTER TABLE api_keys ALTER COLUMN scopes SET DEFAULT ARRAY['read', 'write']::text[];

ALTER TABLE api_keys ALTER COLUMN name DROP NOT NULL;

ALTER TABLE api_keys DROP CONSTRAINT ck_api_keys_expiry;

ALTER TABLE api_keys ADD CONSTRAINT ck_api_keys_expiry CHECK (expires_at IS NULL OR expires_at > created_at + interval '1 minute') NOT VALID;

ALTER TABLE invoices VALIDATE CONSTRAINT fk_invoices_project_id;

DROP INDEX ix_projects_settings;

CREATE INDEX ix_projects_settings ON projects USING gin (settings jsonb_path_ops);

CREATE OR REPLACE VIEW active_projects AS
    SELECT p.id, p.org_id, p.name, p.created_by, p.created_at, o.slug AS org_slug, p.tags
    FROM projects p
    JOIN organisations o ON o.id = p.org_id
    WHERE p.deleted_at IS NULL AND p.archived_at IS NULL;

