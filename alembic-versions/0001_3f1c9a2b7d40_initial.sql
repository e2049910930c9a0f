-- revision: 3f1c9a2b7d40
-- down_revision: none
-- source_file: 0001_3f1c9a2b7d40_initial.py
-- Running upgrade  -> 3f1c9a2b7d40

CREATE TYPE plan_tier AS ENUM ('free', 'pro', 'enterprise');

CREATE TYPE member_role AS ENUM ('owner', 'admin', 'member');

CREATE TABLE organisations (
    id SERIAL NOT NULL, 
    name VARCHAR(200) NOT NULL, 
    slug VARCHAR(63) COLLATE "C" NOT NULL, 
    plan plan_tier DEFAULT 'free' NOT NULL, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (slug)
);

CREATE TABLE users (
    id BIGSERIAL NOT NULL, 
    email VARCHAR(320) NOT NULL, 
    full_name VARCHAR(200), 
    password_hash TEXT, 
    is_active BOOLEAN DEFAULT true NOT NULL, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, 
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, 
    CONSTRAINT users_pkey PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_users_email_lower ON users (lower(email));

CREATE TABLE memberships (
    org_id INTEGER NOT NULL, 
    user_id BIGINT NOT NULL, 
    role member_role DEFAULT 'member' NOT NULL, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, 
    PRIMARY KEY (org_id, user_id), 
    FOREIGN KEY(org_id) REFERENCES organisations (id) ON DELETE CASCADE, 
    FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_memberships_user_id ON memberships (user_id) INCLUDE (role);

CREATE TABLE sessions (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    user_id BIGINT NOT NULL, 
    user_agent TEXT, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, 
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    CONSTRAINT sessions_pkey PRIMARY KEY (id), 
    CONSTRAINT sessions_user_id_fkey FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_sessions_user_id ON sessions (user_id);

