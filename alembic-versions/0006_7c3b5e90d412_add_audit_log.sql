-- revision: 7c3b5e90d412
-- down_revision: e1a04c7f93b8
-- source_file: 0006_7c3b5e90d412_add_audit_log.py
-- Running upgrade e1a04c7f93b8 -> 7c3b5e90d412

CREATE TYPE audit_action AS ENUM ('create', 'update', 'delete');

CREATE TABLE audit_log (
    id BIGSERIAL NOT NULL, 
    org_id INTEGER, 
    actor_id BIGINT, 
    action audit_action NOT NULL, 
    entity_type VARCHAR(50) NOT NULL, 
    entity_id TEXT, 
    payload JSONB DEFAULT '{}'::jsonb NOT NULL, 
    ip_address VARCHAR(45), 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(org_id) REFERENCES organisations (id) ON DELETE SET NULL, 
    FOREIGN KEY(actor_id) REFERENCES users (id) ON DELETE SET NULL
);

COMMENT ON TABLE audit_log IS 'Append-only record of changes made by users and API keys';

CREATE INDEX ix_audit_log_org_id_created_at ON audit_log (org_id, created_at DESC);

CREATE INDEX ix_audit_log_payload ON audit_log USING gin (payload jsonb_path_ops);

CREATE INDEX ix_audit_log_ip_address ON audit_log (ip_address);

