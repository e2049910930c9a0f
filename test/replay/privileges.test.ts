import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareStates } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { functionKey, relationKey } from '../../src/model/schema-state.js';
import { replay } from '../../src/replay/index.js';
import { freshDatabase } from '../support/database.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';
import { createTestRoles, type TestRoles } from '../support/test-roles.js';

/**
 * Golden privilege cases: each history runs on real PostgreSQL (in its own database, since
 * default privileges outlive a schema reset), is introspected, and the replayed state must equal
 * it, privileges and (with owners) owners included. Every role the cases name is in scope, so
 * the comparison covers all their grants.
 */
interface PrivilegeCase {
  readonly name: string;
  readonly sql: readonly string[];
  readonly owners?: boolean;
}

const CASES: readonly PrivilegeCase[] = [
  {
    name: 'tables, columns, views, sequences: grant options, ALL, REVOKE reaching column privileges',
    sql: [
      `CREATE TABLE acct (id serial PRIMARY KEY, email text, secret text);
       CREATE VIEW acct_v AS SELECT id, email FROM acct;
       CREATE SEQUENCE counter;
       GRANT SELECT, INSERT ON acct TO {r1};
       GRANT SELECT (email), UPDATE (email, secret) ON acct TO {r2};
       GRANT ALL ON TABLE acct TO {r3} WITH GRANT OPTION;`,
      `REVOKE GRANT OPTION FOR DELETE ON acct FROM {r3};
       REVOKE TRUNCATE ON acct FROM {r3};
       GRANT SELECT ON acct_v TO {r2}, PUBLIC;
       GRANT USAGE, SELECT ON SEQUENCE counter TO {r1};
       GRANT ALL ON acct_id_seq TO {r2};
       GRANT UPDATE ON acct TO {r2};
       REVOKE UPDATE ON acct FROM {r2};
       ALTER TABLE acct RENAME TO account;
       ALTER TABLE account RENAME COLUMN email TO mail;`,
    ],
  },
  {
    name: 'schemas, enum, composite and range types, functions and procedures: PUBLIC defaults, ALL ... IN SCHEMA, OR REPLACE',
    sql: [
      `GRANT USAGE ON SCHEMA public TO PUBLIC;
       CREATE SCHEMA app;
       GRANT USAGE ON SCHEMA app TO {r1};
       GRANT CREATE ON SCHEMA app TO {r2} WITH GRANT OPTION;
       CREATE TYPE app.mood AS ENUM ('a', 'b');
       REVOKE USAGE ON TYPE app.mood FROM PUBLIC;
       GRANT USAGE ON TYPE app.mood TO {r1};
       CREATE TYPE app.pair AS (a int, b text);
       REVOKE ALL ON TYPE app.pair FROM PUBLIC;
       GRANT USAGE ON TYPE app.pair TO {r2} WITH GRANT OPTION;
       CREATE TYPE app.span AS RANGE (SUBTYPE = int4);
       GRANT USAGE ON TYPE app.span TO {r3};
       CREATE FUNCTION app.f(i int) RETURNS int LANGUAGE sql AS 'SELECT i';
       CREATE FUNCTION app.g() RETURNS int LANGUAGE sql AS 'SELECT 1';
       CREATE PROCEDURE app.p() LANGUAGE sql AS 'SELECT 1';
       REVOKE ALL ON FUNCTION app.f(int) FROM PUBLIC;
       GRANT EXECUTE ON FUNCTION app.f(integer) TO {r2};`,
      `REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA app FROM PUBLIC;
       GRANT EXECUTE ON ALL ROUTINES IN SCHEMA app TO {r3};
       CREATE OR REPLACE FUNCTION app.g() RETURNS int LANGUAGE sql AS 'SELECT 2';
       ALTER FUNCTION app.g() RENAME TO h;`,
    ],
  },
  {
    name: 'ALTER DEFAULT PRIVILEGES: global and per schema, FOR ROLE, applied to what is created after',
    sql: [
      `CREATE SCHEMA app;
       ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO {r1};
       ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO {r2};
       ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
       ALTER DEFAULT PRIVILEGES FOR ROLE {r3} GRANT SELECT ON TABLES TO {r1};
       ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO {r1};
       ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO {r2};
       ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT INSERT ON TABLES TO {r2};
       ALTER DEFAULT PRIVILEGES IN SCHEMA app REVOKE INSERT ON TABLES FROM {r2};`,
      `CREATE TABLE app.t (id serial, b int GENERATED ALWAYS AS IDENTITY);
       CREATE TABLE public.u (id int);
       CREATE VIEW app.v AS SELECT 1 AS x;
       CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
       CREATE TYPE app.e AS ENUM ('x');
       CREATE TYPE app.c AS (x int);
       CREATE TYPE app.r AS RANGE (SUBTYPE = date);
       CREATE SCHEMA other;`,
    ],
  },
  {
    name: 'owners: ALTER ... OWNER TO on schemas, tables (with their sequences), views, functions, enum, composite and range types',
    owners: true,
    sql: [
      `CREATE SCHEMA app;
       ALTER SCHEMA app OWNER TO {r1};
       CREATE TABLE app.t (id serial);
       ALTER TABLE app.t OWNER TO {r2};
       CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
       ALTER FUNCTION app.f() OWNER TO {r1};
       CREATE TYPE app.e AS ENUM ('x');
       ALTER TYPE app.e OWNER TO {r2};
       CREATE TYPE app.c AS (x int);
       ALTER TYPE app.c OWNER TO {r1};
       CREATE TYPE app.r AS RANGE (SUBTYPE = date);
       ALTER TYPE app.r OWNER TO {r3};
       CREATE VIEW app.v AS SELECT 1 AS x;
       ALTER VIEW app.v OWNER TO {r1};
       GRANT SELECT ON app.t TO {r3};`,
    ],
  },
  {
    name: 'owners: sequences, materialized views, procedures, domains (ALTER TYPE and ALTER DOMAIN)',
    owners: true,
    sql: [
      `CREATE SEQUENCE counter;
       ALTER SEQUENCE counter OWNER TO {r1};
       CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x;
       ALTER MATERIALIZED VIEW mv OWNER TO {r2};
       CREATE PROCEDURE p() LANGUAGE sql AS 'SELECT 1';
       ALTER PROCEDURE p() OWNER TO {r1};
       CREATE DOMAIN pos AS int CHECK (VALUE > 0);
       ALTER DOMAIN pos OWNER TO {r2};
       CREATE DOMAIN code AS text;
       ALTER TYPE code OWNER TO {r1};`,
    ],
  },
  {
    name: 'domains: GRANT / REVOKE USAGE ON DOMAIN and ON TYPE, ALL, default privileges ON TYPES',
    sql: [
      `CREATE DOMAIN pos AS int CHECK (VALUE > 0);
       CREATE DOMAIN code AS varchar(8);
       REVOKE USAGE ON DOMAIN pos FROM PUBLIC;
       GRANT USAGE ON DOMAIN pos TO {r1} WITH GRANT OPTION;
       GRANT ALL ON TYPE code TO {r2};
       ALTER DEFAULT PRIVILEGES REVOKE USAGE ON TYPES FROM PUBLIC;
       ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO {r3};
       CREATE DOMAIN later AS bigint;
       CREATE SCHEMA app;
       ALTER DOMAIN later SET SCHEMA app;
       ALTER DOMAIN app.later RENAME TO renamed;
       REVOKE GRANT OPTION FOR USAGE ON DOMAIN pos FROM {r1};`,
    ],
  },
  {
    name: 'aggregates: EXECUTE ON FUNCTION / ROUTINE, ALL FUNCTIONS IN SCHEMA (not ALL PROCEDURES), default privileges, OR REPLACE and rename keep grants',
    sql: [
      `CREATE SCHEMA app;
       CREATE AGGREGATE app.total(int) (SFUNC = int4pl, STYPE = int);
       CREATE AGGREGATE app.cnt(*) (SFUNC = int8inc, STYPE = int8, INITCOND = '0');
       CREATE AGGREGATE app.pct(float8 ORDER BY float8) (SFUNC = array_append, STYPE = float8[]);
       REVOKE EXECUTE ON FUNCTION app.total(int) FROM PUBLIC;
       GRANT EXECUTE ON FUNCTION app.total(integer) TO {r1} WITH GRANT OPTION;
       GRANT EXECUTE ON ROUTINE app.cnt() TO {r2};
       GRANT ALL ON FUNCTION app.pct(float8, float8) TO {r3};`,
      `REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA app FROM PUBLIC;
       GRANT EXECUTE ON ALL PROCEDURES IN SCHEMA app TO {r1};
       GRANT EXECUTE ON ALL ROUTINES IN SCHEMA app TO {r2};
       ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT EXECUTE ON FUNCTIONS TO {r3};
       CREATE AGGREGATE app.later(int) (SFUNC = int4pl, STYPE = int);
       CREATE OR REPLACE AGGREGATE app.total(int) (SFUNC = int4pl, STYPE = int, INITCOND = '0');
       ALTER AGGREGATE app.total(int) RENAME TO sum_all;
       REVOKE GRANT OPTION FOR EXECUTE ON FUNCTION app.sum_all(int) FROM {r1};`,
    ],
  },
  {
    name: 'owners of aggregates: ALTER AGGREGATE, ALTER FUNCTION and ALTER ROUTINE .. OWNER TO',
    owners: true,
    sql: [
      `CREATE AGGREGATE total(int) (SFUNC = int4pl, STYPE = int);
       CREATE AGGREGATE cnt(*) (SFUNC = int8inc, STYPE = int8, INITCOND = '0');
       CREATE AGGREGATE pct(float8 ORDER BY float8) (SFUNC = array_append, STYPE = float8[]);
       ALTER AGGREGATE total(int) OWNER TO {r1};
       ALTER FUNCTION cnt() OWNER TO {r2};
       ALTER ROUTINE pct(float8, float8) OWNER TO {r3};
       GRANT EXECUTE ON FUNCTION total(int) TO {r2};`,
    ],
  },
  {
    name: 'view and materialized view columns: GRANT / REVOKE (columns), grant options, a view-level REVOKE reaching them, kept by OR REPLACE and RENAME COLUMN, gone with DROP',
    sql: [
      `CREATE TABLE acct (id int PRIMARY KEY, email text, secret text);
       CREATE VIEW v AS SELECT id, email, secret FROM acct;
       CREATE MATERIALIZED VIEW mv AS SELECT id, email FROM acct;
       CREATE VIEW s AS SELECT * FROM acct;
       GRANT SELECT (id, email), UPDATE (email) ON v TO {r1};
       GRANT SELECT (secret) ON TABLE v TO {r2} WITH GRANT OPTION;
       GRANT SELECT (email), REFERENCES (id) ON mv TO {r2};
       GRANT SELECT (id) ON mv TO {r3};
       GRANT INSERT (id, email) ON s TO {r3}, PUBLIC;
       GRANT ALL (secret) ON s TO {r1};
       CREATE VIEW gone AS SELECT id FROM acct;
       GRANT SELECT (id) ON gone TO {r1};`,
      `REVOKE UPDATE (email) ON v FROM {r1};
       REVOKE GRANT OPTION FOR SELECT (secret) ON v FROM {r2};
       REVOKE SELECT ON mv FROM {r2};
       REVOKE ALL (secret) ON s FROM {r1};
       GRANT UPDATE (secret) ON s TO {r1};
       CREATE OR REPLACE VIEW v AS SELECT id, email, secret, 1 AS one FROM acct;
       ALTER VIEW v RENAME COLUMN email TO mail;
       ALTER TABLE s RENAME COLUMN id TO ident;
       ALTER MATERIALIZED VIEW mv RENAME COLUMN id TO ident;
       GRANT UPDATE (one), SELECT (mail) ON v TO {r3};
       DROP VIEW gone;
       CREATE VIEW gone AS SELECT id FROM acct;`,
    ],
  },
  {
    name: 'multirange and row types: ACLs of their own (GRANT / REVOKE ON TYPE), default privileges at creation, renames, OR REPLACE',
    sql: [
      `CREATE TYPE span AS RANGE (SUBTYPE = int4);
       CREATE SCHEMA app;
       CREATE TYPE app.period AS RANGE (SUBTYPE = date, MULTIRANGE_TYPE_NAME = public.periods);
       GRANT USAGE ON TYPE span TO {r1};
       GRANT USAGE ON TYPE span_multirange TO {r2} WITH GRANT OPTION;
       REVOKE USAGE ON TYPE span_multirange FROM PUBLIC;
       REVOKE ALL ON TYPE periods FROM PUBLIC;
       CREATE TABLE acct (id int);
       CREATE VIEW acct_v AS SELECT id FROM acct;
       CREATE MATERIALIZED VIEW acct_mv AS SELECT id FROM acct;
       CREATE TABLE parted (id int) PARTITION BY RANGE (id);
       REVOKE USAGE ON TYPE acct FROM PUBLIC;
       GRANT USAGE ON TYPE acct TO {r1};
       GRANT ALL ON TYPE acct_v TO {r3};
       GRANT USAGE ON TYPE acct_mv, parted TO {r2};`,
      `ALTER DEFAULT PRIVILEGES REVOKE USAGE ON TYPES FROM PUBLIC;
       ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT USAGE ON TYPES TO {r3};
       CREATE TYPE app.later AS RANGE (SUBTYPE = int8);
       CREATE TYPE app.xr AS RANGE (SUBTYPE = int8, MULTIRANGE_TYPE_NAME = public.xr_multi);
       CREATE TABLE app.fresh (id int);
       ALTER TABLE acct RENAME TO account;
       CREATE OR REPLACE VIEW acct_v AS SELECT id, 1 AS x FROM account;
       ALTER TYPE span RENAME TO span2;
       REVOKE GRANT OPTION FOR USAGE ON TYPE span_multirange FROM {r2};`,
    ],
  },
  {
    name: 'owners of multirange types: ALTER TYPE .. OWNER TO on the multirange, not moved by the range\'s',
    owners: true,
    sql: [
      `CREATE TYPE span AS RANGE (SUBTYPE = int4);
       ALTER TYPE span_multirange OWNER TO {r1};
       CREATE TYPE other AS RANGE (SUBTYPE = int4);
       ALTER TYPE other OWNER TO {r2};
       GRANT USAGE ON TYPE span_multirange TO {r3};`,
    ],
  },
];

