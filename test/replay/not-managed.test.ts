import { describe, expect, it } from 'vitest';
import { replay } from '../../src/replay/index.js';
import { revisionsFromSql } from '../support/run-migrations.js';

/** Statements schema-sync leaves to the people running the server: each is a warning at its line saying so, and why. */
const CASES: [string, string][] = [
  ['CREATE PUBLICATION', `CREATE PUBLICATION pub FOR ALL TABLES`],
  ['ALTER PUBLICATION', `ALTER PUBLICATION pub ADD TABLE t`],
  ['CREATE SUBSCRIPTION', `CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION pub`],
  ['ALTER SUBSCRIPTION', `ALTER SUBSCRIPTION s DISABLE`],
  ['DROP SUBSCRIPTION', `DROP SUBSCRIPTION s`],
  ['CREATE FOREIGN DATA WRAPPER', `CREATE FOREIGN DATA WRAPPER w`],
  ['ALTER FOREIGN DATA WRAPPER', `ALTER FOREIGN DATA WRAPPER w OPTIONS (ADD a '1')`],
  ['CREATE SERVER', `CREATE SERVER srv FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'x')`],
  ['ALTER SERVER', `ALTER SERVER srv OPTIONS (SET host 'y')`],
  ['CREATE USER MAPPING', `CREATE USER MAPPING FOR CURRENT_USER SERVER srv OPTIONS (user 'u')`],
  ['ALTER USER MAPPING', `ALTER USER MAPPING FOR CURRENT_USER SERVER srv OPTIONS (SET user 'v')`],
  ['DROP USER MAPPING', `DROP USER MAPPING FOR CURRENT_USER SERVER srv`],
  ['CREATE FOREIGN TABLE', `CREATE FOREIGN TABLE ft (a int) SERVER srv`],
  ['IMPORT FOREIGN SCHEMA', `IMPORT FOREIGN SCHEMA remote FROM SERVER srv INTO public`],
  ['CREATE ROLE', `CREATE ROLE app`],
  ['ALTER ROLE', `ALTER ROLE app LOGIN`],
  ['ALTER ROLE .. SET', `ALTER ROLE app SET search_path = app`],
  ['DROP ROLE', `DROP ROLE app`],
  ['GRANT role', `GRANT app TO other`],
  ['CREATE TABLESPACE', `CREATE TABLESPACE ts LOCATION '/data/ts'`],
  ['ALTER TABLESPACE', `ALTER TABLESPACE ts SET (random_page_cost = 1.1)`],
  ['DROP TABLESPACE', `DROP TABLESPACE ts`],
  ['ALTER .. ALL IN TABLESPACE', `ALTER TABLE ALL IN TABLESPACE ts SET TABLESPACE other`],
  ['ALTER INDEX .. SET TABLESPACE', `ALTER INDEX i SET TABLESPACE ts`],
  ['ALTER MATERIALIZED VIEW .. SET TABLESPACE', `ALTER MATERIALIZED VIEW m SET TABLESPACE ts`],
  ['CREATE DATABASE', `CREATE DATABASE other`],
  ['ALTER DATABASE', `ALTER DATABASE other CONNECTION LIMIT 5`],
  ['ALTER DATABASE .. SET', `ALTER DATABASE other SET timezone = 'UTC'`],
  ['ALTER SYSTEM', `ALTER SYSTEM SET work_mem = '8MB'`],
  ['CREATE EVENT TRIGGER', `CREATE EVENT TRIGGER e ON ddl_command_start EXECUTE FUNCTION f()`],
  ['ALTER EVENT TRIGGER', `ALTER EVENT TRIGGER e DISABLE`],
  ['CREATE OPERATOR CLASS', `CREATE OPERATOR CLASS oc FOR TYPE int USING btree AS OPERATOR 1 <`],
  ['CREATE OPERATOR FAMILY', `CREATE OPERATOR FAMILY of USING btree`],
  ['ALTER OPERATOR FAMILY', `ALTER OPERATOR FAMILY of USING btree ADD OPERATOR 1 < (int, int)`],
  ['CREATE TYPE (a base type)', `CREATE TYPE b (INPUT = b_in, OUTPUT = b_out)`],
  ['CREATE TYPE (a shell type)', `CREATE TYPE b`],
  ['COMMENT ON PUBLICATION', `COMMENT ON PUBLICATION pub IS 'x'`],
  ['COMMENT ON DATABASE', `COMMENT ON DATABASE other IS 'x'`],
  ['COMMENT ON FOREIGN TABLE', `COMMENT ON FOREIGN TABLE ft IS 'x'`],
  ['COMMENT ON TSCONFIGURATION', `COMMENT ON TEXT SEARCH CONFIGURATION c IS 'x'`],
  ['ALTER PUBLICATION OWNER TO', `ALTER PUBLICATION pub OWNER TO app`],
  ['ALTER FOREIGN SERVER OWNER TO', `ALTER SERVER srv OWNER TO app`],
  ['ALTER LANGUAGE OWNER TO', `ALTER LANGUAGE plpgsql OWNER TO app`],
  ['ALTER CONVERSION OWNER TO', `ALTER CONVERSION conv OWNER TO app`],
  ['ALTER FOREIGN TABLE', `ALTER FOREIGN TABLE ft OWNER TO app`],
];

describe('statements schema-sync does not manage', () => {
  for (const [what, sql] of CASES) {
    it(`${what} is a warning at its line saying it is not managed, and why`, () => {
      const result = replay(revisionsFromSql('nm', [`CREATE TABLE t (a int);\n${sql};`]));
      expect(result.diagnostics).toHaveLength(1);
      const d = result.diagnostics[0]!;
      expect(d.severity).toBe('warning');
      expect(d.pos.line).toBe(2);
      expect(d.message).toMatch(new RegExp(`^not modelled: ${what.replace(/[.()]/g, '\\$&')} statement \\(replay continues without it\\): not managed by schema-sync: .{20,}; apply does not run it and check does not compare it$`));
      expect(result.stats.notModelled).toBe(1);
    });
  }
});

/** Definitions that are not modelled name their statement (DefineStmt once said only `Define`). */
describe('CREATE statements of kinds not modelled name themselves', () => {
  for (const [what, sql] of [
    ['CREATE TEXT SEARCH CONFIGURATION', `CREATE TEXT SEARCH CONFIGURATION c (PARSER = default)`],
    ['CREATE TEXT SEARCH DICTIONARY', `CREATE TEXT SEARCH DICTIONARY d (TEMPLATE = simple)`],
  ] as const) {
    it(what, () => {
      const result = replay(revisionsFromSql('nm', [`${sql};`]));
      expect(result.diagnostics.map((d) => d.message)).toEqual([`not modelled: ${what} statement (replay continues without it)`]);
    });
  }
});
