-- revision: 5d9f0b28a6e1
-- down_revision: c47a9e13b5d2
-- source_file: 0004_5d9f0b28a6e1_add_invoices.py
-- Running upgrade c47a9e13b5d2 -> 5d9f0b28a6e1

CREATE TYPE invoice_status AS ENUM ('draft', 'open', 'paid', 'void');

CREATE SEQUENCE invoice_number_seq START WITH 1000 INCREMENT BY 1;

CREATE TABLE invoices (
    id BIGSERIAL NOT NULL, 
    org_id INTEGER NOT NULL, 
    number INTEGER DEFAULT nextval('invoice_number_seq') NOT NULL, 
    status invoice_status DEFAULT 'draft' NOT NULL, 
    currency VARCHAR(3) DEFAULT 'EUR' NOT NULL CONSTRAINT ck_invoices_currency_upper CHECK (currency = upper(currency)), 
    total NUMERIC(12, 2) DEFAULT 0 NOT NULL, 
    issued_at TIMESTAMP WITH TIME ZONE, 
    due_at TIMESTAMP WITH TIME ZONE, 
    metadata JSONB, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, 
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (number), 
    FOREIGN KEY(org_id) REFERENCES organisations (id) ON DELETE CASCADE, 
    CHECK (total >= 0)
);

ALTER SEQUENCE invoice_number_seq OWNED BY invoices.number;

CREATE INDEX ix_invoices_org_id_issued_at ON invoices (org_id, issued_at DESC);

CREATE TABLE invoice_lines (
    id SERIAL NOT NULL, 
    invoice_id BIGINT NOT NULL, 
    description TEXT NOT NULL, 
    quantity INTEGER DEFAULT 1 NOT NULL CHECK (quantity > 0), 
    unit_price NUMERIC(12, 2) NOT NULL, 
    amount NUMERIC(12, 2) GENERATED ALWAYS AS (quantity * unit_price) STORED, 
    sort_order SMALLINT DEFAULT 0 NOT NULL, 
    CONSTRAINT invoice_lines_pkey PRIMARY KEY (id), 
    CONSTRAINT invoice_lines_invoice_id_fkey FOREIGN KEY(invoice_id) REFERENCES invoices (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);

COMMENT ON COLUMN invoice_lines.amount IS 'quantity * unit_price, computed by the database';

CREATE TRIGGER trg_invoices_updated_at BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION set_updated_at();

