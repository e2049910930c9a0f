import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { perTestResources } from '../support/cleanups.js';
import { convergesFromEachRevision, replayedClean } from '../support/converge-with-oracle.js';
import { checkAfterDrift } from '../support/drifted-check.js';
import { pgDumpSchema } from '../support/pg-dump/pg-dump.js';
import { referenceDump } from '../support/pg-dump/reference-dump.js';
import { dumpDifference } from '../support/pg-dump/schema-oracle.js';
import { runCli } from '../support/run-cli.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';
import { createTestRoles, type TestRoles } from '../support/test-roles.js';

const { db } = perTestResources();

let roles: TestRoles;
beforeAll(async () => {
  roles = await createTestRoles('reader', 'writer', 'dba');
});
afterAll(async () => {
  await roles?.drop();
});

/**
 * Column privileges on views and materialized views: granted with and without grant option (r1);
 * kept by CREATE OR REPLACE VIEW, moved by RENAME COLUMN, revoked, a grant option taken (r2); a
 * view dropped and created with a column inserted before the others, and a view over it (r3): a
 * plan from r2 drops and creates both and must grant their columns again.
 */
const HISTORY = [
  `CREATE TABLE t (id int PRIMARY KEY, a text, b int);
   CREATE VIEW v AS SELECT id, a, b FROM t;
   GRANT SELECT (id, a), UPDATE (a) ON v TO {reader};
   GRANT SELECT (b) ON v TO {writer} WITH GRANT OPTION;
   CREATE MATERIALIZED VIEW m AS SELECT id, a FROM t;
   GRANT SELECT (a) ON m TO {reader};
   CREATE VIEW w AS SELECT id, b FROM t;
   GRANT SELECT (b), INSERT (id, b) ON w TO {reader};`,
  `CREATE OR REPLACE VIEW v AS SELECT id, a, b, b * 2 AS b2 FROM t;
   ALTER VIEW v RENAME COLUMN a TO label;
   GRANT SELECT (b2) ON v TO {reader};
   REVOKE GRANT OPTION FOR SELECT (b) ON v FROM {writer};
   ALTER MATERIALIZED VIEW m RENAME COLUMN a TO aa;
   REVOKE SELECT (aa) ON m FROM {reader};
   GRANT SELECT (id) ON m TO {writer};
   CREATE VIEW over_v AS SELECT id, label FROM v;
   GRANT SELECT (label) ON over_v TO {writer};`,
  `DROP VIEW over_v;
   DROP VIEW v;
   CREATE VIEW v AS SELECT id, 'x'::text AS added, a AS label, b FROM t;
   GRANT SELECT (added, label) ON v TO {reader};
   GRANT UPDATE (label) ON v TO {writer};
   CREATE VIEW over_v AS SELECT id, label FROM v;
   GRANT SELECT (label) ON over_v TO {writer};`,
];

const history = () => revisionsFromSql('view-grants', HISTORY.map((s) => roles.fill(s)));

/** The column privilege steps of a plan: `object name: detail`. */
const columnSteps = (changes: ReturnType<typeof diff>['changes']): string[] =>
  changes.flatMap((c) => (c.kind === 'setPrivileges' && c.step.object === 'column' ? [`${c.step.name}: ${c.step.detail.replaceAll(`${roles.names.reader}`, 'reader').replaceAll(`${roles.names.writer}`, 'writer')}`] : []));

