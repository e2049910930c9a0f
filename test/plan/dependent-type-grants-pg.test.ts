import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { compareStates, diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { plan } from '../../src/plan/index.js';
import { replay } from '../../src/replay/index.js';
import type { FreshDatabase } from '../support/database.js';
import { checkAfterDrift } from '../support/drifted-check.js';
import { pgDumpSchema } from '../support/pg-dump/pg-dump.js';
import { dumpDifference } from '../support/pg-dump/schema-oracle.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';
import { useRoleFixture } from '../support/test-roles.js';

/**
 * Grants and owners of the types PostgreSQL makes along with another object, which have an ACL
 * of their own on PostgreSQL 15: a range's multirange (and its owner) and a table's or view's
 * row type. pg_dump prints none of them, so besides the pg_dump oracle each case compares the
 * two databases' pg_type rows (owner and ACL, grantor left out) directly, and a second plan must
 * be empty.
 */
const HISTORY = [
  `CREATE SCHEMA app;
   CREATE TYPE app.span AS RANGE (SUBTYPE = int4);
   GRANT USAGE ON TYPE app.span TO {reader};
   REVOKE USAGE ON TYPE app.span_multirange FROM PUBLIC;
   GRANT USAGE ON TYPE app.span_multirange TO {writer} WITH GRANT OPTION;
   ALTER TYPE app.span_multirange OWNER TO {owner};
   CREATE TABLE app.orders (id int);
   REVOKE USAGE ON TYPE app.orders FROM PUBLIC;
   GRANT USAGE ON TYPE app.orders TO {reader};
   CREATE VIEW app.totals AS SELECT count(*) AS n FROM app.orders;
   GRANT USAGE ON TYPE app.totals TO {writer};`,
];

const fixture = useRoleFixture(['reader', 'writer', 'owner', 'dba'], { beforeAll, afterAll });

const dump = (url: string): Promise<string> => pgDumpSchema(url, [], { owners: true, privileges: true });

/** Owner and ACL (grantee:privilege:grantable, the grantor left out) of app's range, multirange and row types. */
async function typeAcls(f: FreshDatabase): Promise<unknown[]> {
  return f.db.query(`SELECT t.typname AS name, pg_catalog.pg_get_userbyid(t.typowner) AS owner,
      (SELECT pg_catalog.array_agg(a.grantee::regrole::text || ':' || a.privilege_type || ':' || a.is_grantable ORDER BY 1)
       FROM pg_catalog.aclexplode(t.typacl) a) AS acl
    FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'app' AND t.typtype IN ('r', 'm', 'c') ORDER BY 1`);
}

describe('multirange and row type grants and owners through plan and apply', () => {
  it('an empty database converges: the same pg_type ACLs and owners as the migrations give, pg_dump agrees, a second plan is empty', async () => {
    const { roles, expected, live } = fixture();
    const revisions = revisionsFromSql('dependent', HISTORY.map((s) => roles.fill(s)));
    await runMigrations(expected.db, revisions);
    const target = replay(revisions).state;
    const result = await apply(live.db, target, { owners: true });
    expect(result.plan.steps.map((s) => s.sql)).toEqual(expect.arrayContaining([
      `ALTER TYPE app.span_multirange OWNER TO ${roles.names.owner}`,
      'REVOKE USAGE ON TYPE app.span_multirange FROM PUBLIC',
      `GRANT USAGE ON TYPE app.span_multirange TO ${roles.names.writer} WITH GRANT OPTION`,
      'REVOKE USAGE ON TYPE app.orders FROM PUBLIC',
      `GRANT USAGE ON TYPE app.totals TO ${roles.names.writer}`,
    ]));
    expect(result.remaining.steps).toEqual([]);
    const after = await introspect(live.db, { owners: true });
    expect(diff(target, after, { owners: true }).changes).toEqual([]);
    expect(compareStates(target, after, { owners: true })).toEqual([]);
    expect(await typeAcls(live)).toEqual(await typeAcls(expected));
    expect(dumpDifference(await dump(expected.url), await dump(live.url))).toBeUndefined();
  });

  it('drift of them is named by check (on the range, table, view), planned as GRANT / REVOKE / ALTER TYPE .. OWNER TO and converges', async () => {
    const { roles, expected, live } = fixture();
    const target = replay(revisionsFromSql('dependent', HISTORY.map((s) => roles.fill(s)))).state;
    await live.db.exec(roles.fill(`GRANT USAGE ON TYPE app.span_multirange TO PUBLIC;
      REVOKE GRANT OPTION FOR USAGE ON TYPE app.span_multirange FROM {writer};
      ALTER TYPE app.span_multirange OWNER TO {dba};
      GRANT USAGE ON TYPE app.orders TO {writer};
      REVOKE USAGE ON TYPE app.totals FROM {writer};
      GRANT USAGE ON TYPE app.totals TO {dba};`));
    const liveState = await introspect(live.db, { owners: true });
    const differences = compareStates(target, liveState, { owners: true });
    expect(differences.map((d) => [d.object, d.name, d.attributes?.map((a) => a.attribute)])).toEqual([
      ['range type', 'app.span', ['multirange privileges', 'multirange owner']],
      ['table', 'app.orders', ['row type privileges']],
      ['view', 'app.totals', ['row type privileges']],
    ]);
    // The role the history never names is unmanaged: its grant is no difference (the owner change is).
    expect(JSON.stringify(differences.flatMap((d) => d.attributes?.filter((a) => a.attribute !== 'multirange owner')))).not.toContain(roles.names.dba);
    const p = plan(diff(target, liveState, { owners: true }), liveState);
    const privileges = p.changes.filter((c) => c.kind === 'setPrivileges');
    expect(privileges.map((c) => [c.kind === 'setPrivileges' && c.step.name, c.kind === 'setPrivileges' && c.step.detail, c.safety])).toEqual([
      ['app.orders', `row type: revoke ${roles.names.writer}: USAGE`, 'review'],
      ['app.span', `multirange type app.span_multirange: owner ${roles.names.owner} (was ${roles.names.dba})`, 'review'],
      ['app.span', `multirange type app.span_multirange: grant ${roles.names.writer}: USAGE WITH GRANT OPTION; revoke PUBLIC: USAGE`, 'review'],
      ['app.totals', `row type: grant ${roles.names.writer}: USAGE`, 'safe'],
    ]);
    const result = await apply(live.db, target, { owners: true });
    expect(result.remaining.steps).toEqual([]);
    expect(compareStates(target, await introspect(live.db, { owners: true }), { owners: true })).toEqual([]);
    // Same pg_type rows as the migrations give, but for the unmanaged role's grant on the view's row type.
    const built = (await typeAcls(expected)) as { name: string; acl: string[] | null }[];
    const converged = (await typeAcls(live)) as { name: string; acl: string[] | null }[];
    expect(converged.map((r) => (r.name === 'totals' ? { ...r, acl: r.acl?.filter((a) => !a.startsWith(`${roles.names.dba}:`)) } : r))).toEqual(built);
  });

  it('a range type the plan drops and creates again (another subtype) gets its and its multirange\'s grants and owner back in the same apply', async () => {
    const { roles, expected, live } = fixture();
    const target = replay(revisionsFromSql('dependent', HISTORY.map((s) => roles.fill(s)))).state;
    // The live range has the target's grants and owners but another subtype: the plan rebuilds it.
    await live.db.exec(roles.fill(`DROP TYPE app.span;
      CREATE TYPE app.span AS RANGE (SUBTYPE = int8);
      GRANT USAGE ON TYPE app.span TO {reader};
      REVOKE USAGE ON TYPE app.span_multirange FROM PUBLIC;
      GRANT USAGE ON TYPE app.span_multirange TO {writer} WITH GRANT OPTION;
      ALTER TYPE app.span_multirange OWNER TO {owner};`));
    const result = await apply(live.db, target, { owners: true });
    expect(result.plan.steps.map((s) => s.sql)).toEqual(expect.arrayContaining([
      `GRANT USAGE ON TYPE app.span TO ${roles.names.reader}`,
      `ALTER TYPE app.span_multirange OWNER TO ${roles.names.owner}`,
    ]));
    expect(result.remaining.steps).toEqual([]);
    expect(compareStates(target, await introspect(live.db, { owners: true }), { owners: true })).toEqual([]);
    const withoutDba = (rows: unknown[]) => (rows as { name: string; acl: string[] | null }[]).map((r) => ({ ...r, acl: r.acl?.filter((a) => !a.startsWith(`${roles.names.dba}:`)) ?? null }));
    expect(withoutDba(await typeAcls(live))).toEqual(withoutDba(await typeAcls(expected)));
  });

  it('check (CLI) exits 2 naming a multirange grant and a row type grant revoked live', async () => {
    const { roles, live } = fixture();
    const history = HISTORY.map((s) => roles.fill(s).replace(/ALTER TYPE app\.span_multirange OWNER TO \S+;/, ''));
    await live.db.exec('DROP SCHEMA app CASCADE');
    const { check } = await checkAfterDrift(live, history, roles.fill(`REVOKE USAGE ON TYPE app.span_multirange FROM {writer};
      GRANT USAGE ON TYPE app.orders TO PUBLIC;`));
    expect(check.stdout).toContain('different range type app.span');
    expect(check.stdout).toContain('multirange privileges');
    expect(check.stdout).toContain(`${roles.names.writer}: USAGE WITH GRANT OPTION`);
    expect(check.stdout).toContain('different table app.orders');
    expect(check.stdout).toContain('row type privileges');
  });
});
