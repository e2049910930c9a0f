import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { compareStates, diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import type { Revision } from '../../src/load/types.js';
import { fingerprint, plan } from '../../src/plan/index.js';
import { replay } from '../../src/replay/index.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';
import { pgDumpSchema } from '../support/pg-dump/pg-dump.js';
import { referenceDump } from '../support/pg-dump/reference-dump.js';
import { dumpDifference } from '../support/pg-dump/schema-oracle.js';
import { runCli } from '../support/run-cli.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';
import { createTestRoles, type TestRoles } from '../support/test-roles.js';
import { runPlan } from './run-plan.js';

/**
 * Row-level security end to end on PostgreSQL: a database behind its migrations converges
 * (judged by pg_dump of a database built from the whole history), `check` names security drift
 * (exit 2), and a policy naming a role the server lacks fails before anything stays written.
 */
let roles: TestRoles;
const q = (short: string): string => `"${roles.names[short]}"`;

function history(): Revision[] {
  return revisionsFromSql('rls', [
    `CREATE TABLE docs (id int PRIMARY KEY, owner text, tenant int, status varchar(10), note text);
     CREATE TABLE members (tenant int, who text);
     CREATE FUNCTION app_tenant() RETURNS int LANGUAGE sql STABLE AS $$ SELECT current_setting('app.tenant', true)::int $$;
     ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
     ALTER TABLE members ENABLE ROW LEVEL SECURITY;
     CREATE POLICY p_read ON docs FOR SELECT TO ${q('reader')} USING (tenant = app_tenant());
     CREATE POLICY p_write ON docs FOR UPDATE TO ${q('writer')} USING (owner = current_user) WITH CHECK (status IN ('draft', 'final'));
     CREATE POLICY p_old ON docs USING (false);
     CREATE POLICY p_kind ON docs USING (true);
     CREATE POLICY p_note ON docs FOR DELETE USING (note IS NULL);
     CREATE POLICY m_self ON members USING (who = current_user);`,
    `ALTER POLICY p_read ON docs RENAME TO p_see;
     ALTER POLICY p_see ON docs TO ${q('reader')}, ${q('writer')} USING (tenant = app_tenant() AND status <> 'hidden');
     COMMENT ON POLICY p_see ON docs IS 'tenant members see their documents';
     DROP POLICY p_old ON docs;
     ALTER TABLE docs FORCE ROW LEVEL SECURITY;
     ALTER TABLE docs RENAME COLUMN owner TO owner_name;`,
    `DROP POLICY p_kind ON docs;
     CREATE POLICY p_kind ON docs AS RESTRICTIVE FOR UPDATE USING (tenant IS NOT NULL);
     DROP POLICY p_write ON docs;
     CREATE POLICY p_write ON docs FOR UPDATE TO ${q('writer')} USING (owner_name = current_user);
     ALTER TABLE docs DROP COLUMN note CASCADE;
     ALTER TABLE docs RENAME TO documents;
     ALTER TABLE documents NO FORCE ROW LEVEL SECURITY;`,
    `ALTER TABLE members DISABLE ROW LEVEL SECURITY;
     DROP POLICY m_self ON members;
     CREATE POLICY m_tenant ON members AS RESTRICTIVE TO PUBLIC USING (tenant = app_tenant());`,
  ]);
}

beforeAll(async () => {
  roles = await createTestRoles('reader', 'writer', 'auditor');
});
afterAll(async () => {
  await roles?.drop();
});

describe('plan + apply converges row-level security (pg_dump oracle)', () => {
  let fresh: FreshDatabase | undefined;
  afterEach(async () => {
    await fresh?.drop();
    fresh = undefined;
  });
  let revisions: Revision[];
  let expected: string;
  beforeAll(async () => {
    revisions = history();
    expected = await referenceDump(revisions);
  });

  for (let applied = 0; applied < 4; applied++) {
    it(`from revision ${applied} of 4`, async () => {
      fresh = await freshDatabase();
      const r = replay(revisions);
      expect(r.diagnostics).toEqual([]);
      await runMigrations(fresh.db, revisions.slice(0, applied));
      const result = await apply(fresh.db, r.state, { allowDestructive: true });
      expect(result.plan.skipped).toEqual([]);
      const difference = dumpDifference(expected, await pgDumpSchema(fresh.url), ['built from the migrations', `converged from revision ${applied}`]);
      expect(difference ?? 'same pg_dump').toBe('same pg_dump');
      const after = await introspect(fresh.db);
      expect(compareStates(r.state, after)).toEqual([]);
      expect(diff(r.state, after).changes).toEqual([]);
      await runPlan(fresh.db, result.plan);
      expect(fingerprint(await introspect(fresh.db))).toBe(fingerprint(after));
    });
  }

  it('classifies: DISABLE is destructive, a policy drop or change review, both with a hazard; on a new table all safe', async () => {
    fresh = await freshDatabase();
    await runMigrations(fresh.db, revisions.slice(0, 1));
    const live = await introspect(fresh.db);
    const p = plan(diff(replay(revisions).state, live), live);
    const changes = [...p.changes, ...p.skipped];
    const of = (kind: string, pred: (c: (typeof changes)[number]) => boolean = () => true) => changes.filter((c) => c.kind === kind && pred(c));
    const disable = of('setRowSecurity', (c) => c.kind === 'setRowSecurity' && c.enabled === false);
    expect(disable.map((c) => [c.safety, c.hazards])).toEqual([['destructive', ['weakens row-level security']]]);
    const dropped = of('drop', (c) => c.kind === 'drop' && c.object === 'policy');
    expect(dropped.length).toBeGreaterThanOrEqual(2);
    for (const c of dropped) expect([c.safety, c.hazards]).toEqual(['review', ['weakens row-level security']]);
    const altered = of('alterPolicy');
    expect(altered.map((c) => [c.safety, c.hazards])).toEqual([['review', ['weakens row-level security']]]);
    await fresh.drop();
    fresh = await freshDatabase();
    const empty = await introspect(fresh.db);
    const onEmpty = plan(diff(replay(revisions).state, empty), empty).changes.filter((c) => ['createPolicy', 'setRowSecurity'].includes(c.kind));
    // documents' ENABLE and its 3 policies, members' 1 (its RLS ends disabled, p_note went with its column)
    expect(onEmpty.length).toBe(5);
    expect(onEmpty.filter((c) => c.safety !== 'safe')).toEqual([]);
  });
});

describe('check reports security drift (exit 2, naming it)', () => {
  let f: FreshDatabase;
  let dir: string;
  beforeAll(async () => {
    f = await freshDatabase();
    const revs = history();
    await runMigrations(f.db, revs);
    dir = await mkdtemp(path.join(os.tmpdir(), 'schema-sync-rls-'));
    await writeFile(path.join(dir, '0001_a1b2c3d4e5f6_rls.sql'), `-- revision: a1b2c3d4e5f6\n-- down_revision: none\n\n${revs.map((r) => r.sql).join('\n')}\n`);
  });
  afterAll(async () => {
    await f?.drop();
  });

  const check = () => runCli(['check', '-m', dir, '-d', f.url]);

  it('in sync after the migrations', async () => {
    const r = await check();
    expect(r.stderr).toMatch(/27 modelled, 0 with no schema change, 0 not modelled/);
    expect(r.stdout).toMatch(/^in sync: \d+ objects compared, no differences\n$/);
    expect(r.code).toBe(0);
  });

  const drifts: [string, string, string, RegExp][] = [
    ['RLS disabled live', 'ALTER TABLE documents DISABLE ROW LEVEL SECURITY', 'ALTER TABLE documents ENABLE ROW LEVEL SECURITY', /different table public\.documents[\s\S]*rowSecurity: target true, live (undefined|\(none\))/],
    ['FORCE removed live', 'ALTER TABLE documents FORCE ROW LEVEL SECURITY', 'ALTER TABLE documents NO FORCE ROW LEVEL SECURITY', /different table public\.documents[\s\S]*forceRowSecurity/],
    ['a policy dropped live', 'DROP POLICY p_see ON documents', '', /missing +policy public\.documents\.p_see/],
    ['a policy loosened live (USING)', 'ALTER POLICY p_see ON documents USING (true)', '', /different policy public\.documents\.p_see[\s\S]*using: target/],
    ['a policy opened to more roles', `ALTER POLICY p_write ON documents TO PUBLIC`, '', /different policy public\.documents\.p_write[\s\S]*roles: target/],
    ['an extra permissive policy live', 'CREATE POLICY sneaky ON documents USING (true)', 'DROP POLICY sneaky ON documents', /extra +policy public\.documents\.sneaky/],
  ];
  for (const [what, sql, undo, expected] of drifts) {
    it(what, async () => {
      await f.db.exec(`BEGIN; ${sql}`);
      try {
        // check reads in its own session: commit the drift, then put it back.
        await f.db.exec('COMMIT');
        const r = await check();
        expect(r.stdout).toMatch(expected);
        expect(r.code).toBe(2);
      } finally {
        if (undo) await f.db.exec(undo);
        else {
          // restore by applying the migrations' target
          await apply(f.db, replay(history()).state, { allowDestructive: true });
        }
      }
    });
  }
});

describe('a policy naming a missing role', () => {
  it('fails with the role and the policy named, and leaves nothing written', async () => {
    const f = await freshDatabase();
    try {
      const revs = revisionsFromSql('norole', [
        `CREATE TABLE t (a int); CREATE POLICY p ON t TO ss_w17_no_such_role USING (a > 0);`,
      ]);
      const r = replay(revs);
      expect(r.diagnostics).toEqual([]);
      await expect(apply(f.db, r.state, {})).rejects.toThrow(/role "ss_w17_no_such_role" does not exist: policy p on public\.t names it/);
      const live = await introspect(f.db);
      expect(live.tables.size).toBe(0);
    } finally {
      await f.drop();
    }
  });
});

describe('a column a live policy uses changes type', () => {
  it('the policy is dropped before and created after the type change (pg_dump oracle)', async () => {
    const revs = revisionsFromSql('retype', [
      `CREATE TABLE t (id int, amount int); CREATE POLICY p ON t USING (amount > 0);`,
      `DROP POLICY p ON t; ALTER TABLE t ALTER COLUMN amount TYPE bigint; CREATE POLICY p ON t USING (amount > 0);`,
    ]);
    const expected = await referenceDump(revs);
    const f = await freshDatabase();
    try {
      await runMigrations(f.db, revs.slice(0, 1));
      const target = replay(revs).state;
      const result = await apply(f.db, target, {});
      expect(result.plan.steps.map((s) => s.description)).toEqual([
        'drop (to recreate) policy public.t.p',
        'change type of column public.t.amount',
        'replace policy public.t.p',
      ]);
      const difference = dumpDifference(expected, await pgDumpSchema(f.url), ['built from the migrations', 'converged']);
      expect(difference ?? 'same pg_dump').toBe('same pg_dump');
      expect(diff(target, await introspect(f.db)).changes).toEqual([]);
    } finally {
      await f.drop();
    }
  });
});
