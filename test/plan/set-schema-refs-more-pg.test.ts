import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { perTestResources } from '../support/cleanups.js';
import { convergesFromEachRevision, replayedClean } from '../support/converge-with-oracle.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

const { db } = perTestResources();

/**
 * An aggregate, an operator and a collation each moved by ALTER .. SET SCHEMA while views,
 * defaults, checks, index keys, a policy, a domain and a SQL-standard body name them: PostgreSQL
 * holds their OIDs, so the catalog prints `s.total(..)`, `OPERATOR(s.===)` and `COLLATE s.c_sort`.
 */
const HISTORY = [
  `CREATE SCHEMA s;
   CREATE FUNCTION add2(int, int) RETURNS int LANGUAGE sql IMMUTABLE RETURN $1 + $2;
   CREATE AGGREGATE total(int) (SFUNC = add2, STYPE = int, INITCOND = '0');
   CREATE FUNCTION int_eq(int, int) RETURNS boolean LANGUAGE sql IMMUTABLE RETURN $1 = $2;
   CREATE FUNCTION int_ne(int, int) RETURNS boolean LANGUAGE sql IMMUTABLE RETURN $1 <> $2;
   CREATE OPERATOR === (FUNCTION = int_eq, LEFTARG = int, RIGHTARG = int, COMMUTATOR = ===, NEGATOR = !==);
   CREATE OPERATOR !== (FUNCTION = int_ne, LEFTARG = int, RIGHTARG = int);
   CREATE COLLATION c_sort (locale = 'C');
   CREATE DOMAIN word AS text COLLATE c_sort;
   CREATE TABLE t (id int PRIMARY KEY, name text COLLATE c_sort, other text, w word,
     flag boolean DEFAULT (1 === 1), label text DEFAULT ('x' COLLATE c_sort),
     CHECK (id === id), CHECK ((other COLLATE c_sort) > ''));
   CREATE INDEX t_op ON t ((id === 1));
   CREATE INDEX t_coll ON t (other COLLATE c_sort);
   CREATE INDEX t_where ON t (id) WHERE id === 2;
   CREATE VIEW v AS SELECT total(id) AS sum, bool_or(id === 1) AS one, min(other COLLATE c_sort) AS least FROM t;
   ALTER TABLE t ENABLE ROW LEVEL SECURITY;
   CREATE POLICY p ON t USING (id === id);
   CREATE FUNCTION counted() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT total(id) FROM t WHERE id === 1 AND (name COLLATE c_sort) > ''; END;
   INSERT INTO t (id, name, other) VALUES (1, 'a', 'b');`,
  `ALTER AGGREGATE total(int) SET SCHEMA s;
   ALTER OPERATOR === (int, int) SET SCHEMA s;
   ALTER COLLATION c_sort SET SCHEMA s;`,
];

describe('ALTER AGGREGATE / OPERATOR / COLLATION .. SET SCHEMA with references elsewhere converges (pg_dump oracle)', () => {
  const history = revisionsFromSql('set_schema_refs_more', HISTORY);
  convergesFromEachRevision(history, db);

  it('from revision 1: the objects are moved (not dropped and created), keeping the rows; nothing left to plan', async () => {
    const f = await db();
    await runMigrations(f.db, history.slice(0, 1));
    const { plan } = await apply(f.db, replayedClean(history), { allowDestructive: true });
    const sql = plan.steps.map((s) => s.sql).join('\n');
    expect(sql).toContain('ALTER OPERATOR public.=== (integer, integer) SET SCHEMA s;');
    expect(sql).toContain('ALTER AGGREGATE public.total(integer) SET SCHEMA s;');
    expect(sql).toContain('ALTER COLLATION public.c_sort SET SCHEMA s;');
    expect(sql).not.toMatch(/DROP (OPERATOR|AGGREGATE|COLLATION)/);
    expect(await f.db.query(`SELECT id, name, other FROM t`)).toEqual([{ id: 1, name: 'a', other: 'b' }]);
    expect(diff(replayedClean(history), await introspect(f.db)).changes).toEqual([]);
  });
});
