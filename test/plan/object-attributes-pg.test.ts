import { afterEach, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { compareStates, diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { replay } from '../../src/replay/index.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';
import { pgDumpSchema } from '../support/pg-dump/pg-dump.js';
import { dumpDifference } from '../support/pg-dump/schema-oracle.js';
import { revisionsFromSql } from '../support/run-migrations.js';

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

describe('attributes PostgreSQL stores are modelled: replay, check, apply (pg_dump oracle)', () => {
  const databases: FreshDatabase[] = [];
  const fresh = async (): Promise<FreshDatabase> => {
    const f = await freshDatabase();
    databases.push(f);
    return f;
  };
  afterEach(async () => {
    for (const f of databases.splice(0)) await f.drop();
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const result = replay(revisionsFromSql('attributes', [c.desired]));
      expect(result.diagnostics).toEqual([]);
      const target = result.state;

      // golden replay: what PostgreSQL builds from `desired` equals the replayed state
      const built = await fresh();
      await built.db.exec(c.desired);
      expect(compareStates(target, await introspect(built.db))).toEqual([]);
      const expected = await pgDumpSchema(built.url);

      // drift: `check` sees that the live database is not the target
      const live = await fresh();
      await live.db.exec(c.live);
      const differences = compareStates(target, await introspect(live.db));
      if (c.drift === false) expect(differences).toEqual([]);
      else expect(differences).not.toEqual([]);

      // convergence: same pg_dump as the directly built database, then nothing left to do
      const applied = await apply(live.db, target, { allowDestructive: true });
      expect(applied.plan.skipped).toEqual([]);
      const difference = dumpDifference(expected, await pgDumpSchema(live.url), ['built from desired', 'converged']);
      expect(difference ?? 'same pg_dump').toBe('same pg_dump');
      const after = await introspect(live.db);
      expect(compareStates(target, after)).toEqual([]);
      expect(diff(target, after).changes).toEqual([]);
      if (c.verify) expect(await live.db.query(c.verify.sql)).toEqual(c.verify.rows);
    });
  }
});
