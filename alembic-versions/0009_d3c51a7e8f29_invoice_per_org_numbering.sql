-- revision: d3c51a7e8f29
-- down_revision: b6e8f1d2a054
-- source_file: 0009_d3c51a7e8f29_invoice_per_org_numbering.py
-- Running upgrade b6e8f1d2a054 -> d3c51a7e8f29

ALTER TABLE invoices RENAME COLUMN total TO total_amount;

ALTER TABLE invoices RENAME CONSTRAINT invoices_total_check TO ck_invoices_total_amount_non_negative;

ALTER TYPE invoice_status RENAME VALUE 'open' TO 'issued';

ALTER TABLE invoices ALTER COLUMN due_at TYPE DATE USING due_at::date;

ALTER TABLE invoices ALTER COLUMN currency DROP DEFAULT;

ALTER TABLE invoices DROP CONSTRAINT invoices_number_key;

ALTER TABLE invoices ADD CONSTRAINT uq_invoices_org_id_number UNIQUE (org_id, number);

DROP INDEX ix_invoices_org_id_issued_at;

CREATE INDEX ix_invoices_org_id_status_issued_at ON invoices (org_id, status, issued_at DESC) INCLUDE (total_amount);

ALTER TABLE invoices ADD COLUMN project_id UUID;

ALTER TABLE invoices ADD CONSTRAINT fk_invoices_project_id FOREIGN KEY(project_id) REFERENCES projects (id) ON DELETE SET NULL NOT VALID;

CREATE INDEX ix_invoices_project_id ON invoices (project_id);

ALTER TABLE invoice_lines ALTER COLUMN description DROP NOT NULL;

-- ix_invoice_lines_invoice_id was created by hand in production during an incident
CREATE INDEX IF NOT EXISTS ix_invoice_lines_invoice_id ON invoice_lines (invoice_id);