describe('view column privileges converge (pg_dump with privileges)', () => {
  convergesFromEachRevision({ length: HISTORY.length, get: history }, db, { privileges: true });

  it('a plan follows a column rename instead of granting again, and revokes what the target lacks', async () => {
    const f = await db();
    const revisions = history();
    await runMigrations(f.db, revisions.slice(0, 1));
    const target = replayedClean(revisions.slice(0, 2));
    const steps = columnSteps(diff(target, await introspect(f.db)).changes);
    // v.a is renamed to label by the plan: its grants go along (no step for it).
    expect([...steps].sort()).toEqual([
      'public.m.aa: revoke reader: SELECT',
      'public.m.id: grant writer: SELECT',
      'public.over_v.label: grant writer: SELECT',
      'public.v.b2: grant reader: SELECT',
      // As on tables: the grant without option is restated, then the option revoked.
      'public.v.b: grant writer: SELECT; revoke writer: GRANT OPTION FOR SELECT',
    ]);
  });

  it('views the plan drops and creates again get their column grants back, after their creation', async () => {
    const f = await db();
    const revisions = history();
    await runMigrations(f.db, revisions.slice(0, 2));
    const result = await apply(f.db, replayedClean(revisions), { allowDestructive: true });
    const sql = result.plan.steps.map((s) => s.sql);
    const created = sql.findIndex((s) => /^CREATE (OR REPLACE )?VIEW public\.v /.test(s));
    const overCreated = sql.findIndex((s) => /^CREATE (OR REPLACE )?VIEW public\.over_v /.test(s));
    expect(created).toBeGreaterThan(sql.indexOf('DROP VIEW IF EXISTS public.v'));
    // added: reader SELECT; label: reader SELECT, writer UPDATE.
    expect(sql.filter((s) => s.startsWith('GRANT') && s.includes('public.v ')).map((s) => sql.indexOf(s) > created)).toEqual([true, true, true]);
    expect(sql.findIndex((s) => s.startsWith('GRANT SELECT (label) ON TABLE public.over_v'))).toBeGreaterThan(overCreated);
    expect(result.remaining.steps).toEqual([]);
    expect(dumpDifference(await referenceDump(revisions, { privileges: true }), await pgDumpSchema(f.url, [], { privileges: true })) ?? 'same').toBe('same');
  });

  it('a database built without the grants: the plan grants only, and converges', async () => {
    const f = await db();
    const revisions = history();
    await runMigrations(f.db, revisions);
    // A view-level REVOKE takes the column privileges along.
    await f.db.exec(roles.fill(`REVOKE ALL ON v, m, w, over_v FROM {reader}, {writer}`));
    const result = await apply(f.db, replayedClean(revisions));
    expect(result.plan.changes.map((c) => c.kind)).toEqual(result.plan.changes.map(() => 'setPrivileges'));
    expect(result.plan.changes.every((c) => c.safety === 'safe')).toBe(true);
    expect(result.remaining.steps).toEqual([]);
    expect(dumpDifference(await referenceDump(revisions, { privileges: true }), await pgDumpSchema(f.url, [], { privileges: true })) ?? 'same').toBe('same');
  });
});

describe('check sees view column privilege drift', () => {
  it('a column grant revoked live and one given beyond the target: exit 2 naming the columns; a grant to an unnamed role is not drift; apply puts them back', async () => {
    const f = await db();
    const filled = HISTORY.map((s) => roles.fill(s));
    const { dir, check } = await checkAfterDrift(f, filled, roles.fill(`REVOKE SELECT (label) ON v FROM {reader}; GRANT UPDATE (aa) ON m TO {writer}; GRANT SELECT (b) ON v TO {dba}`));
    expect(check.stdout).toMatch(/different column public\.v\.label[^\n]*\n\s*privileges:/);
    expect(check.stdout).toMatch(/different column public\.m\.aa[^\n]*\n\s*privileges:/);
    expect(check.stdout).toContain(`${roles.names.reader}: SELECT`);
    expect(check.stdout).toContain(`${roles.names.writer}: UPDATE`);
    expect(check.stdout).not.toContain(roles.names.dba!);
    const fix = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(fix.stderr).not.toMatch(/error/i);
    expect((await runCli(['check', '-q', '-m', dir, '-d', f.url])).code).toBe(0);
    // The unmanaged grant stays.
    expect(await f.db.query(`SELECT attacl::text AS acl FROM pg_attribute WHERE attrelid = 'v'::regclass AND attname = 'b'`)).toEqual([{ acl: expect.stringContaining(roles.names.dba!) }]);
  });
});
