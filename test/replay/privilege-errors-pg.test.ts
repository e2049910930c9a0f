import { describe, expect, it } from 'vitest';
import { replay } from '../../src/replay/index.js';
import { refusedLikePostgres, type RefusedCase } from '../support/refused-like-postgres.js';
import { freshDatabase } from '../support/database.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

/** Privilege statements PostgreSQL refuses: replay must report an error for each, as the server does. */
const REFUSED: readonly RefusedCase[] = [
  { name: 'column privileges ON SEQUENCE', sql: 'CREATE SEQUENCE q; GRANT SELECT (last_value) ON SEQUENCE q TO PUBLIC;', message: /column privileges are only valid for relations/ },
  { name: 'column privileges ON SCHEMA', sql: 'CREATE SCHEMA app; GRANT USAGE (a) ON SCHEMA app TO PUBLIC;', message: /column privileges are only valid for relations/ },
  { name: 'column privileges ON FUNCTION', sql: `CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'; GRANT EXECUTE (a) ON FUNCTION f() TO PUBLIC;`, message: /column privileges are only valid for relations/ },
  { name: 'column privileges ON TYPE', sql: `CREATE TYPE mood AS ENUM ('a'); GRANT USAGE (a) ON TYPE mood TO PUBLIC;`, message: /column privileges are only valid for relations/ },
  { name: 'a column a sequence lacks, named ON TABLE', sql: 'CREATE SEQUENCE q; GRANT SELECT (a) ON q TO PUBLIC;', message: /column "a" of relation "q" does not exist/ },
  { name: 'GRANT on the array type of an enum', sql: `CREATE TYPE mood AS ENUM ('a'); GRANT USAGE ON TYPE _mood TO PUBLIC;`, message: /cannot set privileges of array types/ },
  { name: 'ALTER TYPE .. OWNER TO of a range\'s array type', sql: 'CREATE TYPE span AS RANGE (SUBTYPE = int4); ALTER TYPE _span OWNER TO CURRENT_USER;', message: /cannot alter array type (public\.)?span\[\]/ },
  { name: 'ALTER TYPE .. OWNER TO of a table\'s row type', sql: 'CREATE TABLE t (a int); ALTER TYPE t OWNER TO CURRENT_USER;', message: /t is a table's row type/ },
  { name: 'a column a view lacks', sql: 'CREATE VIEW v AS SELECT 1 AS a; GRANT SELECT (b) ON v TO PUBLIC;', message: /column "b" of relation "v" does not exist/ },
  { name: 'a column a materialized view lacks, in a REVOKE', sql: 'CREATE MATERIALIZED VIEW mv AS SELECT 1 AS a; REVOKE SELECT (b) ON mv FROM PUBLIC;', message: /column "b" of relation "mv" does not exist/ },
  { name: 'ALTER TYPE .. OWNER TO of a view\'s row type', sql: 'CREATE VIEW v AS SELECT 1 AS x; ALTER TYPE v OWNER TO CURRENT_USER;', message: /v is a table's row type/ },
];

describe('replay refuses the privilege statements PostgreSQL refuses', () => {
  refusedLikePostgres(REFUSED);

  it('types the model does not keep: a warning saying why, for what PostgreSQL accepts', async () => {
    const f = await freshDatabase();
    try {
      const sql = `CREATE TYPE shell; CREATE TYPE span AS RANGE (SUBTYPE = int4); CREATE TABLE t (a int);
        GRANT USAGE ON TYPE int4 TO PUBLIC; GRANT USAGE ON TYPE span_multirange TO PUBLIC; GRANT USAGE ON TYPE t TO PUBLIC;
        ALTER TYPE span_multirange OWNER TO CURRENT_USER; ALTER TYPE shell OWNER TO CURRENT_USER;`;
      await runMigrations(f.db, revisionsFromSql('types', [sql]));
      const r = replay(revisionsFromSql('types', [sql]));
      expect(r.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual([
        expect.stringMatching(/^warning: not modelled: CREATE TYPE \(a shell type\) statement .*: not managed by schema-sync: a base type is made of input and output functions written in C/),
        expect.stringMatching(/^warning: not modelled: GRANT \/ REVOKE on type public\.int4: .*a built-in type, an extension's, or a base type \(CREATE TYPE with input and output functions written in C/),
        expect.stringMatching(/^warning: not modelled: GRANT \/ REVOKE on type public\.span_multirange: the multirange type of range type public\.span/),
        expect.stringMatching(/^warning: not modelled: GRANT \/ REVOKE on type public\.t: the row type of relation public\.t/),
        expect.stringMatching(/^warning: not modelled: ALTER TYPE public\.span_multirange OWNER TO: the multirange type/),
        expect.stringMatching(/^warning: not modelled: ALTER TYPE public\.shell OWNER TO: .*a base type/),
      ]);
    } finally {
      await f.drop();
    }
  });

  it('column privileges on views and materialized views are modelled, next to the statement\'s other privileges', () => {
    const r = replay(revisionsFromSql('modelled', ['CREATE VIEW v AS SELECT 1 AS a; CREATE MATERIALIZED VIEW mv AS SELECT 1 AS a; GRANT SELECT (a), UPDATE ON v, mv TO PUBLIC;']));
    expect(r.diagnostics).toEqual([]);
    for (const name of ['v', 'mv']) {
      expect(r.state.views.get(`public.${name}`)?.grants).toEqual([{ grantee: 'PUBLIC', privilege: 'UPDATE', grantable: false }]);
      expect(r.state.views.get(`public.${name}`)?.columnGrants).toEqual([{ name: 'a', grants: [{ grantee: 'PUBLIC', privilege: 'SELECT', grantable: false }] }]);
    }
  });

  it('column privileges on a view whose output columns cannot be told: a warning that says why; the statement\'s other privileges apply', () => {
    const r = replay(revisionsFromSql('warned', ['CREATE VIEW v AS SELECT * FROM generate_series(1, 2); GRANT SELECT (generate_series), UPDATE ON v TO PUBLIC;']));
    expect(r.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual([
      expect.stringMatching(/^warning: not modelled: column privileges on view public\.v: its output columns cannot be told from its query/),
    ]);
    expect(r.state.views.get('public.v')?.grants).toEqual([{ grantee: 'PUBLIC', privilege: 'UPDATE', grantable: false }]);
  });

  it('column privileges on a sequence\'s own columns: a warning that says why', () => {
    const r = replay(revisionsFromSql('warned', ['CREATE SEQUENCE q; GRANT SELECT (last_value) ON q TO PUBLIC;']));
    expect(r.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual([
      expect.stringMatching(/^warning: not modelled: column privileges on sequence public\.q: its columns \(last_value, log_cnt, is_called\) are the sequence's state/),
    ]);
  });
});
