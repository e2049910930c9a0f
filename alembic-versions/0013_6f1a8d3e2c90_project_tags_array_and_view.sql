-- revision: 6f1a8d3e2c90
-- down_revision: 94a6c2f1e5b3
-- source_file: 0013_6f1a8d3e2c90_project_tags_array_and_view.py
-- Running upgrade 94a6c2f1e5b3 -> 6f1a8d3e2c90

ALTER TABLE projects ALTER COLUMN tags DROP DEFAULT;

ALTER TABLE projects ALTER COLUMN tags TYPE TEXT[] USING string_to_array(NULLIF(tags, ''), ',');

ALTER TABLE projects ALTER COLUMN tags SET DEFAULT '{}'::text[];

COMMENT ON COLUMN projects.tags IS 'Tag list';

CREATE INDEX IF NOT EXISTS ix_projects_tags ON projects USING gin (tags);

ALTER TABLE projects ADD COLUMN archived_at TIMESTAMP WITH TIME ZONE;

CREATE VIEW active_projects AS
    SELECT p.id, p.org_id, p.name, p.created_by, p.created_at
    FROM projects p
    WHERE p.deleted_at IS NULL AND p.archived_at IS NULL;

