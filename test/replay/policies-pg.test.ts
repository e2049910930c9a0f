import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareStates } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { policyKey, relationKey } from '../../src/model/index.js';
import { scopeState } from '../../src/model/scope.js';
import { replay } from '../../src/replay/index.js';
import { renderStateSql } from '../../src/report/state-sql.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';
import { resetDatabase } from '../support/reset-database.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';
import { createTestRoles, type TestRoles } from '../support/test-roles.js';

/**
 * Golden replay cases for row-level security: each history is run on real PostgreSQL and
 * introspected, and the replayed state must equal it (policies, their roles and canonical
 * expressions, and the tables' RLS flags), as in fidelity.test.ts; and the canonical dump of
 * that state, run on PostgreSQL, builds it again.
 */
let fresh: FreshDatabase;
let roles: TestRoles;
beforeAll(async () => {
  fresh = await freshDatabase();
  roles = await createTestRoles('reader', 'Writer');
});
afterAll(async () => {
  await fresh?.drop();
  await roles?.drop();
});

const r = (short: string): string => `"${roles.names[short]}"`;

async function golden(sqls: readonly string[]) {
  await resetDatabase(fresh.db);
  const revisions = revisionsFromSql('rls', sqls);
  await runMigrations(fresh.db, revisions);
  const live = await introspect(fresh.db, {});
  const result = replay(revisions);
  expect(result.diagnostics).toEqual([]);
  expect(compareStates(result.state, live)).toEqual([]);
  // The canonical dump (`schema-sync state`) builds the same thing on PostgreSQL.
  await resetDatabase(fresh.db);
  await fresh.db.exec(renderStateSql(result.state));
  expect(compareStates(result.state, await introspect(fresh.db, {}))).toEqual([]);
  return { live, state: result.state };
}

describe('row-level security replay equals what PostgreSQL builds', () => {
  it('ENABLE / FORCE, and policies of every command, kind, role list and clause', async () => {
    const { state, live } = await golden([
      `CREATE TABLE docs (id bigint PRIMARY KEY, owner text, status varchar(10), tenant int);
       CREATE TABLE members (tenant int, who text);
       ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
       ALTER TABLE ONLY docs FORCE ROW LEVEL SECURITY;
       CREATE POLICY p_all ON docs USING (owner = current_user);
       CREATE POLICY p_sel ON docs AS RESTRICTIVE FOR SELECT TO ${r('reader')}, ${r('Writer')} USING (status IN ('a', 'b'));
       CREATE POLICY p_ins ON docs FOR INSERT TO ${r('Writer')} WITH CHECK (tenant = current_setting('app.tenant', true)::int);
       CREATE POLICY p_upd ON public.docs AS PERMISSIVE FOR UPDATE TO PUBLIC
         USING (EXISTS (SELECT 1 FROM members m WHERE m.tenant = docs.tenant AND m.who = current_user))
         WITH CHECK (status::text <> 'locked');
       CREATE POLICY p_del ON docs FOR DELETE USING (id BETWEEN 1 AND 10);`,
    ]);
    const docs = state.tables.get(relationKey('public', 'docs'))!;
    expect(docs.rowSecurity).toBe(true);
    expect(docs.forceRowSecurity).toBe(true);
    expect(live.policies.size).toBe(5);
    const sel = state.policies.get(policyKey('public', 'docs', 'p_sel'))!;
    expect(sel).toMatchObject({ permissive: false, command: 'select', roles: [roles.names['Writer'], roles.names['reader']].sort() });
    expect(state.policies.get(policyKey('public', 'docs', 'p_all'))!.roles).toEqual([]);
  });

  it('ALTER POLICY (rename, TO, USING, WITH CHECK), COMMENT ON POLICY, DROP POLICY, DISABLE / NO FORCE', async () => {
    const { state } = await golden([
      `CREATE TABLE t (id int, a int, b text);
       ALTER TABLE t ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
       CREATE POLICY p1 ON t USING (a > 0);
       CREATE POLICY p2 ON t FOR UPDATE TO ${r('reader')} USING (true) WITH CHECK (a > 1);
       CREATE POLICY gone ON t USING (false);`,
      `ALTER POLICY p1 ON t RENAME TO p1b;
       ALTER POLICY p1b ON t TO ${r('reader')}, ${r('Writer')};
       ALTER POLICY p2 ON t TO PUBLIC USING (b = 'x') WITH CHECK (a < 5);
       ALTER POLICY p2 ON t WITH CHECK (a < 6);
       COMMENT ON POLICY p1b ON t IS 'readers see positives';
       DROP POLICY gone ON t;
       DROP POLICY IF EXISTS never_was ON t;
       ALTER TABLE t NO FORCE ROW LEVEL SECURITY;`,
      `CREATE TABLE u (id int);
       ALTER TABLE u ENABLE ROW LEVEL SECURITY;
       ALTER TABLE u DISABLE ROW LEVEL SECURITY;`,
    ]);
    expect(state.policies.get(policyKey('public', 't', 'p1b'))!.comment).toBe('readers see positives');
    expect(state.tables.get(relationKey('public', 't'))!.forceRowSecurity).toBeUndefined();
    expect(state.tables.get(relationKey('public', 'u'))!.rowSecurity).toBeUndefined();
  });

  it('policies follow table renames, SET SCHEMA and column renames; go with dropped columns (CASCADE) and tables', async () => {
    const { state } = await golden([
      `CREATE SCHEMA app;
       CREATE TABLE t (id int, owner_id int, note text);
       CREATE TABLE gone (id int);
       CREATE POLICY own ON t USING (owner_id = 1) WITH CHECK (owner_id > 0);
       CREATE POLICY notes ON t USING (note <> '');
       CREATE POLICY g ON gone USING (true);`,
      `ALTER TABLE t RENAME COLUMN owner_id TO user_id;
       ALTER TABLE t RENAME TO items;
       ALTER TABLE items SET SCHEMA app;
       ALTER TABLE app.items DROP COLUMN note CASCADE;
       DROP TABLE gone;`,
    ]);
    expect([...state.policies.keys()]).toEqual([policyKey('app', 'items', 'own')]);
    expect(state.policies.get(policyKey('app', 'items', 'own'))!.using).toContain('user_id');
  });
});

