import { describe, expect, it } from 'vitest';
import { replay } from '../../src/replay/index.js';
import { refusedLikePostgres, type RefusedCase } from '../support/refused-like-postgres.js';
import { revisionsFromSql } from '../support/run-migrations.js';

const AGG = `CREATE AGGREGATE total(int) (SFUNC = int4pl, STYPE = int);`;

/** Aggregate and rule statements PostgreSQL refuses: replay must report an error for each, as the server does. */
const REFUSED: readonly RefusedCase[] = [
  { name: 'an aggregate created twice', sql: `${AGG} ${AGG}`, message: /already exists with same argument types/ },
  {
    name: 'an aggregate where a function of the same signature is',
    sql: `CREATE FUNCTION total(int) RETURNS int LANGUAGE sql AS 'SELECT 1'; ${AGG}`,
    message: /already exists with same argument types/,
  },
  { name: 'DROP FUNCTION of an aggregate', sql: `${AGG} DROP FUNCTION total(int);`, message: /is an aggregate function/ },
  {
    name: 'DROP FUNCTION of an aggregate\'s support function',
    sql: `CREATE FUNCTION plus(int, int) RETURNS int LANGUAGE sql AS 'SELECT $1 + $2';
          CREATE AGGREGATE total(int) (SFUNC = plus, STYPE = int); DROP FUNCTION plus(int, int);`,
    message: /cannot drop function plus/,
  },
  { name: 'DROP AGGREGATE a view calls', sql: `${AGG} CREATE TABLE t (a int); CREATE VIEW v AS SELECT total(a) FROM t; DROP AGGREGATE total(int);`, message: /cannot drop function total/ },
  { name: 'DROP AGGREGATE of a missing one', sql: `DROP AGGREGATE total(int);`, message: /does not exist/ },
  { name: 'GRANT ... ON PROCEDURE naming an aggregate', sql: `${AGG} GRANT EXECUTE ON PROCEDURE total(int) TO PUBLIC;`, message: /total\(integer\) is not a procedure/ },
  { name: 'ALTER PROCEDURE .. OWNER TO naming an aggregate', sql: `${AGG} ALTER PROCEDURE total(int) OWNER TO CURRENT_USER;`, message: /total\(integer\) is not a procedure/ },
  {
    name: 'GRANT ... ON FUNCTION without arguments where a function and an aggregate share the name',
    sql: `${AGG} CREATE FUNCTION total(text) RETURNS int LANGUAGE sql AS 'SELECT 1'; GRANT EXECUTE ON FUNCTION total TO PUBLIC;`,
    message: /function name "total" is not unique/,
  },
  { name: 'COMMENT ON PROCEDURE naming an aggregate', sql: `${AGG} COMMENT ON PROCEDURE total(int) IS 'x';`, message: /total\(integer\) is not a procedure/ },
  { name: 'column privileges on an aggregate', sql: `${AGG} GRANT SELECT (a) ON FUNCTION total(int) TO PUBLIC;`, message: /column privileges are only valid for relations/ },
  {
    name: 'a rule created twice on a table',
    sql: `CREATE TABLE t (a int); CREATE RULE r AS ON DELETE TO t DO INSTEAD NOTHING; CREATE RULE r AS ON DELETE TO t DO INSTEAD NOTHING;`,
    message: /rule "r" for relation "t" already exists/,
  },
  { name: 'DROP RULE of a missing rule', sql: `CREATE TABLE t (a int); DROP RULE r ON t;`, message: /rule "r" for relation "t" does not exist/ },
  { name: 'DISABLE RULE of a missing rule', sql: `CREATE TABLE t (a int); ALTER TABLE t DISABLE RULE r;`, message: /rule "r" for relation "t" does not exist/ },
  {
    name: 'ENABLE REPLICA RULE of a rule on another table',
    sql: `CREATE TABLE t (a int); CREATE TABLE u (a int); CREATE RULE r AS ON DELETE TO u DO INSTEAD NOTHING; ALTER TABLE t ENABLE REPLICA RULE r;`,
    message: /rule "r" for relation "t" does not exist/,
  },
  {
    name: 'DISABLE RULE on a view (rules of views cannot be disabled)',
    sql: `CREATE TABLE t (a int); CREATE VIEW v AS SELECT * FROM t; CREATE RULE r AS ON INSERT TO v DO INSTEAD NOTHING; ALTER TABLE v DISABLE RULE r;`,
    message: /cannot be performed on relation "v"/,
  },
  { name: 'a rule on a missing table', sql: `CREATE RULE r AS ON DELETE TO nope DO INSTEAD NOTHING;`, message: /does not exist/ },
];

describe('replay refuses the aggregate and rule statements PostgreSQL refuses', () => {
  refusedLikePostgres(REFUSED);

  it('COMMENT ON FUNCTION and ON ROUTINE name aggregates too', () => {
    const r = replay(revisionsFromSql('comments', [`${AGG} COMMENT ON FUNCTION total(int) IS 'sum'; CREATE AGGREGATE other(int) (SFUNC = int4pl, STYPE = int); COMMENT ON ROUTINE other IS 'more';`]));
    expect(r.diagnostics).toEqual([]);
    expect([...r.state.aggregates.values()].map((a) => [a.name, a.comment])).toEqual([['total', 'sum'], ['other', 'more']]);
  });

  it('warns where it does not model: ON SELECT rules (saying why); a rule follows RENAME COLUMN', () => {
    const r = replay(revisionsFromSql('warned', [
      `${AGG} GRANT EXECUTE ON FUNCTION total(int) TO PUBLIC;
       CREATE TABLE t (a int, b int); CREATE TABLE u (a int, b int);
       CREATE RULE r AS ON INSERT TO t DO ALSO INSERT INTO u VALUES (NEW.a, NEW.b);
       ALTER TABLE u RENAME COLUMN b TO c;
       CREATE RULE s AS ON SELECT TO t DO INSTEAD SELECT 1;`,
    ]));
    expect(r.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual([
      expect.stringMatching(/^warning: not modelled: CREATE RULE \.\. ON SELECT: .*PostgreSQL 16 refuses/),
    ]);
    // The rule follows the rename of u.b (see test/plan/view-details-pg.test.ts).
    expect([...r.state.rules.values()].map((x) => x.actions)).toEqual(['INSERT INTO u (a, c) VALUES (new.a, new.b)']);
  });
});
