-- revision: 8b2e4d61c0f7
-- down_revision: 3f1c9a2b7d40
-- source_file: 0002_8b2e4d61c0f7_add_projects.py
-- Running upgrade 3f1c9a2b7d40 -> 8b2e4d61c0f7

CREATE TABLE projects (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    org_id INTEGER NOT NULL, 
    name VARCHAR(200) NOT NULL, 
    description TEXT, 
    settings JSONB DEFAULT '{}'::jsonb NOT NULL, 
    tags VARCHAR(500) DEFAULT '' NOT NULL, 
    created_by BIGINT, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, 
    deleted_at TIMESTAMP WITH TIME ZONE, 
    CONSTRAINT projects_pkey PRIMARY KEY (id), 
    CONSTRAINT projects_org_id_fkey FOREIGN KEY(org_id) REFERENCES organisations (id) ON DELETE CASCADE, 
    CONSTRAINT projects_created_by_fkey FOREIGN KEY(created_by) REFERENCES users (id) ON DELETE SET NULL, 
    CONSTRAINT ck_projects_name_not_blank CHECK (btrim(name) <> '')
);

COMMENT ON TABLE projects IS 'A project belongs to exactly one organisation; soft-deleted via deleted_at';

COMMENT ON COLUMN projects.settings IS 'Free-form per-project settings edited from the dashboard';

COMMENT ON COLUMN projects.tags IS 'Comma-separated tag list';

CREATE UNIQUE INDEX uq_projects_org_id_lower_name ON projects (org_id, lower(name)) WHERE deleted_at IS NULL;

CREATE INDEX ix_projects_settings ON projects USING gin (settings);