describe('policy expressions follow renames of what they read, as PostgreSQL prints them', () => {
  it('a subquery table and its columns, the policy table and its columns (qualified in the subquery)', async () => {
    const { state } = await golden([
      `CREATE TABLE docs (id int, tenant int, owner text);
       CREATE TABLE members (tenant int, who text);
       CREATE VIEW member_names AS SELECT who FROM members;
       CREATE POLICY p ON docs
         USING (EXISTS (SELECT 1 FROM members m WHERE m.tenant = docs.tenant AND m.who = owner))
         WITH CHECK (owner IN (SELECT who FROM member_names));`,
      `ALTER TABLE members RENAME TO people;
       ALTER TABLE people RENAME COLUMN tenant TO org;
       ALTER TABLE docs RENAME COLUMN tenant TO org_id;
       ALTER TABLE docs RENAME TO documents;
       ALTER TABLE documents RENAME COLUMN owner TO author;
       ALTER VIEW member_names RENAME TO names;`,
    ]);
    const p = state.policies.get(policyKey('public', 'documents', 'p'))!;
    expect(p.usingSql).toContain('people');
    expect(p.withCheckSql).toContain('names');
  });
});

describe('replay refuses what PostgreSQL refuses', () => {
  const errorsOf = (sql: string): string[] =>
    replay(revisionsFromSql('bad', [sql])).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
  const cases: [string, string, RegExp][] = [
    ['a duplicate policy', 'CREATE TABLE t (a int); CREATE POLICY p ON t USING (true); CREATE POLICY p ON t USING (true);', /already exists/],
    ['a policy on a missing table', 'CREATE POLICY p ON nope USING (true);', /does not exist/],
    ['WITH CHECK on SELECT', 'CREATE TABLE t (a int); CREATE POLICY p ON t FOR SELECT WITH CHECK (true);', /WITH CHECK cannot be applied/],
    ['USING on INSERT', 'CREATE TABLE t (a int); CREATE POLICY p ON t FOR INSERT USING (true);', /only WITH CHECK/],
    ['altering a missing policy', 'CREATE TABLE t (a int); ALTER POLICY p ON t USING (true);', /policy "p" for table "t" does not exist/],
    ['dropping a column a policy uses', 'CREATE TABLE t (a int, b int); CREATE POLICY p ON t USING (a > 0); ALTER TABLE t DROP COLUMN a;', /policy p/],
    ['retyping a column a policy uses', 'CREATE TABLE t (a int); CREATE POLICY p ON t USING (a > 0); ALTER TABLE t ALTER COLUMN a TYPE bigint;', /used in a policy definition/],
  ];
  for (const [what, sql, message] of cases) {
    it(what, async () => {
      const errors = errorsOf(sql);
      expect(errors.some((e) => message.test(e)), errors.join('; ')).toBe(true);
      // PostgreSQL refuses the same history.
      await resetDatabase(fresh.db);
      await expect(runMigrations(fresh.db, revisionsFromSql('bad', [sql]))).rejects.toThrow();
    });
  }

  it('TO CURRENT_USER is a warning (the role is whoever runs the migration), never a looser policy', () => {
    const result = replay(revisionsFromSql('cu', ['CREATE TABLE t (a int); CREATE POLICY p ON t TO CURRENT_USER USING (true);']));
    expect(result.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/not modelled: CREATE POLICY .. TO CURRENT_USER/)]);
    expect(result.state.policies.size).toBe(0);
  });
});

describe('scope and exclusions cover policies', () => {
  it('--schema and an excluded table leave their policies out on both sides', async () => {
    const { state } = await golden([
      `CREATE SCHEMA app;
       CREATE TABLE app.a (x int); CREATE TABLE b (x int); CREATE TABLE c (x int);
       CREATE POLICY pa ON app.a USING (x > 0); CREATE POLICY pb ON b USING (x > 0); CREATE POLICY pc ON c USING (x > 0);`,
    ]);
    const live = await introspect(fresh.db, { schemas: ['app'] });
    const scoped = scopeState(state, { schemas: ['app'] });
    expect([...scoped.policies.keys()]).toEqual([policyKey('app', 'a', 'pa')]);
    expect(compareStates(scoped, scopeState(live, { schemas: ['app'] }))).toEqual([]);
    const excluded = scopeState(state, { exclude: [{ kind: 'table', name: 'b' }, { kind: 'policy', name: 'pc' }] });
    expect([...excluded.policies.keys()]).toEqual([policyKey('app', 'a', 'pa')]);
  });
});
