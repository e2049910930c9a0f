-- revision: f08b2c6d9e17
-- down_revision: b6e8f1d2a054
-- source_file: 0010_f08b2c6d9e17_rename_audit_log_to_audit_events.py
-- Running upgrade b6e8f1d2a054 -> f08b2c6d9e17

ALTER TABLE audit_log RENAME TO audit_events;

ALTER TYPE audit_action RENAME TO audit_event_kind;

ALTER SEQUENCE audit_log_id_seq RENAME TO audit_events_id_seq;

ALTER INDEX audit_log_pkey RENAME TO audit_events_pkey;

ALTER INDEX ix_audit_log_org_id_created_at RENAME TO ix_audit_events_org_id_created_at;

ALTER INDEX ix_audit_log_payload RENAME TO ix_audit_events_payload;

ALTER TABLE audit_events RENAME CONSTRAINT audit_log_org_id_fkey TO audit_events_org_id_fkey;

ALTER TABLE audit_events RENAME CONSTRAINT audit_log_actor_id_fkey TO audit_events_actor_id_fkey;

ALTER TABLE audit_events DROP COLUMN ip_address;

ALTER TABLE audit_events ADD CONSTRAINT ck_audit_events_entity_type_not_blank CHECK (entity_type <> '') NOT VALID;

ALTER TABLE audit_events VALIDATE CONSTRAINT ck_audit_events_entity_type_not_blank;

COMMENT ON TABLE audit_events IS 'Append-only record of changes made by users and API keys (formerly audit_log)';

