-- revision: a9d27f4e1b63
-- down_revision: 7c3b5e90d412
-- source_file: 0007_a9d27f4e1b63_add_team_plan_and_billing_role.py
-- Running upgrade 7c3b5e90d412 -> a9d27f4e1b63

ALTER TYPE plan_tier ADD VALUE 'team' BEFORE 'enterprise';

ALTER TYPE member_role ADD VALUE 'billing';

ALTER TYPE invoice_status ADD VALUE IF NOT EXISTS 'uncollectible' AFTER 'paid';

