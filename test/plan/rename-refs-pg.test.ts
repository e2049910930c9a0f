import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { perTestResources } from '../support/cleanups.js';
import { convergesFromEachRevision, replayedClean } from '../support/converge-with-oracle.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

const { db } = perTestResources();

/**
 * Functions (one in public, one in another schema), an aggregate and a collation renamed by
 * ALTER .. RENAME TO while checks, defaults, index keys, a view, a policy and a SQL-standard body
 * use them: PostgreSQL holds their OIDs, so the catalog prints the new names.
 */
const HISTORY = [
  `CREATE SCHEMA s;
   CREATE FUNCTION plus1(x int) RETURNS int LANGUAGE sql IMMUTABLE RETURN x + 1;
   CREATE FUNCTION s.twice(x int) RETURNS int LANGUAGE sql IMMUTABLE RETURN x * 2;
   CREATE AGGREGATE total(int) (SFUNC = int4pl, STYPE = int, INITCOND = '0');
   CREATE COLLATION c1 (locale = 'C');
   CREATE TABLE t (id int PRIMARY KEY, name text COLLATE c1, other text, p int DEFAULT plus1(1),
     CHECK (plus1(id) > 0), CHECK (s.twice(id) > 0), CHECK ((other COLLATE c1) > ''));
   CREATE INDEX t_expr ON t (plus1(id));
   CREATE INDEX t_coll ON t (other COLLATE c1);
   CREATE VIEW v AS SELECT total(id) AS sum, max(s.twice(id)) AS most, min(other COLLATE c1) AS least FROM t;
   CREATE VIEW w AS SELECT plus1(id), s.twice(id) FROM t;
   ALTER TABLE t ENABLE ROW LEVEL SECURITY;
   CREATE POLICY p ON t USING (plus1(id) > 0);
   CREATE FUNCTION counted() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT total(plus1(id)) FROM t WHERE (name COLLATE c1) > ''; END;
   INSERT INTO t (id, name, other) VALUES (1, 'a', 'b');`,
  `ALTER FUNCTION plus1(int) RENAME TO plus_one;
   ALTER FUNCTION s.twice(int) RENAME TO double;
   ALTER AGGREGATE total(int) RENAME TO grand_total;
   ALTER COLLATION c1 RENAME TO c2;`,
];

describe('ALTER FUNCTION / AGGREGATE / COLLATION .. RENAME TO with references elsewhere converges (pg_dump oracle)', () => {
  const history = revisionsFromSql('rename_refs', HISTORY);
  convergesFromEachRevision(history, db);

  it('from revision 1: the objects are renamed (not dropped and created), keeping the rows; nothing left to plan', async () => {
    const f = await db();
    await runMigrations(f.db, history.slice(0, 1));
    const { plan } = await apply(f.db, replayedClean(history), { allowDestructive: true });
    expect(plan.steps.map((s) => s.sql).join('\n')).not.toMatch(/DROP (FUNCTION|AGGREGATE|COLLATION)/);
    expect(await f.db.query(`SELECT id, name, other, p FROM t`)).toEqual([{ id: 1, name: 'a', other: 'b', p: 2 }]);
    expect(diff(replayedClean(history), await introspect(f.db)).changes).toEqual([]);
  });
});
