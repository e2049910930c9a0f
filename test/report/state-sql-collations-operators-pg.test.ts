import { expect, it } from 'vitest';
import { compareStates } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { renderStateSql } from '../../src/report/state-sql.js';
import { replay } from '../../src/replay/index.js';
import { perTestResources } from '../support/cleanups.js';
import { revisionsFromSql } from '../support/run-migrations.js';

const { db } = perTestResources();

it('the state dump of collations and operators (links, estimators, comments, users) builds the same objects on PostgreSQL', async () => {
  const result = replay(revisionsFromSql('dump', [
    `CREATE SCHEMA app;
     CREATE COLLATION app.mixed (lc_collate = 'C', lc_ctype = 'POSIX');
     CREATE COLLATION c_sort FROM "C";
     COMMENT ON COLLATION c_sort IS 'bytes';
     CREATE FUNCTION int_eq(a int, b int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT a = b';
     CREATE FUNCTION int_ne(a int, b int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT a <> b';
     CREATE OPERATOR === (FUNCTION = int_eq, LEFTARG = int, RIGHTARG = int, COMMUTATOR = ===, NEGATOR = !==, RESTRICT = eqsel, JOIN = eqjoinsel, MERGES);
     CREATE OPERATOR !== (FUNCTION = int_ne, LEFTARG = int, RIGHTARG = int, NEGATOR = ===);
     COMMENT ON OPERATOR !== (int, int) IS 'differs';
     CREATE TABLE t (a int, b int, s text COLLATE app.mixed, CHECK (a === a));
     CREATE INDEX t_s ON t (s COLLATE c_sort) WHERE a !== b;
     CREATE VIEW v AS SELECT a FROM t WHERE a === b;`,
  ]));
  expect(result.diagnostics).toEqual([]);
  const f = await db();
  await f.db.exec(renderStateSql(result.state));
  const live = await introspect(f.db);
  expect(live.operators.size).toBe(2);
  expect(live.collations.size).toBe(2);
  expect(compareStates(result.state, live)).toEqual([]);
});
