import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { perTestResources } from '../support/cleanups.js';
import { convergesFromEachRevision, replayedClean } from '../support/converge-with-oracle.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

const { db } = perTestResources();

/**
 * Sub-selects inside policy expressions, SQL-standard bodies and rules: the catalog prints their
 * output columns with names (`max(id) AS max`), qualifies their columns, renames a FROM item
 * that clashes with the policy's table, a rule action's target or an outer level (`FROM t t_1`)
 * and expands `*` (frozen: u's later column stays out), none of which a migration writes.
 * Compared as written, every plan rebuilt them (and a rule's `UPDATE .. SET n = (SELECT max(v)
 * AS m ..)` was printed `(SELECT m = max(v) ..)` by the deparser).
 */
const HISTORY = [
  `CREATE TABLE t (id int PRIMARY KEY, owner text, n int);
   CREATE TABLE u (id int, tid int, v int);
   ALTER TABLE t ENABLE ROW LEVEL SECURITY;
   CREATE POLICY p_max ON t USING (id = (SELECT max(id) FROM t));
   CREATE POLICY p_in ON t USING (id IN (SELECT tid FROM u WHERE v > 3));
   CREATE POLICY p_exists ON t USING (EXISTS (SELECT 1 FROM u WHERE u.tid = t.id AND u.v = 5));
   CREATE POLICY p_count ON t FOR INSERT WITH CHECK (n < (SELECT count(*) FROM u x WHERE x.tid = n));
   CREATE POLICY p_clash ON t USING (EXISTS (SELECT 1 FROM t t WHERE t.id = 1));
   CREATE POLICY p_named ON t USING (EXISTS (SELECT 1 AS one FROM u));
   CREATE POLICY p_sum ON t USING (n = (SELECT u.v + 1 FROM u LIMIT 1));
   CREATE POLICY p_union ON t USING (n IN (SELECT 1 UNION SELECT v FROM u));
   CREATE POLICY p_array ON t USING (n = ANY (ARRAY(SELECT v FROM u)));
   CREATE POLICY p_nested ON t USING (EXISTS (SELECT 1 FROM u WHERE u.v = (SELECT max(n) FROM t)));
   CREATE POLICY p_star ON t USING (EXISTS (SELECT * FROM u));
   CREATE FUNCTION f_max(a int) RETURNS int LANGUAGE sql RETURN (SELECT max(id) FROM t WHERE n > a);
   CREATE FUNCTION f_in(a int) RETURNS bool LANGUAGE sql RETURN a IN (SELECT tid FROM u WHERE v = 3);
   CREATE FUNCTION f_clash(a int) RETURNS int LANGUAGE sql RETURN (SELECT max(id) FROM t WHERE EXISTS (SELECT 1 FROM t WHERE n = a));
   CREATE FUNCTION f_exists(a int) RETURNS bool LANGUAGE sql BEGIN ATOMIC SELECT EXISTS (SELECT 1 FROM t WHERE id = a); END;
   CREATE PROCEDURE p_set(a int) LANGUAGE sql BEGIN ATOMIC UPDATE t SET n = (SELECT max(n) AS m FROM t); END;
   CREATE RULE r_big AS ON INSERT TO u WHERE new.v > (SELECT max(n) FROM t) DO ALSO UPDATE t SET n = (SELECT max(v) FROM u u2) WHERE id = new.tid;
   CREATE TABLE w (id int, n int);
   CREATE RULE r_upd AS ON UPDATE TO w WHERE new.n > (SELECT max(n) FROM t) DO ALSO UPDATE t SET n = (SELECT max(n) AS top FROM t) WHERE id = new.id;
   CREATE RULE r_ins AS ON DELETE TO w WHERE old.n > (SELECT max(n) FROM t) DO ALSO INSERT INTO t VALUES (1, 'x', (SELECT max(n) FROM t));
   CREATE RULE r_sel AS ON INSERT TO w WHERE new.n > (SELECT max(n) FROM t) DO ALSO INSERT INTO t SELECT id, 'y', n FROM t WHERE n = (SELECT max(n) FROM t);
   CREATE RULE r_none AS ON INSERT TO w WHERE new.n > (SELECT max(n) FROM w) DO INSTEAD NOTHING;
   CREATE RULE r_del AS ON INSERT TO w WHERE new.n < (SELECT min(n) FROM w) DO ALSO DELETE FROM w WHERE n IN (SELECT n FROM w);`,
  `DROP POLICY p_in ON t;
   CREATE POLICY p_in ON t USING (id IN (SELECT tid FROM u WHERE v > 4));
   CREATE OR REPLACE FUNCTION f_max(a int) RETURNS int LANGUAGE sql RETURN (SELECT max(id) FROM t WHERE n > a + 1);
   ALTER TABLE u ADD COLUMN extra int;`,
];

describe('sub-selects in policies, SQL-standard bodies and rules converge (pg_dump oracle)', () => {
  const history = revisionsFromSql('subquery_exprs', HISTORY);
  convergesFromEachRevision(history, db);

  it('a changed constant inside a sub-select is still planned, and only that', async () => {
    const f = await db();
    await runMigrations(f.db, history.slice(0, 1));
    const changes = diff(replayedClean(history), await introspect(f.db)).changes;
    const sql = (await apply(f.db, replayedClean(history), { allowDestructive: true })).plan.steps.map((s) => s.sql).join('\n');
    expect(changes.length).toBeGreaterThan(0);
    expect(sql).toMatch(/v > 4/);
    expect(sql).toMatch(/a \+ 1/);
    expect(sql).not.toMatch(/p_max|p_exists|p_count|p_clash|p_named|p_sum|p_union|p_array|p_nested|p_star|f_in|f_clash|f_exists|p_set|r_big|r_upd|r_ins|r_sel|r_none|r_del/);
    expect(diff(replayedClean(history), await introspect(f.db)).changes).toEqual([]);
  });
});

/** The policy's table renamed: its sub-selects over it print the new name, and give way to it (`FROM t2 t2_1`). */
const RENAMED = [
  `CREATE TABLE t (id int PRIMARY KEY, n int);
   ALTER TABLE t ENABLE ROW LEVEL SECURITY;
   CREATE POLICY p_max ON t USING (id = (SELECT max(id) FROM t));
   CREATE POLICY p_clash ON t USING (EXISTS (SELECT 1 FROM t t WHERE t.id = 1));
   CREATE POLICY p_star ON t FOR INSERT WITH CHECK (EXISTS (SELECT * FROM t WHERE n > 0));`,
  `ALTER TABLE t RENAME TO t2;`,
];

describe('sub-selects in policies over their own renamed table converge (pg_dump oracle)', () => {
  convergesFromEachRevision(revisionsFromSql('subquery_renamed', RENAMED), db);
});
