-- revision: 2e7d94b0c6a8
-- down_revision: d3c51a7e8f29, f08b2c6d9e17
-- source_file: 0011_2e7d94b0c6a8_merge_invoice_and_audit_branches.py
-- Running upgrade d3c51a7e8f29, f08b2c6d9e17 -> 2e7d94b0c6a8

-- merge revision: joins the invoice and audit-log branches, no schema changes

