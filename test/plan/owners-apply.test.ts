import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { compareStates, diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { plan } from '../../src/plan/index.js';
import { replay } from '../../src/replay/index.js';
import { freshDatabase } from '../support/database.js';
import { pgDumpSchema } from '../support/pg-dump/pg-dump.js';
import { dumpDifference } from '../support/pg-dump/schema-oracle.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';
import { useRoleFixture } from '../support/test-roles.js';

/**
 * Owners through plan and apply (`owners: true`, the CLI's --owners): every kind replay records
 * an owner on gets ALTER ... OWNER TO where the live owner differs. Judged by pg_dump with owners
 * and privileges against a database the migrations built; a second plan must be empty. Two
 * NOLOGIN roles own the objects; a third (`deployer`) is a role the apply may run as.
 */
const HISTORY = [
  `CREATE SCHEMA app;
   ALTER SCHEMA app OWNER TO {a};
   CREATE TYPE app.mood AS ENUM ('ok', 'meh');
   ALTER TYPE app.mood OWNER TO {a};
   CREATE DOMAIN app.pos AS int CHECK (VALUE > 0);
   ALTER DOMAIN app.pos OWNER TO {b};
   GRANT USAGE ON DOMAIN app.pos TO {a};
   CREATE SEQUENCE app.counter;
   ALTER SEQUENCE app.counter OWNER TO {b};
   CREATE TABLE app.orders (id serial PRIMARY KEY, qty app.pos, mood app.mood);
   ALTER TABLE app.orders OWNER TO {a};
   GRANT SELECT ON app.orders TO {b};`,
  `CREATE VIEW app.v AS SELECT id FROM app.orders;
   ALTER VIEW app.v OWNER TO {b};
   CREATE MATERIALIZED VIEW app.mv AS SELECT id FROM app.orders;
   ALTER MATERIALIZED VIEW app.mv OWNER TO {a};
   CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
   ALTER FUNCTION app.f() OWNER TO {a};
   CREATE PROCEDURE app.p() LANGUAGE sql AS 'SELECT 1';
   ALTER PROCEDURE app.p() OWNER TO {b};
   CREATE AGGREGATE app.total(int) (SFUNC = int4pl, STYPE = int);
   ALTER AGGREGATE app.total(int) OWNER TO {b};
   GRANT EXECUTE ON FUNCTION app.total(int) TO {a};
   CREATE COLLATION app.c_sort (locale = 'C');
   ALTER COLLATION app.c_sort OWNER TO {a};
   CREATE FUNCTION app.same(int, int) RETURNS boolean LANGUAGE sql AS 'SELECT $1 = $2';
   CREATE OPERATOR app.=== (FUNCTION = app.same, LEFTARG = int, RIGHTARG = int);
   ALTER OPERATOR app.=== (int, int) OWNER TO {b};`,
];

const fixture = useRoleFixture(['a', 'b', 'deployer'], { beforeAll, afterAll });

const dump = (url: string): Promise<string> => pgDumpSchema(url, [], { owners: true, privileges: true });
const ownerSteps = (p: ReturnType<typeof plan>): string[] => p.steps.map((s) => s.sql).filter((s) => / OWNER TO /.test(s));

describe('owners through plan and apply (--owners)', () => {
  it('from an empty database and from the first revision: pg_dump with owners agrees, a second plan is empty', async () => {
    const { roles, expected } = fixture();
    const revisions = revisionsFromSql('owners', HISTORY.map((s) => roles.fill(s)));
    await runMigrations(expected.db, revisions);
    const reference = await dump(expected.url);
    const target = replay(revisions).state;
    for (const from of [0, 1]) {
      const f = await freshDatabase();
      try {
        await runMigrations(f.db, revisions.slice(0, from));
        const result = await apply(f.db, target, { owners: true });
        expect(ownerSteps(result.plan).length).toBe(from === 0 ? 12 : 7);
        expect(dumpDifference(reference, await dump(f.url)) ?? 'same pg_dump').toBe('same pg_dump');
        const after = await introspect(f.db, { owners: true });
        expect(diff(target, after, { owners: true }).changes).toEqual([]);
        expect(compareStates(target, after, { owners: true })).toEqual([]);
      } finally {
        await f.drop();
      }
    }
  });

  it('owner drift: planned only with owners, review with the hazard `owner change`, applied, converged', async () => {
    const { roles, live, expected } = fixture();
    const revisions = revisionsFromSql('owners', HISTORY.map((s) => roles.fill(s)));
    await runMigrations(live.db, revisions);
    await live.db.exec(roles.fill(`ALTER TABLE app.orders OWNER TO {b}; ALTER DOMAIN app.pos OWNER TO {a};
      ALTER FUNCTION app.f() OWNER TO {b}; ALTER SCHEMA app OWNER TO {b};
      ALTER AGGREGATE app.total(int) OWNER TO {a}; ALTER COLLATION app.c_sort OWNER TO {b}; ALTER OPERATOR app.=== (int, int) OWNER TO {a};`));
    const target = replay(revisions).state;
    const without = await introspect(live.db);
    // Without owners nothing changes owner. (A grant to the role that became owner is folded into
    // the owner's entries by PostgreSQL, so those grants show as missing either way.)
    const planWithout = plan(diff(target, without), without);
    expect(ownerSteps(planWithout)).toEqual([]);
    expect(planWithout.changes.flatMap((c) => c.hazards)).not.toContain('owner change');
    const withOwners = await introspect(live.db, { owners: true });
    const p = plan(diff(target, withOwners, { owners: true }), withOwners);
    const { a, b } = roles.names;
    expect(p.changes.filter((c) => c.hazards.includes('owner change')).map((c) => [c.kind === 'setPrivileges' ? c.step.name : c.kind, c.safety]).sort()).toEqual([
      ['app', 'review'],
      ['app.===(integer, integer)', 'review'],
      ['app.c_sort', 'review'],
      ['app.f()', 'review'],
      ['app.orders', 'review'],
      ['app.pos', 'review'],
      ['app.total(integer)', 'review'],
    ]);
    expect(ownerSteps(p).sort()).toEqual([
      `ALTER AGGREGATE app.total(integer) OWNER TO ${b}`, `ALTER COLLATION app.c_sort OWNER TO ${a}`, `ALTER DOMAIN app.pos OWNER TO ${b}`,
      `ALTER FUNCTION app.f() OWNER TO ${a}`, `ALTER OPERATOR app.=== (integer, integer) OWNER TO ${b}`, `ALTER SCHEMA app OWNER TO ${a}`,
      `ALTER TABLE app.orders OWNER TO ${a}`,
    ]);
    const differences = compareStates(target, withOwners, { owners: true });
    expect(differences.find((d) => d.object === 'table' && d.name === 'app.orders')?.attributes).toContainEqual({ attribute: 'owner', target: a, live: b });
    expect(differences.find((d) => d.object === 'domain' && d.name === 'app.pos')?.attributes).toContainEqual({ attribute: 'owner', target: b, live: a });
    expect(differences.find((d) => d.object === 'aggregate' && d.name === 'app.total(integer)')?.attributes).toContainEqual({ attribute: 'owner', target: b, live: a });
    expect(differences.find((d) => d.object === 'collation' && d.name === 'app.c_sort')?.attributes).toContainEqual({ attribute: 'owner', target: a, live: b });
    expect(differences.find((d) => d.object === 'operator')?.attributes).toContainEqual({ attribute: 'owner', target: b, live: a });
    const result = await apply(live.db, target, { owners: true });
    expect(result.remaining.steps).toEqual([]);
    // The table's serial sequence went along with ALTER TABLE, as PostgreSQL moves owned sequences.
    expect(dumpDifference(await dump(expected.url), await dump(live.url)) ?? 'same pg_dump').toBe('same pg_dump');
  });

  it('a role the server lacks, or one the applying role is not a member of: exit-1 error naming it, nothing written', async () => {
    const { roles } = fixture();
    const fresh = await freshDatabase();
    try {
      const ghost = replay(revisionsFromSql('ghost', ['CREATE TABLE t (id int); ALTER TABLE t OWNER TO ghost_owner_w17;'])).state;
      await expect(apply(fresh.db, ghost, { owners: true })).rejects.toThrow(/roles? that do(es)? not exist on this server: "ghost_owner_w17"; nothing was applied/);
      // Without --owners the owner is left alone and the role is never needed.
      await expect(apply(fresh.db, ghost)).resolves.toBeDefined();
      await fresh.db.exec('DROP TABLE t');
      const target = replay(revisionsFromSql('owners', HISTORY.map((s) => roles.fill(s)))).state;
      await fresh.db.exec(roles.fill('GRANT CREATE ON DATABASE CURRENT_DATABASE_PLACEHOLDER TO {deployer}').replace('CURRENT_DATABASE_PLACEHOLDER', `"${(await fresh.db.query<{ d: string }>('SELECT current_database() AS d'))[0]!.d}"`));
      await fresh.db.exec(roles.fill('SET ROLE {deployer}'));
      try {
        await expect(apply(fresh.db, target, { owners: true })).rejects.toThrow(
          new RegExp(`the plan makes "${roles.names.a}", "${roles.names.b}" owner of objects \\(--owners\\), but the role applying it \\("${roles.names.deployer}"\\) is not a member`),
        );
      } finally {
        await fresh.db.exec('RESET ROLE');
      }
      expect((await introspect(fresh.db)).tables.size).toBe(0);
      expect((await introspect(fresh.db)).schemas.has('app')).toBe(false);
    } finally {
      await fresh.drop();
    }
  });
});