let roles: TestRoles;
beforeAll(async () => {
  roles = await createTestRoles('r1', 'r2', 'r3', 'other');
});
afterAll(async () => {
  await roles?.drop();
});

/** Runs a case's history on a database of its own; returns the replayed and the live state. */
async function runCase(c: PrivilegeCase, extra?: string) {
  const fresh = await freshDatabase();
  try {
    const revisions = revisionsFromSql('privileges', c.sql.map((s) => roles.fill(s)));
    await runMigrations(fresh.db, revisions);
    if (extra) await fresh.db.exec(roles.fill(extra));
    const live = await introspect(fresh.db, { owners: c.owners ?? false });
    return { result: replay(revisions), live };
  } finally {
    await fresh.drop();
  }
}

describe('privileges: replay equals what PostgreSQL builds', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { result, live } = await runCase(c);
      expect(result.diagnostics).toEqual([]);
      expect(compareStates(result.state, live, { owners: c.owners ?? false })).toEqual([]);
    });
  }

  it('the grants themselves, as PostgreSQL stores them (not only equal on both sides)', async () => {
    const { result, live } = await runCase(CASES[0]!);
    const { r1, r2, r3 } = roles.names;
    const account = live.tables.get(relationKey('public', 'account'))!;
    expect(account.grants).toEqual([
      { grantee: r1!, privilege: 'INSERT', grantable: false },
      { grantee: r1!, privilege: 'SELECT', grantable: false },
      { grantee: r3!, privilege: 'DELETE', grantable: false },
      { grantee: r3!, privilege: 'INSERT', grantable: true },
      { grantee: r3!, privilege: 'REFERENCES', grantable: true },
      { grantee: r3!, privilege: 'SELECT', grantable: true },
      { grantee: r3!, privilege: 'TRIGGER', grantable: true },
      { grantee: r3!, privilege: 'UPDATE', grantable: true },
    ]);
    // REVOKE UPDATE on the table took the column UPDATE privileges along; SELECT (email) stays.
    expect(account.columns.find((col) => col.name === 'mail')!.grants).toEqual([{ grantee: r2!, privilege: 'SELECT', grantable: false }]);
    expect(account.columns.find((col) => col.name === 'secret')!.grants).toBeUndefined();
    expect(result.state.tables.get(relationKey('public', 'account'))!.grants).toEqual(account.grants);
    expect(result.state.privilegeRoles).toEqual(['PUBLIC', r1, r2, r3].sort());
  });

  it('view columns: the grants as PostgreSQL stores them (renamed, revoked, kept, gone with the view)', async () => {
    const { result, live } = await runCase(CASES.find((c) => c.name.startsWith('view and materialized view columns'))!);
    const { r1, r2, r3 } = roles.names;
    const g = (grantee: string, privilege: string, grantable = false) => ({ grantee, privilege, grantable });
    expect(live.views.get(relationKey('public', 'v'))!.columnGrants).toEqual([
      { name: 'id', grants: [g(r1!, 'SELECT')] },
      { name: 'mail', grants: [g(r1!, 'SELECT'), g(r3!, 'SELECT')] },
      { name: 'one', grants: [g(r3!, 'UPDATE')] },
      { name: 'secret', grants: [g(r2!, 'SELECT')] },
    ]);
    // The view-level REVOKE SELECT took r2's column SELECT along; REFERENCES stays.
    expect(live.views.get(relationKey('public', 'mv'))!.columnGrants).toEqual([
      { name: 'ident', grants: [g(r2!, 'REFERENCES'), g(r3!, 'SELECT')] },
    ]);
    expect(live.views.get(relationKey('public', 's'))!.columnGrants).toEqual([
      { name: 'email', grants: [g('PUBLIC', 'INSERT'), g(r3!, 'INSERT')] },
      { name: 'ident', grants: [g('PUBLIC', 'INSERT'), g(r3!, 'INSERT')] },
      { name: 'secret', grants: [g(r1!, 'UPDATE')] },
    ]);
    expect(live.views.get(relationKey('public', 'gone'))!.columnGrants).toBeUndefined();
    for (const name of ['v', 'mv', 's', 'gone']) expect(result.state.views.get(relationKey('public', name))!.columnGrants).toEqual(live.views.get(relationKey('public', name))!.columnGrants);
  });

  it('functions keep PUBLIC EXECUTE unless revoked; ALTER DEFAULT PRIVILEGES entries read back', async () => {
    const second = await runCase(CASES[1]!);
    const f = second.live.functions.get(functionKey('app', 'f', 'integer'))!;
    expect(f.grants).toEqual([
      { grantee: roles.names.r2!, privilege: 'EXECUTE', grantable: false },
      { grantee: roles.names.r3!, privilege: 'EXECUTE', grantable: false },
    ]);
    // The procedure was not in ALL FUNCTIONS: PUBLIC keeps EXECUTE.
    expect(second.live.functions.get(functionKey('app', 'p', ''))!.grants).toEqual([
      { grantee: 'PUBLIC', privilege: 'EXECUTE', grantable: false },
      { grantee: roles.names.r3!, privilege: 'EXECUTE', grantable: false },
    ]);
    const third = await runCase(CASES[2]!);
    const entries = (state: typeof third.live): string[] =>
      [...(state.defaultPrivileges?.values() ?? [])].map((d) => [d.role ?? '(current)', d.schema ?? '', d.objects, d.grants.length].join(' ')).sort();
    expect(entries(third.live)).toEqual([
      '(current)  functions 0',
      '(current)  schemas 1',
      '(current)  sequences 1',
      '(current)  types 2',
      '(current) app tables 1',
      `${roles.names.r3}  tables 1`,
    ].sort());
    expect(entries(third.result.state)).toEqual(entries(third.live));
    expect(third.live.functions.get(functionKey('app', 'f', ''))!.grants).toEqual([]);
  });

  it('domains: the grants as PostgreSQL stores them; ON DOMAIN refuses an enum; a grant on a composite type is modelled', async () => {
    const { result, live } = await runCase(CASES[5]!);
    const { r1, r2, r3 } = roles.names;
    expect(live.domains.get(relationKey('public', 'pos'))!.grants).toEqual([{ grantee: r1!, privilege: 'USAGE', grantable: false }]);
    expect(live.domains.get(relationKey('public', 'code'))!.grants).toEqual([
      { grantee: 'PUBLIC', privilege: 'USAGE', grantable: false },
      { grantee: r2!, privilege: 'USAGE', grantable: false },
    ]);
    // Created after the default privileges: PUBLIC lost USAGE, r3 got it; the move and rename keep them.
    expect(live.domains.get(relationKey('app', 'renamed'))!.grants).toEqual([{ grantee: r3!, privilege: 'USAGE', grantable: false }]);
    expect(result.state.domains.get(relationKey('app', 'renamed'))!.grants).toEqual(live.domains.get(relationKey('app', 'renamed'))!.grants);
    const enumOnDomain = replay(revisionsFromSql('privileges', [`CREATE TYPE mood AS ENUM ('a'); GRANT USAGE ON DOMAIN mood TO PUBLIC;`]));
    expect(enumOnDomain.diagnostics.map((d) => [d.severity, d.message])).toEqual([['error', '"mood" is not a domain']]);
    const ownerOnDomain = replay(revisionsFromSql('privileges', [`CREATE TYPE mood AS ENUM ('a'); ALTER DOMAIN mood OWNER TO ${r1};`]));
    expect(ownerOnDomain.diagnostics.map((d) => [d.severity, d.message])).toEqual([['error', 'mood is not a domain']]);
    const composite = replay(revisionsFromSql('privileges', [`CREATE TYPE pair AS (a int, b int); GRANT USAGE ON TYPE pair TO ${r1};`]));
    expect(composite.diagnostics).toEqual([]);
    // A type's owner-made ACL keeps PUBLIC's default USAGE next to the new grant, as pg_type.typacl does.
    expect(composite.state.compositeTypes.get(relationKey('public', 'pair'))!.grants).toEqual([
      { grantee: 'PUBLIC', privilege: 'USAGE', grantable: false },
      { grantee: r1!, privilege: 'USAGE', grantable: false },
    ]);
  });

  it('aggregates: the grants as PostgreSQL stores them', async () => {
    const { result, live } = await runCase(CASES.find((c) => c.name.startsWith('aggregates:'))!);
    const { r1, r2, r3 } = roles.names;
    const grants = (key: string) => live.aggregates.get(key)?.grants;
    // Renamed, replaced: r1 keeps EXECUTE without its grant option; ALL FUNCTIONS took PUBLIC's EXECUTE.
    expect(grants(functionKey('app', 'sum_all', 'integer'))).toEqual([
      { grantee: r1!, privilege: 'EXECUTE', grantable: false },
      { grantee: r2!, privilege: 'EXECUTE', grantable: false },
    ]);
    // ALL PROCEDURES left the aggregates alone (no r1); created after the default privileges: r3.
    expect(grants(functionKey('app', 'later', 'integer'))).toEqual([
      { grantee: 'PUBLIC', privilege: 'EXECUTE', grantable: false },
      { grantee: r3!, privilege: 'EXECUTE', grantable: false },
    ]);
    expect(grants(functionKey('app', 'pct', 'double precision, double precision'))).toEqual([
      { grantee: r2!, privilege: 'EXECUTE', grantable: false },
      { grantee: r3!, privilege: 'EXECUTE', grantable: false },
    ]);
    for (const [k, a] of live.aggregates) expect(result.state.aggregates.get(k)?.grants).toEqual(a.grants);
  });

  it('multirange and row types: their grants as PostgreSQL stores them, apart from the range\'s and the relation\'s', async () => {
    const { result, live } = await runCase(CASES.find((c) => c.name.startsWith('multirange and row types'))!);
    const { r1, r2, r3 } = roles.names;
    const usage = (grantee: string, grantable = false) => ({ grantee, privilege: 'USAGE', grantable });
    const range = (k: string) => live.rangeTypes.get(k)!;
    // GRANT on the range left its multirange alone, and the other way round.
    expect(range('public.span2').grants).toEqual([usage('PUBLIC'), usage(r1!)]);
    expect(range('public.span2').multirangeGrants).toEqual([usage(r2!)]);
    expect(range('app.period').grants).toBeUndefined();
    expect(range('app.period').multirangeGrants).toEqual([]);
    // Default privileges reach the multirange by its own schema: app's adds r3, public's does not.
    expect(range('app.later').multirangeGrants).toEqual([usage(r3!)]);
    expect(range('app.xr').grants).toEqual([usage(r3!)]);
    expect(range('app.xr').multirangeGrants).toEqual([]);
    // Row types: their own ACL, kept through a rename and OR REPLACE; default privileges do not apply.
    expect(live.tables.get('public.account')!.grants).toBeUndefined();
    expect(live.tables.get('public.account')!.rowTypeGrants).toEqual([usage(r1!)]);
    expect(live.views.get('public.acct_v')!.rowTypeGrants).toEqual([usage('PUBLIC'), usage(r3!)]);
    expect(live.views.get('public.acct_mv')!.rowTypeGrants).toEqual([usage('PUBLIC'), usage(r2!)]);
    expect(live.tables.get('public.parted')!.rowTypeGrants).toEqual([usage('PUBLIC'), usage(r2!)]);
    expect(live.tables.get('app.fresh')!.rowTypeGrants).toBeUndefined();
    for (const [k, r] of live.rangeTypes) expect([k, result.state.rangeTypes.get(k)?.multirangeGrants]).toEqual([k, r.multirangeGrants]);
    for (const [k, t] of [...live.tables, ...live.views]) {
      expect([k, result.state.tables.get(k)?.rowTypeGrants ?? result.state.views.get(k)?.rowTypeGrants]).toEqual([k, t.rowTypeGrants]);
    }
  });

  it('multirange owners: ALTER TYPE r OWNER TO leaves the multirange with its creator (PostgreSQL 14 to 16)', async () => {
    const c = CASES.find((x) => x.name.startsWith('owners of multirange types'))!;
    const { result, live } = await runCase(c);
    const { r1, r2 } = roles.names;
    const me = live.rangeTypes.get('public.span')!.owner;
    expect(live.rangeTypes.get('public.span')!.multirangeOwner).toBe(r1);
    expect(live.rangeTypes.get('public.other')).toMatchObject({ owner: r2, multirangeOwner: me });
    expect(result.state.rangeTypes.get('public.span')!.multirangeOwner).toBe(r1);
    expect(result.state.rangeTypes.get('public.other')!.multirangeOwner).toBeUndefined();
  });

  it('a grant revoked live, or given beyond the target to a named role, is a difference; other roles are not', async () => {
    const { result, live } = await runCase(CASES[0]!, `REVOKE INSERT ON account FROM {r1};
      GRANT DELETE ON account TO {r2};
      GRANT ALL ON account, counter TO {other};`);
    const diffs = compareStates(result.state, live);
    expect(diffs).toHaveLength(1);
    expect(diffs[0]).toMatchObject({ kind: 'different', object: 'table', name: 'public.account' });
    const [attr] = diffs[0]!.attributes!;
    expect(attr!.attribute).toBe('privileges');
    expect(attr!.target).toContain(`${roles.names.r1}: INSERT`);
    expect(attr!.live).not.toContain(`${roles.names.r1}: INSERT`);
    expect(attr!.live).toContain(`${roles.names.r2}: DELETE`);
    // The role the history never names is unmanaged: its grants are no difference.
    expect(JSON.stringify(diffs)).not.toContain(roles.names.other);
  });
});
