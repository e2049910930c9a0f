import { describe, expect, it } from 'vitest';
import { replay } from '../../src/replay/index.js';
import { perTestResources } from '../support/cleanups.js';
import { convergesFromEachRevision } from '../support/converge-with-oracle.js';
import { refusedLikePostgres, type RefusedCase } from '../support/refused-like-postgres.js';
import { revisionsFromSql } from '../support/run-migrations.js';

const { db } = perTestResources();

const ROUTINES = `CREATE SCHEMA s;
  CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS 'SELECT 1';
  CREATE FUNCTION f(text) RETURNS int LANGUAGE sql AS 'SELECT 2';
  CREATE PROCEDURE p(int) LANGUAGE sql AS 'SELECT 1';
  CREATE AGGREGATE ag(int) (SFUNC = int4pl, STYPE = int);`;

/**
 * ROUTINE statements (PostgreSQL 11+) act on whichever function, procedure or aggregate the
 * signature names: RENAME, SET SCHEMA, SET / SECURITY, COMMENT, GRANT / REVOKE and DROP of each.
 */
const HISTORY = revisionsFromSql('routines', [
  `${ROUTINES}
   CREATE FUNCTION dropped(int) RETURNS int LANGUAGE sql AS 'SELECT 1';
   CREATE PROCEDURE dropped_proc() LANGUAGE sql AS 'SELECT 1';
   CREATE AGGREGATE dropped_agg(int) (SFUNC = int4pl, STYPE = int);`,
  `ALTER ROUTINE f(int) RENAME TO g;
   ALTER ROUTINE p RENAME TO p2;
   ALTER ROUTINE ag(int) RENAME TO ag2;
   ALTER ROUTINE g(int) SET SCHEMA s;
   ALTER ROUTINE ag2(int) SET SCHEMA s;
   ALTER ROUTINE s.g(int) SET search_path = public;
   ALTER ROUTINE p2(int) SECURITY DEFINER;
   COMMENT ON ROUTINE s.ag2(int) IS 'an aggregate';
   COMMENT ON ROUTINE p2 IS 'a procedure';
   REVOKE EXECUTE ON ROUTINE f(text) FROM PUBLIC;`,
  `DROP ROUTINE dropped(int), dropped_proc;
   DROP ROUTINE dropped_agg(int);
   DROP ROUTINE IF EXISTS nope(int);
   DROP ROUTINE IF EXISTS nope;`,
]);

describe('ALTER / COMMENT ON / GRANT ON / DROP ROUTINE converge (judged by pg_dump with privileges)', () => {
  convergesFromEachRevision(HISTORY, db, { privileges: true });

  it('replays each ROUTINE statement on the kind the signature names', () => {
    const { state, diagnostics } = replay(HISTORY);
    expect(diagnostics).toEqual([]);
    expect([...state.functions.keys()].sort()).toEqual(['public.f(text)', 'public.p2(integer)', 's.g(integer)']);
    expect([...state.aggregates.keys()]).toEqual(['s.ag2(integer)']);
    expect(state.aggregates.get('s.ag2(integer)')?.comment).toBe('an aggregate');
    expect(state.functions.get('public.p2(integer)')).toMatchObject({ kind: 'procedure', comment: 'a procedure', securityDefiner: true });
    expect(state.functions.get('s.g(integer)')?.config).toEqual(['search_path TO \'public\'']);
  });
});

/** What PostgreSQL refuses when FUNCTION, PROCEDURE or ROUTINE names the wrong kind, or nothing. */
const REFUSED: readonly RefusedCase[] = [
  { name: 'ALTER FUNCTION .. RENAME of a procedure, without arguments', sql: `${ROUTINES} ALTER FUNCTION p RENAME TO q;`, message: /could not find a function named "p"/ },
  { name: 'ALTER PROCEDURE .. RENAME of a function', sql: `${ROUTINES} ALTER PROCEDURE f(int) RENAME TO q;`, message: /f\(integer\) is not a procedure/ },
  { name: 'ALTER ROUTINE .. RENAME of an overloaded name', sql: `${ROUTINES} ALTER ROUTINE f RENAME TO q;`, message: /routine name "f" is not unique/ },
  { name: 'ALTER ROUTINE .. RENAME onto an existing signature', sql: `${ROUTINES} ALTER ROUTINE f(int) RENAME TO p;`, message: /function p\(integer\) already exists in schema "public"/ },
  { name: 'ALTER ROUTINE .. SET of an aggregate', sql: `${ROUTINES} ALTER ROUTINE ag(int) SET search_path = public;`, message: /"ag" is an aggregate function/ },
  { name: 'ALTER FUNCTION .. SET of a procedure', sql: `${ROUTINES} ALTER FUNCTION p(int) SET search_path = public;`, message: /p\(integer\) is not a function/ },
  { name: 'ALTER ROUTINE .. SET SCHEMA into a missing schema', sql: `${ROUTINES} ALTER ROUTINE ag(int) SET SCHEMA nope;`, message: /schema "nope" does not exist/ },
  { name: 'COMMENT ON FUNCTION of a procedure', sql: `${ROUTINES} COMMENT ON FUNCTION p IS 'x';`, message: /could not find a function named "p"/ },
  { name: 'DROP FUNCTION of a procedure', sql: `${ROUTINES} DROP FUNCTION p(int);`, message: /p\(integer\) is not a function/ },
  { name: 'DROP ROUTINE of a missing routine', sql: `${ROUTINES} DROP ROUTINE nope(int);`, message: /function (public\.)?nope\(integer\) does not exist/ },
];

describe('replay refuses the ROUTINE statements PostgreSQL refuses', () => {
  refusedLikePostgres(REFUSED);
});
