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
 * Privileges through the planner and apply: an empty database gets the objects and then their
 * grants and default privileges (pg_dump, with privileges, equals a database built from the
 * migrations); live drift is planned as GRANT / REVOKE (revokes `review`, access loss) and
 * converges; a grant to a role the server lacks stops apply before anything is written.
 */
const HISTORY = [
  `CREATE SCHEMA app;
   GRANT USAGE ON SCHEMA app TO {reader}, {writer};
   ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO {reader};
   CREATE TABLE app.orders (id serial PRIMARY KEY, total numeric, note text);
   GRANT INSERT, UPDATE (note) ON app.orders TO {writer};
   GRANT USAGE ON SEQUENCE app.orders_id_seq TO {writer};
   CREATE VIEW app.totals AS SELECT sum(total) AS total FROM app.orders;
   CREATE FUNCTION app.secret() RETURNS int LANGUAGE sql AS 'SELECT 42';
   REVOKE EXECUTE ON FUNCTION app.secret() FROM PUBLIC;
   GRANT EXECUTE ON FUNCTION app.secret() TO {writer} WITH GRANT OPTION;
   CREATE AGGREGATE app.total(numeric) (SFUNC = numeric_add, STYPE = numeric);
   REVOKE EXECUTE ON FUNCTION app.total(numeric) FROM PUBLIC;
   GRANT EXECUTE ON FUNCTION app.total(numeric) TO {reader};`,
];

const fixture = useRoleFixture(['reader', 'writer', 'dba'], { beforeAll, afterAll });

const dump = (url: string): Promise<string> => pgDumpSchema(url, [], { privileges: true });

describe('privileges through plan and apply', () => {
  it('an empty database converges, default privileges and grants included; pg_dump agrees', async () => {
    const { roles, expected, live } = fixture();
    const revisions = revisionsFromSql('grants', HISTORY.map((s) => roles.fill(s)));
    await runMigrations(expected.db, revisions);
    const target = replay(revisions).state;
    const result = await apply(live.db, target);
    expect(result.remaining.steps).toEqual([]);
    expect(compareStates(target, await introspect(live.db))).toEqual([]);
    expect(dumpDifference(await dump(expected.url), await dump(live.url))).toBeUndefined();
  });

  it('drift is planned as GRANT / REVOKE (revokes are review: access loss) and converges; another role keeps its grant', async () => {
    const { roles, expected, live } = fixture();
    const target = replay(revisionsFromSql('grants', HISTORY.map((s) => roles.fill(s)))).state;
    await live.db.exec(roles.fill(`REVOKE UPDATE (note) ON app.orders FROM {writer};
      GRANT DELETE ON app.orders TO {writer};
      GRANT EXECUTE ON FUNCTION app.secret() TO PUBLIC;
      GRANT SELECT ON app.orders TO {dba};
      GRANT EXECUTE ON FUNCTION app.total(numeric) TO PUBLIC, {writer};`));
    const liveState = await introspect(live.db);
    const p = plan(diff(target, liveState), liveState);
    const privileges = p.changes.filter((c) => c.kind === 'setPrivileges');
    expect(privileges.map((c) => [c.kind === 'setPrivileges' && c.step.name, c.safety, c.hazards])).toEqual([
      ['app.orders', 'review', ['access loss']],
      ['app.orders.note', 'safe', []],
      ['app.secret()', 'review', ['access loss']],
      ['app.total(numeric)', 'review', ['access loss']],
    ]);
    expect(p.steps.map((s) => s.sql).filter((s) => s.includes('app.total'))).toEqual([
      'REVOKE EXECUTE ON FUNCTION app.total(numeric) FROM PUBLIC',
      `REVOKE EXECUTE ON FUNCTION app.total(numeric) FROM ${roles.names.writer}`,
    ]);
    expect(p.steps.map((s) => s.sql).join('\n')).not.toContain(roles.names.dba);
    const result = await apply(live.db, target);
    expect(result.remaining.steps).toEqual([]);
    expect(compareStates(target, await introspect(live.db))).toEqual([]);
    // The unmanaged grant stays: the dumps differ by exactly that line.
    const difference = dumpDifference(await dump(expected.url), await dump(live.url)) ?? '';
    expect(difference.split('\n').filter((l) => /^[+-][^+-]/.test(l))).toEqual([`+GRANT SELECT ON TABLE app.orders TO ${roles.names.dba};`]);
  });

  it('an aggregate or function the plan drops and creates again gets its grants back in the same apply', async () => {
    const { roles, expected, live } = fixture();
    const target = replay(revisionsFromSql('grants', HISTORY.map((s) => roles.fill(s)))).state;
    // Built by the history, then both recreated differently (a final function; another return type), grants as the target's.
    await live.db.exec(roles.fill(`REVOKE SELECT ON app.orders FROM {dba};
      DROP AGGREGATE app.total(numeric);
      CREATE AGGREGATE app.total(numeric) (SFUNC = numeric_add, STYPE = numeric, FINALFUNC = abs);
      REVOKE EXECUTE ON FUNCTION app.total(numeric) FROM PUBLIC; GRANT EXECUTE ON FUNCTION app.total(numeric) TO {reader};
      DROP FUNCTION app.secret();
      CREATE FUNCTION app.secret() RETURNS bigint LANGUAGE sql AS 'SELECT 42';
      REVOKE EXECUTE ON FUNCTION app.secret() FROM PUBLIC; GRANT EXECUTE ON FUNCTION app.secret() TO {writer} WITH GRANT OPTION;`));
    const result = await apply(live.db, target);
    expect(result.plan.steps.map((s) => s.sql)).toEqual(expect.arrayContaining([
      'DROP AGGREGATE IF EXISTS app.total(numeric)',
      'REVOKE EXECUTE ON FUNCTION app.total(numeric) FROM PUBLIC',
    ]));
    expect(result.remaining.steps).toEqual([]);
    expect(compareStates(target, await introspect(live.db))).toEqual([]);
    expect(dumpDifference(await dump(expected.url), await dump(live.url))).toBeUndefined();
  });

  it('a grant to a role the server lacks: exit-1 error naming it, nothing written', async () => {
    const { roles } = fixture();
    const fresh = await freshDatabase();
    try {
      const revisions = revisionsFromSql('missing', ['CREATE TABLE t (id int); GRANT SELECT ON t TO ghost_role_w17, ' + roles.names.reader + ';']);
      const target = replay(revisions).state;
      await expect(apply(fresh.db, target)).rejects.toThrow(/roles? that do(es)? not exist on this server: "ghost_role_w17"; nothing was applied/);
      expect((await introspect(fresh.db)).tables.size).toBe(0);
    } finally {
      await fresh.drop();
    }
  });
});
