import { afterAll, beforeAll, expect, it } from 'vitest';
import { compareStates } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { renderStateJson } from '../../src/report/state-json.js';
import { renderStateSql } from '../../src/report/state-sql.js';
import { replay } from '../../src/replay/index.js';
import { freshDatabase } from '../support/database.js';
import { pgDumpSchema } from '../support/pg-dump/pg-dump.js';
import { dumpDifference } from '../support/pg-dump/schema-oracle.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';
import { createTestRoles, type TestRoles } from '../support/test-roles.js';

/**
 * `state` prints owners and privileges (ALTER ... OWNER TO, REVOKE of defaults, GRANT, ALTER
 * DEFAULT PRIVILEGES): run on an empty database, the dump gives the pg_dump (owners and
 * privileges included) of the database the migrations build; `inspect` of that database prints
 * the same grants.
 */
let roles: TestRoles;
beforeAll(async () => {
  roles = await createTestRoles('a', 'b');
});
afterAll(async () => roles?.drop());

const HISTORY = `CREATE SCHEMA app;
  ALTER SCHEMA app OWNER TO {a};
  GRANT USAGE ON SCHEMA app TO {b};
  CREATE DOMAIN app.pos AS int CHECK (VALUE > 0);
  REVOKE USAGE ON DOMAIN app.pos FROM PUBLIC;
  GRANT USAGE ON DOMAIN app.pos TO {b} WITH GRANT OPTION;
  ALTER DOMAIN app.pos OWNER TO {a};
  CREATE TYPE app.mood AS ENUM ('x');
  CREATE TABLE app.t (id serial PRIMARY KEY, note text, q app.pos);
  ALTER TABLE app.t OWNER TO {b};
  GRANT SELECT, UPDATE (note) ON app.t TO {a};
  CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
  REVOKE EXECUTE ON FUNCTION app.f() FROM PUBLIC;
  CREATE VIEW app.v AS SELECT id, note FROM app.t;
  GRANT SELECT (note), UPDATE (note) ON app.v TO {b};
  CREATE MATERIALIZED VIEW app.m AS SELECT id FROM app.t;
  GRANT SELECT (id) ON app.m TO {a} WITH GRANT OPTION;
  ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO {a};
  CREATE TYPE app.span AS RANGE (SUBTYPE = int4);
  ALTER TYPE app.span_multirange OWNER TO {a};
  REVOKE USAGE ON TYPE app.span_multirange FROM PUBLIC;
  GRANT USAGE ON TYPE app.span_multirange TO {b};
  GRANT USAGE ON TYPE app.t TO {a};`;

it('the state dump with owners and privileges builds what the migrations build (pg_dump with owners and privileges)', async () => {
  const result = replay(revisionsFromSql('dump', [roles.fill(HISTORY)]));
  expect(result.diagnostics).toEqual([]);
  const sql = renderStateSql(result.state);
  expect(sql).toContain('-- Owners and privileges');
  expect(sql).toContain(roles.fill('ALTER DOMAIN app.pos OWNER TO {a};\n'));
  expect(sql).toContain('REVOKE EXECUTE ON FUNCTION app.f() FROM PUBLIC;\n');
  expect(sql).toContain(roles.fill('GRANT SELECT (note), UPDATE (note) ON TABLE app.v TO {b};\n'));
  expect(sql).toContain(roles.fill('GRANT SELECT (id) ON TABLE app.m TO {a} WITH GRANT OPTION;\n'));
  const json = JSON.parse(renderStateJson(result.state, { withOrigin: false }));
  expect(json.domains[0]).toMatchObject({ name: 'pos', owner: roles.names.a, grants: [{ grantee: roles.names.b, privilege: 'USAGE', grantable: true }] });
  expect(json.views.find((v: { name: string }) => v.name === 'v').columnGrants).toEqual([
    { name: 'note', grants: [{ grantee: roles.names.b, privilege: 'SELECT', grantable: false }, { grantee: roles.names.b, privilege: 'UPDATE', grantable: false }] },
  ]);
  // A multirange's owner and grants, a table's row type grants (pg_dump prints neither: compared below by introspection).
  expect(sql).toContain(roles.fill('ALTER TYPE app.span_multirange OWNER TO {a};\n\nREVOKE USAGE ON TYPE app.span_multirange FROM PUBLIC;\n\nGRANT USAGE ON TYPE app.span_multirange TO {b};\n'));
  expect(sql).toContain(roles.fill('GRANT USAGE ON TYPE app.t TO {a};\n'));
  expect(json.rangeTypes[0]).toMatchObject({ name: 'span', multirangeOwner: roles.names.a, multirangeGrants: [{ grantee: roles.names.b, privilege: 'USAGE', grantable: false }] });
  expect(json.tables[0]).toMatchObject({ name: 't', rowTypeGrants: [{ grantee: 'PUBLIC', privilege: 'USAGE', grantable: false }, { grantee: roles.names.a, privilege: 'USAGE', grantable: false }] });
  expect(json.defaultPrivileges).toEqual([{ schema: 'app', objects: 'tables', grants: [{ grantee: roles.names.a, privilege: 'SELECT', grantable: false }] }]);
  const fromMigrations = await freshDatabase();
  const fromState = await freshDatabase();
  try {
    await runMigrations(fromMigrations.db, revisionsFromSql('dump', [roles.fill(HISTORY)]));
    await fromState.db.exec(sql);
    const dump = (url: string): Promise<string> => pgDumpSchema(url, [], { owners: true, privileges: true });
    expect(dumpDifference(await dump(fromMigrations.url), await dump(fromState.url)) ?? 'same pg_dump').toBe('same pg_dump');
    expect(compareStates(result.state, await introspect(fromState.db, { owners: true }), { owners: true })).toEqual([]);
    // inspect prints the live grants with the same statements.
    const inspected = renderStateSql(await introspect(fromMigrations.db));
    for (const line of sql.split('\n').filter((l) => /^(GRANT|REVOKE|ALTER DEFAULT)/.test(l))) expect(inspected).toContain(line);
  } finally {
    await fromMigrations.drop();
    await fromState.drop();
  }
});
