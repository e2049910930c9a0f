import { afterEach, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { compareStates, diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { replay } from '../../src/replay/index.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';
import { pgDumpSchema } from '../support/pg-dump/pg-dump.js';
import { dumpDifference } from '../support/pg-dump/schema-oracle.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

/**
 * Attributes PostgreSQL stores for objects schema-sync manages, each once silently lost (check
 * said "in sync" while pg_dump differed) or a replay error. Every case is judged three ways
 * against PostgreSQL itself:
 * - golden replay: `desired` run on a fresh database and introspected equals the replayed state;
 * - drift: a database built from `live` differs from the target for `check` (when it should);
 * - convergence: `apply` on the `live` database gives the pg_dump of the database built directly
 *   from `desired`, and a second plan is empty.
 */
interface AttributeCase {
  readonly name: string;
  /** What the live database has. */
  readonly live: string;
  /** The migration (one revision) whose target the live database is brought to. */
  readonly desired: string;
  /** False when live and desired are the same schema (a replay/convergence case only). */
  readonly drift?: boolean;
  /** A query run on the converged database, and the rows it must give (data kept, not only schema). */
  readonly verify?: { readonly sql: string; readonly rows: readonly unknown[] };
}

const CASES: readonly AttributeCase[] = [
  {
    name: 'index WITH (...) storage parameters: added, changed, removed',
    live: `CREATE TABLE t (id int, data text);
      CREATE INDEX t_data ON t (data);
      CREATE INDEX t_id ON t (id) WITH (fillfactor = 80);
      CREATE INDEX t_both ON t (id, data) WITH (fillfactor = 70);`,
    desired: `CREATE TABLE t (id int, data text);
      CREATE INDEX t_data ON t USING btree (data) WITH (fillfactor = '70', deduplicate_items = off);
      CREATE INDEX t_id ON t (id);
      CREATE INDEX t_both ON t (id, data) WITH (fillfactor = 90);
      CREATE INDEX t_hash ON t USING hash (data) WITH (fillfactor = 60);`,
  },
  {
    name: 'view WITH options: security_barrier, security_invoker, check_option; materialized view storage',
    live: `CREATE TABLE t (id int, data text);
      CREATE VIEW v AS SELECT id FROM t WHERE id > 0;
      CREATE VIEW w WITH (security_barrier) AS SELECT id FROM t;
      CREATE VIEW c AS SELECT id, data FROM t WHERE data <> '' WITH CASCADED CHECK OPTION;`,
    desired: `CREATE TABLE t (id int, data text);
      CREATE VIEW v WITH (security_invoker = true, security_barrier) AS SELECT id FROM t WHERE id > 0 WITH LOCAL CHECK OPTION;
      CREATE VIEW w AS SELECT id FROM t;
      CREATE VIEW c WITH (check_option = local) AS SELECT id, data FROM t WHERE data <> '';
      CREATE MATERIALIZED VIEW m WITH (fillfactor = 50) AS SELECT id FROM t;`,
  },
  {
    name: 'ALTER INDEX / VIEW / MATERIALIZED VIEW SET (..) and RESET (..) in the history',
    live: `CREATE TABLE t (id int, data text);
      CREATE INDEX t_data ON t (data) WITH (fillfactor = 70, deduplicate_items = off);
      CREATE VIEW v WITH (security_barrier) AS SELECT id FROM t;
      CREATE MATERIALIZED VIEW m AS SELECT id FROM t;`,
    desired: `CREATE TABLE t (id int, data text);
      CREATE INDEX t_data ON t (data) WITH (fillfactor = 70, deduplicate_items = off);
      ALTER INDEX t_data SET (fillfactor = 50);
      CREATE VIEW v WITH (security_barrier) AS SELECT id FROM t;
      ALTER VIEW v RESET (security_barrier);
      ALTER VIEW v SET (check_option = local, security_invoker = on);
      CREATE MATERIALIZED VIEW m AS SELECT id FROM t;
      ALTER MATERIALIZED VIEW m SET (fillfactor = 60);
      ALTER INDEX IF EXISTS nothing_here SET (fillfactor = 10);`,
  },
  {
    name: 'PRIMARY KEY / UNIQUE / EXCLUDE index WITH (...) and COMMENT ON INDEX: added, changed, removed; on a new table and a new key',
    live: `CREATE TABLE t (id int PRIMARY KEY, code text, during tstzrange, CONSTRAINT t_code UNIQUE (code) WITH (fillfactor = 80));
      COMMENT ON INDEX t_code IS 'old';
      CREATE TABLE c (t_id int REFERENCES t);`,
    desired: `CREATE TABLE t (
        id int PRIMARY KEY WITH (fillfactor = 70), code text, during tstzrange,
        CONSTRAINT t_code UNIQUE (code),
        CONSTRAINT t_during EXCLUDE USING gist (during WITH &&) WITH (fillfactor = 60));
      COMMENT ON INDEX t_pkey IS 'key';
      COMMENT ON INDEX t_during IS 'no overlaps';
      CREATE TABLE c (t_id int REFERENCES t);
      CREATE TABLE fresh (id int PRIMARY KEY WITH (fillfactor = 50), n int UNIQUE);
      COMMENT ON INDEX fresh_pkey IS 'a new table''s key';
      COMMENT ON INDEX fresh_n_key IS 'a new table''s unique';`,
  },
  {
    name: 'table WITH (...) storage parameters, TOAST ones included: created, set, reset, reordered',
    live: `CREATE TABLE a (id int, doc text);
      CREATE TABLE b (id int) WITH (fillfactor = 80, autovacuum_enabled = false);
      CREATE TABLE c (id int) WITH (autovacuum_enabled = false, fillfactor = 80);`,
    desired: `CREATE TABLE a (id int, doc text) WITH (toast.autovacuum_enabled = false, fillfactor = 70);
      CREATE TABLE b (id int);
      CREATE TABLE c (id int) WITH (fillfactor = 80, autovacuum_enabled = false);
      ALTER TABLE c SET (fillfactor = 60), RESET (autovacuum_enabled);
      CREATE TABLE d (id int, doc text) WITH (fillfactor = 50, toast.autovacuum_enabled = off);`,
  },
  {
    name: 'UNLOGGED tables: set unlogged, set logged',
    live: `CREATE TABLE t (id int PRIMARY KEY, data text);
      CREATE UNLOGGED TABLE u (id int);
      CREATE INDEX u_id ON u (id);`,
    desired: `CREATE UNLOGGED TABLE t (id int PRIMARY KEY, data text);
      CREATE TABLE u (id int);
      CREATE INDEX u_id ON u (id);`,
  },
  {
    name: 'trigger REFERENCING OLD TABLE / NEW TABLE transition tables',
    live: `CREATE TABLE t (id int, data text);
      CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
      CREATE TRIGGER tr AFTER UPDATE ON t FOR EACH STATEMENT EXECUTE FUNCTION f();`,
    desired: `CREATE TABLE t (id int, data text);
      CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
      CREATE TRIGGER tr AFTER UPDATE ON t REFERENCING OLD TABLE AS old_rows NEW TABLE AS "New" FOR EACH STATEMENT EXECUTE FUNCTION f();
      CREATE TRIGGER tr2 AFTER INSERT ON t REFERENCING NEW TABLE AS n FOR EACH ROW EXECUTE FUNCTION f();`,
  },
  {
    name: 'INSTEAD OF triggers on views, indexes on materialized views, their comments, renames and drops',
    live: `CREATE TABLE t (id int, data text);`,
    desired: `CREATE TABLE t (id int, data text);
      CREATE VIEW v0 AS SELECT id, data FROM t;
      CREATE FUNCTION v_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO t VALUES (NEW.id, NEW.data); RETURN NEW; END $$;
      CREATE TRIGGER v_ins0 INSTEAD OF INSERT ON v0 FOR EACH ROW EXECUTE FUNCTION v_ins();
      ALTER VIEW v0 RENAME TO v;
      ALTER TRIGGER v_ins0 ON v RENAME TO v_ins;
      COMMENT ON TRIGGER v_ins ON v IS 'writes through';
      COMMENT ON VIEW v IS 'a view';
      CREATE MATERIALIZED VIEW m AS SELECT id, data FROM t;
      CREATE UNIQUE INDEX m_id ON m (id);
      CREATE INDEX ON m (data);
      COMMENT ON MATERIALIZED VIEW m IS 'a matview';
      COMMENT ON INDEX m_id IS 'unique id';
      CREATE MATERIALIZED VIEW gone AS SELECT id FROM t;
      CREATE INDEX gone_id ON gone (id);
      DROP MATERIALIZED VIEW gone;`,
  },
  {
    name: 'functions: SETOF, RETURNS TABLE, SQL-standard bodies, LEAKPROOF/PARALLEL/COST/ROWS/SET; procedures',
    live: `CREATE TABLE tt (a int);
      CREATE TABLE pair (a int, b int);
      CREATE FUNCTION g(x int, y int) RETURNS int LANGUAGE sql IMMUTABLE RETURN x + y;
      CREATE FUNCTION k() RETURNS int LANGUAGE sql PARALLEL SAFE COST 5 SET work_mem = '64MB' AS 'select 1';
      CREATE FUNCTION h() RETURNS TABLE(id integer) LANGUAGE sql AS 'select 1';`,
    desired: `CREATE TABLE tt (a int);
      CREATE TABLE pair (a int, b int);
      CREATE FUNCTION f(a int) RETURNS SETOF int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT a + 1 FROM tt; END;
      CREATE FUNCTION g(x int, y int) RETURNS int LANGUAGE sql IMMUTABLE RETURN x+y*2;
      CREATE FUNCTION h() RETURNS TABLE(id integer, "Name" text) LANGUAGE sql LEAKPROOF PARALLEL SAFE COST 10 ROWS 5
        SET search_path = public, pg_temp SET work_mem = 65536 SET "TimeZone" TO 'UTC' AS 'select 1, ''a''::text';
      CREATE FUNCTION k() RETURNS int LANGUAGE sql AS 'select 1';
      CREATE FUNCTION p() RETURNS SETOF pair LANGUAGE sql ROWS 10 PARALLEL RESTRICTED AS 'select 1, 2';
      CREATE FUNCTION c(x float8) RETURNS float8 LANGUAGE sql COST 100 AS 'select x';
      CREATE FUNCTION s(x int) RETURNS SETOF int LANGUAGE sql ROWS 1000 AS 'select x';
      CREATE PROCEDURE pr(n int) LANGUAGE sql SET search_path = public BEGIN ATOMIC INSERT INTO tt (a) VALUES (n); END;
      CREATE PROCEDURE pr2(n int) LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tt VALUES (n); END $$;`,
  },
  {
    name: 'serial to identity takes over the sequence name and its counter (no *_seq1 left behind)',
    live: `CREATE TABLE t (id serial PRIMARY KEY, n bigserial, note text);
      INSERT INTO t (note) VALUES ('a'), ('b'), ('c');`,
    desired: `CREATE TABLE t (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, n bigint GENERATED ALWAYS AS IDENTITY, note text);`,
    verify: { sql: `INSERT INTO t (note) VALUES ('d') RETURNING id, n::int, note`, rows: [{ id: 4, n: 4, note: 'd' }] },
  },
  {
    name: 'sequence ranges that exclude the current value restart at START WITH; values inside are kept',
    live: `CREATE TABLE volts (volt int GENERATED BY DEFAULT AS IDENTITY (START WITH -200 INCREMENT BY 10 MINVALUE -200 MAXVALUE 200));
      CREATE SEQUENCE kept MAXVALUE 100000;
      SELECT nextval('kept'), nextval('kept'), nextval('kept');`,
    desired: `CREATE TABLE volts (volt int GENERATED BY DEFAULT AS IDENTITY (START WITH -100 INCREMENT BY 5 MINVALUE -100 MAXVALUE 100));
      CREATE TABLE neg (id int GENERATED ALWAYS AS IDENTITY (START WITH -20 INCREMENT BY -1 MINVALUE -1000 MAXVALUE -10));
      CREATE SEQUENCE kept MAXVALUE 1000;`,
    verify: { sql: `SELECT nextval('kept')::int AS kept, nextval('volts_volt_seq')::int AS volt`, rows: [{ kept: 4, volt: -100 }] },
  },
  {
    name: 'partition bounds compare in the key type\'s canonical form; a partition\'s own column DEFAULT / NOT NULL',
    live: `CREATE TABLE ev (id bigint NOT NULL, at timestamptz NOT NULL, n int) PARTITION BY RANGE (at);
      CREATE TABLE ev_2026 PARTITION OF ev FOR VALUES FROM ('2026-01-01 01:00:00+01') TO ('2027-01-01');
      CREATE TABLE nums (k int, d date, ts timestamp) PARTITION BY RANGE (k, d, ts);
      CREATE TABLE nums_1 PARTITION OF nums FOR VALUES FROM (1, '2020-01-01', '2020-01-01 00:00:00') TO (10, '2021-01-01', '2021-01-01 12:30:00');`,
    desired: `CREATE TABLE ev (id bigint NOT NULL, at timestamptz NOT NULL, n int) PARTITION BY RANGE (at);
      CREATE TABLE ev_2026 PARTITION OF ev FOR VALUES FROM ('2026-01-01') TO ('2027-01-01 00:00:00Z');
      CREATE TABLE ev_2027 PARTITION OF ev (n DEFAULT 1, id WITH OPTIONS NOT NULL) FOR VALUES FROM ('2027-01-01 00:00:00+00') TO ('2028-01-01T02:00:00+02');
      CREATE TABLE nums (k int, d date, ts timestamp) PARTITION BY RANGE (k, d, ts);
      CREATE TABLE nums_1 PARTITION OF nums FOR VALUES FROM ('1', '2020-01-01', '2020-01-01') TO ('10', '2021-01-01', '2021-01-01 12:30');
      CREATE TABLE lp (region text, day date) PARTITION BY LIST (day);
      CREATE TABLE lp_a PARTITION OF lp FOR VALUES IN ('2024-01-01', '2024-01-02');`,
  },
  {
    name: 'partitions alone are the same schema whatever the bounds\' spelling (check sees no drift)',
    live: `CREATE TABLE ev (at timestamptz NOT NULL) PARTITION BY RANGE (at);
      CREATE TABLE ev_2026 PARTITION OF ev FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2027-01-01 00:00:00+00');`,
    desired: `CREATE TABLE ev (at timestamptz NOT NULL) PARTITION BY RANGE (at);
      CREATE TABLE ev_2026 PARTITION OF ev FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');`,
    drift: false,
  },
  { name: 'an empty migration is an empty state, not an error', live: '', desired: '', drift: false },
];


/**
 * One case per object kind (docs/COVERAGE.md points here): `before` is an earlier revision the live
 * database stopped at, `after` the revision that creates, alters, renames and drops objects of the
 * kind. Judged as above, and `check` must name exactly `differences` (`missing|extra|different
 * <object> <name>`) on the live database: the comparison `check` runs (its exit 2).
 */
interface KindCase {
  /** The registered kind (src/kinds/registry.ts) the case covers. */
  readonly kind: string;
  readonly name: string;
  readonly before: string;
  readonly after: string;
  readonly differences: readonly string[];
  /** The renames (and moves) the plan must make, not drops and creates: `<object> <from> -> <to>`. */
  readonly renames?: readonly string[];
}

const KIND_CASES: readonly KindCase[] = [
  {
    kind: 'schema',
    name: 'schemas: created (with a table in it), dropped',
    before: `CREATE SCHEMA kept_s; CREATE SCHEMA gone_s; CREATE TABLE kept_s.t (id int);`,
    after: `DROP SCHEMA gone_s; CREATE SCHEMA made_s; CREATE TABLE made_s.t (id int);`,
    differences: [
      'extra schema gone_s',
      'missing schema made_s',
      'missing table made_s.t',
    ],
  },
  {
    kind: 'extension',
    name: 'extensions: created, dropped, one in a schema of its own, moved (SET SCHEMA) with a column of its type',
    before: `CREATE EXTENSION hstore; CREATE SCHEMA ext; CREATE EXTENSION citext WITH SCHEMA ext;
      CREATE EXTENSION ltree; CREATE TABLE tree (p ltree);`,
    after: `DROP EXTENSION hstore; CREATE EXTENSION pg_trgm; CREATE TABLE words (w ext.citext);
      ALTER EXTENSION ltree SET SCHEMA ext;`,
    differences: [
      'extra extension hstore',
      'different extension ltree',
      'missing extension pg_trgm',
      'missing table public.words',
      'different column public.tree.p',
    ],
  },
  {
    kind: 'enum',
    name: 'enums: created, values added and renamed, renamed, moved, dropped',
    before: `CREATE SCHEMA app; CREATE TYPE mood AS ENUM ('a', 'b'); CREATE TYPE gone AS ENUM ('x'); CREATE TYPE old_e AS ENUM ('p');
      CREATE TYPE moving AS ENUM ('m'); CREATE TABLE t (m mood, e old_e);`,
    after: `ALTER TYPE mood ADD VALUE 'c' AFTER 'a'; ALTER TYPE mood RENAME VALUE 'b' TO 'bb'; ALTER TYPE old_e RENAME TO new_e;
      ALTER TYPE moving SET SCHEMA app; DROP TYPE gone; CREATE TYPE made AS ENUM ('m1', 'm2');`,
    differences: [
      'missing enum app.moving',
      'extra enum public.gone',
      'missing enum public.made',
      'different enum public.mood',
      'extra enum public.moving',
      'missing enum public.new_e',
      'extra enum public.old_e',
      'different column public.t.e',
    ],
    renames: ['enum public.moving -> app.moving', 'enum public.old_e -> public.new_e', 'enum value public.mood.b -> public.mood.bb'],
  },
  {
    kind: 'sequence',
    name: 'sequences: created, altered, renamed, moved, dropped',
    before: `CREATE SCHEMA app; CREATE SEQUENCE s1 INCREMENT 2; CREATE SEQUENCE old_seq; CREATE SEQUENCE gone_seq; CREATE SEQUENCE moving AS smallint;
      CREATE TABLE t (id int DEFAULT nextval('moving'));`,
    after: `ALTER SEQUENCE s1 INCREMENT 5 MAXVALUE 1000 CYCLE CACHE 3; ALTER SEQUENCE old_seq RENAME TO new_seq; DROP SEQUENCE gone_seq;
      ALTER SEQUENCE moving SET SCHEMA app; CREATE SEQUENCE made_seq AS integer START 10 MINVALUE 5;`,
    differences: [
      'missing sequence app.moving',
      'extra sequence public.gone_seq',
      'missing sequence public.made_seq',
      'extra sequence public.moving',
      'missing sequence public.new_seq',
      'extra sequence public.old_seq',
      'different sequence public.s1',
      'different column public.t.id',
    ],
    renames: ['sequence public.moving -> app.moving', 'sequence public.old_seq -> public.new_seq'],
  },
  {
    kind: 'table',
    name: 'tables and partitions: created, renamed, moved, dropped; partitions created, renamed, dropped',
    before: `CREATE SCHEMA app; CREATE TABLE old_t (id int PRIMARY KEY); CREATE TABLE gone_t (id int); CREATE TABLE moving (id int);
      CREATE TABLE p (k int, v int) PARTITION BY LIST (k);
      CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1); CREATE TABLE p2 PARTITION OF p FOR VALUES IN (2);
      CREATE TABLE p_old PARTITION OF p FOR VALUES IN (3);`,
    after: `ALTER TABLE old_t RENAME TO new_t; DROP TABLE gone_t; ALTER TABLE moving SET SCHEMA app;
      CREATE TABLE made (id int, note text NOT NULL DEFAULT '');
      DROP TABLE p2; ALTER TABLE p_old RENAME TO p3; CREATE TABLE p4 PARTITION OF p FOR VALUES IN (4, 5);`,
    differences: [
      'missing table app.moving',
      'extra table public.gone_t',
      'missing table public.made',
      'extra table public.moving',
      'missing table public.new_t',
      'extra table public.old_t',
      'extra table public.p2',
      'missing table public.p3',
      'missing table public.p4',
      'extra table public.p_old',
    ],
    renames: ['table public.moving -> app.moving', 'table public.old_t -> public.new_t', 'table public.p_old -> public.p3'],
  },
  {
    kind: 'constraint',
    name: 'table constraints: added, replaced, renamed, validated, dropped',
    before: `CREATE TABLE t (id int PRIMARY KEY, a int, CONSTRAINT a_pos CHECK (a > 0), CONSTRAINT a_small CHECK (a < 100), CONSTRAINT old_c UNIQUE (a));
      CREATE TABLE c (t_id int, CONSTRAINT c_t_fkey FOREIGN KEY (t_id) REFERENCES t NOT VALID);`,
    after: `ALTER TABLE t DROP CONSTRAINT a_small; ALTER TABLE t RENAME CONSTRAINT old_c TO new_c;
      ALTER TABLE t DROP CONSTRAINT a_pos, ADD CONSTRAINT a_pos CHECK (a >= 0);
      ALTER TABLE c VALIDATE CONSTRAINT c_t_fkey; ALTER TABLE c ADD CONSTRAINT c_t_uniq UNIQUE (t_id);`,
    differences: [
      'missing constraint public.c.c_t_uniq',
      'different constraint public.t.a_pos',
      'extra constraint public.t.a_small',
      'missing constraint public.t.new_c',
      'extra constraint public.t.old_c',
    ],
    renames: ['constraint public.t.old_c -> public.t.new_c'],
  },
  {
    kind: 'index',
    name: 'indexes: created, rebuilt with another definition, renamed, dropped',
    before: `CREATE TABLE t (a int, b int); CREATE INDEX old_i ON t (a); CREATE INDEX gone_i ON t (b); CREATE INDEX chg_i ON t (a, b);`,
    after: `ALTER INDEX old_i RENAME TO new_i; DROP INDEX gone_i; DROP INDEX chg_i; CREATE INDEX chg_i ON t (b, a) WHERE a > 0;
      CREATE UNIQUE INDEX made_i ON t (b DESC);`,
    differences: [
      'different index public.chg_i',
      'extra index public.gone_i',
      'missing index public.made_i',
      'missing index public.new_i',
      'extra index public.old_i',
    ],
    renames: ['index public.old_i -> public.new_i'],
  },
  {
    kind: 'view',
    name: 'views and materialized views: created, replaced, renamed, moved, dropped',
    before: `CREATE SCHEMA app; CREATE TABLE t (id int, x int);
      CREATE VIEW old_v AS SELECT id FROM t; CREATE VIEW gone_v AS SELECT id FROM t; CREATE VIEW chg_v AS SELECT id FROM t;
      CREATE MATERIALIZED VIEW old_m AS SELECT id FROM t; CREATE MATERIALIZED VIEW gone_m AS SELECT x FROM t;
      CREATE MATERIALIZED VIEW chg_m AS SELECT id FROM t; CREATE VIEW moving AS SELECT x FROM t;`,
    after: `ALTER VIEW old_v RENAME TO new_v; DROP VIEW gone_v; CREATE OR REPLACE VIEW chg_v AS SELECT id, x FROM t;
      ALTER MATERIALIZED VIEW old_m RENAME TO new_m; DROP MATERIALIZED VIEW gone_m;
      DROP MATERIALIZED VIEW chg_m; CREATE MATERIALIZED VIEW chg_m AS SELECT id, x FROM t WHERE x > 0;
      ALTER VIEW moving SET SCHEMA app; CREATE VIEW made_v AS SELECT count(*) AS n FROM t;`,
    differences: [
      'missing view app.moving',
      'different view public.chg_v',
      'extra view public.gone_v',
      'missing view public.made_v',
      'extra view public.moving',
      'missing view public.new_v',
      'extra view public.old_v',
      'different materialized view public.chg_m',
      'extra materialized view public.gone_m',
      'missing materialized view public.new_m',
      'extra materialized view public.old_m',
    ],
    renames: ['materialized view public.old_m -> public.new_m', 'view public.moving -> app.moving', 'view public.old_v -> public.new_v'],
  },
  {
    kind: 'function',
    name: 'functions and procedures: created, replaced, altered (ALTER FUNCTION), renamed, moved, dropped',
    before: `CREATE SCHEMA app;
      CREATE FUNCTION old_f(int) RETURNS int LANGUAGE sql AS 'SELECT $1';
      CREATE FUNCTION gone_f() RETURNS int LANGUAGE sql AS 'SELECT 1';
      CREATE FUNCTION chg_f() RETURNS int LANGUAGE sql AS 'SELECT 1';
      CREATE FUNCTION moving() RETURNS int LANGUAGE sql AS 'SELECT 1';
      CREATE PROCEDURE old_p() LANGUAGE sql AS 'SELECT 1';
      CREATE PROCEDURE gone_p() LANGUAGE sql AS 'SELECT 1';`,
    after: `ALTER FUNCTION old_f(int) RENAME TO new_f; DROP FUNCTION gone_f();
      CREATE OR REPLACE FUNCTION chg_f() RETURNS int LANGUAGE sql AS 'SELECT 2'; ALTER FUNCTION chg_f() STABLE STRICT SET search_path = public;
      ALTER FUNCTION moving() SET SCHEMA app;
      ALTER PROCEDURE old_p() RENAME TO new_p; DROP PROCEDURE gone_p();
      CREATE FUNCTION made_f(a text, b text DEFAULT 'x') RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT a || b';`,
    differences: [
      'missing function app.moving()',
      'different function public.chg_f()',
      'extra function public.gone_f()',
      'extra function public.gone_p()',
      'missing function public.made_f(text, text)',
      'extra function public.moving()',
      'missing function public.new_f(integer)',
      'missing function public.new_p()',
      'extra function public.old_f(integer)',
      'extra function public.old_p()',
    ],
    renames: ['function public.moving -> app.moving', 'function public.old_f -> public.new_f', 'function public.old_p -> public.new_p'],
  },
  {
    kind: 'trigger',
    name: 'triggers: created, replaced, disabled / enabled (REPLICA, ALWAYS), renamed, dropped',
    before: `CREATE TABLE t (id int, n int);
      CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
      CREATE TRIGGER old_tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();
      CREATE TRIGGER gone_tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();
      CREATE TRIGGER chg_tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();
      CREATE TRIGGER dis_tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();
      CREATE TRIGGER rep_tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();`,
    after: `ALTER TRIGGER old_tr ON t RENAME TO new_tr; DROP TRIGGER gone_tr ON t;
      CREATE OR REPLACE TRIGGER chg_tr BEFORE UPDATE OF n ON t FOR EACH ROW WHEN (NEW.n IS DISTINCT FROM OLD.n) EXECUTE FUNCTION f();
      CREATE TRIGGER made_tr AFTER DELETE ON t FOR EACH STATEMENT EXECUTE FUNCTION f();
      ALTER TABLE t DISABLE TRIGGER dis_tr, ENABLE REPLICA TRIGGER rep_tr, ENABLE ALWAYS TRIGGER made_tr;`,
    differences: [
      'different trigger public.t.chg_tr',
      'different trigger public.t.dis_tr',
      'extra trigger public.t.gone_tr',
      'missing trigger public.t.made_tr',
      'missing trigger public.t.new_tr',
      'extra trigger public.t.old_tr',
      'different trigger public.t.rep_tr',
    ],
    renames: ['trigger public.t.old_tr -> public.t.new_tr'],
  },
  {
    kind: 'rule',
    name: 'rules: disabled / enabled (REPLICA, ALWAYS) in place, replaced keeping a live state, created disabled',
    before: `CREATE TABLE t (id int); CREATE TABLE log (id int);
      CREATE RULE dis_r AS ON INSERT TO t DO ALSO INSERT INTO log VALUES (NEW.id);
      CREATE RULE rep_r AS ON UPDATE TO t DO ALSO INSERT INTO log VALUES (NEW.id);
      CREATE RULE off_r AS ON DELETE TO t DO ALSO INSERT INTO log VALUES (OLD.id);
      CREATE RULE chg_r AS ON INSERT TO log DO ALSO NOTHING;
      ALTER TABLE t DISABLE RULE off_r; ALTER TABLE log DISABLE RULE chg_r;`,
    after: `ALTER TABLE t DISABLE RULE dis_r, ENABLE REPLICA RULE rep_r, ENABLE RULE off_r;
      CREATE OR REPLACE RULE chg_r AS ON INSERT TO log WHERE NEW.id > 0 DO ALSO NOTHING;
      CREATE TABLE u (id int); CREATE RULE made_r AS ON DELETE TO u DO INSTEAD NOTHING; ALTER TABLE u ENABLE ALWAYS RULE made_r;`,
    differences: [
      'missing table public.u',
      'different rule public.log.chg_r',
      'different rule public.t.dis_r',
      'different rule public.t.off_r',
      'different rule public.t.rep_r',
      'missing rule public.u.made_r',
    ],
  },
  {
    kind: 'comment',
    name: 'comments: set, changed and removed on schemas, tables, columns, indexes, sequences, views, functions, types, constraints, triggers',
    before: `CREATE SCHEMA app; CREATE TABLE t (id int CONSTRAINT t_pk PRIMARY KEY, c int); CREATE SEQUENCE s; CREATE VIEW v AS SELECT id FROM t;
      CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
      CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f(); CREATE TYPE e AS ENUM ('x');
      COMMENT ON TABLE t IS 'old'; COMMENT ON COLUMN t.c IS 'gone'; COMMENT ON VIEW v IS 'view';
      COMMENT ON SEQUENCE s IS 'seq'; COMMENT ON TYPE e IS 'enum';`,
    after: `COMMENT ON TABLE t IS 'new'; COMMENT ON COLUMN t.c IS NULL; COMMENT ON COLUMN t.id IS 'made';
      COMMENT ON SCHEMA app IS 'the app'; COMMENT ON CONSTRAINT t_pk ON t IS 'key';
      CREATE INDEX t_c ON t (c); COMMENT ON INDEX t_c IS 'c index';
      COMMENT ON SEQUENCE s IS NULL; COMMENT ON VIEW v IS 'view, changed'; COMMENT ON FUNCTION f() IS 'fn';
      COMMENT ON TRIGGER tr ON t IS 'trg'; COMMENT ON TYPE e IS '';`,
    differences: [
      'different schema app',
      'different enum public.e',
      'different sequence public.s',
      'different table public.t',
      'different column public.t.c',
      'different column public.t.id',
      'different constraint public.t.t_pk',
      'missing index public.t_c',
      'different view public.v',
      'different function public.f()',
      'different trigger public.t.tr',
    ],
  },
];

describe('attributes PostgreSQL stores are modelled: replay, check, apply (pg_dump oracle)', () => {
  runCases(CASES.map((c) => ({ ...c, revisions: [c.desired] })));
});

describe('each object kind: create, alter, rename, drop; replay, check, apply (pg_dump oracle)', () => {
  runCases(KIND_CASES.map((c) => ({ name: c.name, live: c.before, revisions: [c.before, c.after], differences: c.differences, renames: c.renames ?? [] })));
});

/** A case as the runner takes it: the live database's SQL and the history's revisions. */
interface RunCase {
  readonly name: string;
  readonly live: string;
  readonly revisions: readonly string[];
  readonly drift?: boolean;
  readonly differences?: readonly string[];
  readonly renames?: readonly string[];
  readonly verify?: AttributeCase['verify'];
}

/** Registers one test per case, judged by golden replay, drift and convergence (see AttributeCase). */
function runCases(cases: readonly RunCase[]): void {
  const databases: FreshDatabase[] = [];
  const fresh = async (): Promise<FreshDatabase> => {
    const f = await freshDatabase();
    databases.push(f);
    return f;
  };
  afterEach(async () => {
    for (const f of databases.splice(0)) await f.drop();
  });

  for (const c of cases) {
    it(c.name, async () => {
      const revisions = revisionsFromSql('attributes', c.revisions);
      const result = replay(revisions);
      expect(result.diagnostics).toEqual([]);
      const target = result.state;

      // golden replay: what PostgreSQL builds from the history equals the replayed state
      const built = await fresh();
      await runMigrations(built.db, revisions);
      expect(compareStates(target, await introspect(built.db))).toEqual([]);
      const expected = await pgDumpSchema(built.url);

      // drift: `check` sees that the live database is not the target
      const live = await fresh();
      await live.db.exec(c.live);
      const differences = compareStates(target, await introspect(live.db));
      if (c.differences) expect(differences.map((d) => `${d.kind} ${d.object} ${d.name}`)).toEqual(c.differences);
      else if (c.drift === false) expect(differences).toEqual([]);
      else expect(differences).not.toEqual([]);

      // convergence: same pg_dump as the directly built database, then nothing left to do
      const applied = await apply(live.db, target, { allowDestructive: true });
      expect(applied.plan.skipped).toEqual([]);
      if (c.renames) expect(applied.plan.changes.flatMap((x) => (x.kind === 'rename' ? [`${x.object} ${refText(x.from)} -> ${refText(x.to)}`] : [])).sort()).toEqual(c.renames);
      const difference = dumpDifference(expected, await pgDumpSchema(live.url), ['built from the migrations', 'converged']);
      expect(difference ?? 'same pg_dump').toBe('same pg_dump');
      const after = await introspect(live.db);
      expect(compareStates(target, after)).toEqual([]);
      expect(diff(target, after).changes).toEqual([]);
      if (c.verify) expect(await live.db.query(c.verify.sql)).toEqual(c.verify.rows);
    });
  }
}

/** A history reference as the rename expectations spell it: `schema.[parent.]name`. */
const refText = (r: { schema: string; parent?: string; name: string }): string => [r.schema, r.parent, r.name].filter((x) => x !== undefined).join('.');
