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
  { name: 'ALTER DOMAIN .. OWNER TO of a table\'s row type', sql: 'CREATE TABLE t (a int); ALTER DOMAIN t OWNER TO CURRENT_USER;', message: /\bt is not a domain/ },
  { name: 'ALTER DOMAIN .. OWNER TO of an array type', sql: 'CREATE TYPE span AS RANGE (SUBTYPE = int4); ALTER DOMAIN _span OWNER TO CURRENT_USER;', message: /\bspan\[\] is not a domain/ },
  { name: 'GRANT ON DOMAIN naming a table\'s row type', sql: 'CREATE TABLE t (a int); GRANT USAGE ON DOMAIN t TO PUBLIC;', message: /"t" is not a domain/ },
  { name: 'GRANT ON DOMAIN naming a multirange type', sql: 'CREATE TYPE span AS RANGE (SUBTYPE = int4); GRANT USAGE ON DOMAIN span_multirange TO PUBLIC;', message: /"span_multirange" is not a domain/ },
  { name: 'ALTER DOMAIN .. OWNER TO of a multirange type', sql: 'CREATE TYPE span AS RANGE (SUBTYPE = int4); ALTER DOMAIN span_multirange OWNER TO CURRENT_USER;', message: /span_multirange is not a domain/ },
  { name: 'GRANT on the array type of a multirange', sql: 'CREATE TYPE span AS RANGE (SUBTYPE = int4); GRANT USAGE ON TYPE _span_multirange TO PUBLIC;', message: /cannot set privileges of array types/ },
  { name: 'ALTER TYPE .. OWNER TO of a multirange\'s array type', sql: 'CREATE TYPE span AS RANGE (SUBTYPE = int4); ALTER TYPE _span_multirange OWNER TO CURRENT_USER;', message: /cannot alter array type (public\.)?span_multirange\[\]/ },
  { name: 'a privilege types lack, on a row type', sql: 'CREATE TABLE t (a int); GRANT SELECT ON TYPE t TO PUBLIC;', message: /invalid privilege type SELECT for type/ },
  { name: 'GRANT ON TYPE naming a shell type', sql: 'CREATE TYPE shell; GRANT USAGE ON TYPE shell TO PUBLIC;', message: /type "shell" is only a shell/ },
  { name: 'GRANT ON TYPE naming a sequence (no row type)', sql: 'CREATE SEQUENCE q; GRANT USAGE ON TYPE q TO PUBLIC;', message: /type "q" does not exist/ },
  { name: 'ALTER TYPE .. OWNER TO naming an index (no row type)', sql: 'CREATE TABLE t (a int); CREATE INDEX ti ON t (a); ALTER TYPE ti OWNER TO CURRENT_USER;', message: /type "ti" does not exist/ },
];

describe('replay refuses the privilege statements PostgreSQL refuses', () => {
  refusedLikePostgres(REFUSED);

  it('types the model does not keep: a warning saying why, for what PostgreSQL accepts', async () => {
    const f = await freshDatabase();
    try {
      const sql = `CREATE TYPE shell; CREATE EXTENSION citext;
        GRANT USAGE ON TYPE int4 TO PUBLIC; REVOKE USAGE ON TYPE pg_catalog.text FROM PUBLIC; GRANT USAGE ON TYPE citext TO PUBLIC;
        ALTER TYPE shell OWNER TO CURRENT_USER;`;
      await runMigrations(f.db, revisionsFromSql('types', [sql]));
      const r = replay(revisionsFromSql('types', [sql]));
      expect(r.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual([
        expect.stringMatching(/^warning: not modelled: CREATE TYPE \(a shell type\) statement .*: not managed by schema-sync: a base type is made of input and output functions written in C/),
        expect.stringMatching(/^warning: not modelled: GRANT \/ REVOKE on type pg_catalog\.int4: a built-in type: it is PostgreSQL's own, in pg_catalog, which schema-sync never introspects or changes/),
        expect.stringMatching(/^warning: not modelled: GRANT \/ REVOKE on type pg_catalog\.text: a built-in type/),
        expect.stringMatching(/^warning: not modelled: GRANT \/ REVOKE on type public\.citext: the history does not create this type: .*presumably an extension's member type \(the history creates extension citext\): it belongs to its extension, which schema-sync manages as a whole/),
        expect.stringMatching(/^warning: not modelled: ALTER TYPE public\.shell OWNER TO: a shell type the history creates, which schema-sync does not model \(a base type is made of input and output functions written in C, a shell type only stands in for one\): apply does not create it, so its owner is neither applied nor checked/),
      ]);
    } finally {
      await f.drop();
    }
  });

  it('a type the history neither creates nor could (no extension): the warning says so', () => {
    const r = replay(revisionsFromSql('types', ['GRANT USAGE ON TYPE app_thing TO PUBLIC; ALTER TYPE app_thing OWNER TO CURRENT_USER;']));
    expect(r.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual([
      expect.stringMatching(/^warning: not modelled: GRANT \/ REVOKE on type public\.app_thing: the history does not create this type: .*, so it exists only if made outside these migrations\. A built-in type lives in pg_catalog/),
      expect.stringMatching(/^warning: not modelled: ALTER TYPE public\.app_thing OWNER TO: the history does not create this type/),
    ]);
  });

  it('a range completing a shell type (for its canonical function) is modelled, grants and owner included', () => {
    const r = replay(revisionsFromSql('types', [`CREATE TYPE span; CREATE TYPE span AS RANGE (SUBTYPE = int4);
      GRANT USAGE ON TYPE span TO PUBLIC; ALTER TYPE span OWNER TO CURRENT_USER;`]));
    expect(r.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual([expect.stringMatching(/^warning: not modelled: CREATE TYPE \(a shell type\)/)]);
  });

  it('multirange and row types are modelled: no warning for GRANT / REVOKE on them nor ALTER TYPE .. OWNER TO a multirange', () => {
    const r = replay(revisionsFromSql('types', [`CREATE TYPE span AS RANGE (SUBTYPE = int4); CREATE TABLE t (a int); CREATE VIEW v AS SELECT 1 AS x;
      GRANT USAGE ON TYPE span_multirange, t, v TO PUBLIC WITH GRANT OPTION; REVOKE ALL ON TYPE t FROM PUBLIC; ALTER TYPE span_multirange OWNER TO CURRENT_USER;`]));
    expect(r.diagnostics).toEqual([]);
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
