import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { perTestResources } from '../support/cleanups.js';
import { convergesFromEachRevision, replayedClean } from '../support/converge-with-oracle.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

const { db } = perTestResources();

/**
 * A table, a sequence, a type and a function each moved by ALTER .. SET SCHEMA while views,
 * defaults, checks, indexes and a policy elsewhere name them: PostgreSQL holds their OIDs, so the
 * references print the new schema, and the plan from before the moves must end there too.
 */
const HISTORY = [
  `CREATE SCHEMA s;
   CREATE TYPE mood AS ENUM ('sad', 'ok');
   CREATE SEQUENCE counter;
   CREATE FUNCTION plus1(x int) RETURNS int LANGUAGE sql IMMUTABLE RETURN x + 1;
   CREATE TABLE t (id int PRIMARY KEY, m mood DEFAULT 'ok', n int DEFAULT nextval('counter'), p int DEFAULT plus1(1));
   CREATE TABLE c (id int, tid int REFERENCES t (id), CHECK (plus1(id) > 0));
   CREATE INDEX c_expr ON c (plus1(id));
   CREATE VIEW v AS SELECT t.id, plus1(t.id) AS p, t.m FROM t JOIN c ON c.tid = t.id WHERE t.m <> 'sad'::mood;
   ALTER TABLE c ENABLE ROW LEVEL SECURITY;
   CREATE POLICY pc ON c USING (tid IN (SELECT id FROM t));
   INSERT INTO t (id) VALUES (1);
   INSERT INTO c VALUES (1, 1);`,
  `ALTER TABLE t SET SCHEMA s;
   ALTER SEQUENCE counter SET SCHEMA s;
   ALTER TYPE mood SET SCHEMA s;
   ALTER FUNCTION plus1(int) SET SCHEMA s;`,
];

describe('ALTER .. SET SCHEMA with references elsewhere converges (pg_dump oracle)', () => {
  const history = revisionsFromSql('set_schema_refs', HISTORY);
  convergesFromEachRevision(history, db);

  it('from revision 1: the objects are moved, not recreated, keeping the rows; nothing left to plan', async () => {
    const f = await db();
    await runMigrations(f.db, history.slice(0, 1));
    await apply(f.db, replayedClean(history), { allowDestructive: true });
    expect(await f.db.query(`SELECT id, m::text, n, p FROM s.t`)).toEqual([{ id: 1, m: 'ok', n: 1, p: 2 }]);
    expect(await f.db.query(`SELECT id, tid FROM c`)).toEqual([{ id: 1, tid: 1 }]);
    expect(diff(replayedClean(history), await introspect(f.db)).changes).toEqual([]);
  });
});
