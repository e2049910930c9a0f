-- revision: b6e8f1d2a054
-- down_revision: a9d27f4e1b63
-- source_file: 0008_b6e8f1d2a054_plans_table_and_seed.py
-- Running upgrade a9d27f4e1b63 -> b6e8f1d2a054

CREATE TABLE plans (
    tier plan_tier NOT NULL, 
    name VARCHAR(50) NOT NULL, 
    monthly_price NUMERIC(12, 2) NOT NULL, 
    max_projects INTEGER, 
    max_members INTEGER, 
    features JSONB DEFAULT '{}'::jsonb NOT NULL, 
    CONSTRAINT plans_pkey PRIMARY KEY (tier), 
    CONSTRAINT ck_plans_price_non_negative CHECK (monthly_price >= 0)
);

INSERT INTO plans (tier, name, monthly_price, max_projects, max_members, features) VALUES ('free', 'Free', 0.00, 3, 5, '{"sso": false, "audit_log": false}');

INSERT INTO plans (tier, name, monthly_price, max_projects, max_members, features) VALUES ('pro', 'Pro', 29.00, 20, 25, '{"sso": false, "audit_log": true}');

INSERT INTO plans (tier, name, monthly_price, max_projects, max_members, features) VALUES ('team', 'Team', 99.00, 100, 100, '{"sso": true, "audit_log": true}');

INSERT INTO plans (tier, name, monthly_price, max_projects, max_members, features) VALUES ('enterprise', 'Enterprise', 499.00, NULL, NULL, '{"sso": true, "audit_log": true, "sla": "99.9"}');

UPDATE organisations SET plan='team' WHERE organisations.plan = 'pro' AND organisations.id IN (SELECT memberships.org_id FROM memberships GROUP BY memberships.org_id HAVING count(*) > 25);

ALTER TABLE organisations ADD CONSTRAINT fk_organisations_plan FOREIGN KEY(plan) REFERENCES plans (tier) NOT VALID;

ALTER TABLE organisations VALIDATE CONSTRAINT fk_organisations_plan;

