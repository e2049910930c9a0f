import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareStates } from '../../src/diff/index.js';
import { privilegeScope } from '../../src/kinds/privilege/privilege-compare.js';
import { diffPrivileges } from '../../src/kinds/privilege/privilege-steps.js';
import { introspect } from '../../src/introspect/index.js';
import { replay } from '../../src/replay/index.js';
import { pgDumpSchema } from '../support/pg-dump/pg-dump.js';
import { dumpDifference } from '../support/pg-dump/schema-oracle.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';
import { useRoleFixture } from '../support/test-roles.js';

/**
 * Privilege convergence: a live database with the same objects but drifted grants gets the
 * privilege statements the diff plans; afterwards it must equal the target (compareStates) and,
 * by the independent oracle, pg_dump of it must equal pg_dump of a database built from the
 * migrations (pg_dump prints every GRANT / REVOKE and ALTER DEFAULT PRIVILEGES).
 */
const OBJECTS = `CREATE SCHEMA app;
  CREATE TABLE app.t (id serial PRIMARY KEY, email text, secret text);
  CREATE VIEW app.v AS SELECT id FROM app.t;
  CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
  CREATE TYPE app.e AS ENUM ('x');
  CREATE TYPE app.c AS (x int);
  CREATE TYPE app.r AS RANGE (SUBTYPE = int8);`;

const GRANTS = `GRANT USAGE ON SCHEMA app TO {r1}, {r2};
  GRANT SELECT, INSERT ON app.t TO {r1} WITH GRANT OPTION;
  GRANT SELECT (email) ON app.t TO {r2};
  REVOKE ALL ON app.t FROM {r3};
  GRANT USAGE ON SEQUENCE app.t_id_seq TO {r1};
  GRANT SELECT ON app.v TO {r2};
  REVOKE EXECUTE ON FUNCTION app.f() FROM PUBLIC;
  GRANT EXECUTE ON FUNCTION app.f() TO {r1};
  REVOKE USAGE ON TYPE app.e FROM PUBLIC;
  REVOKE USAGE ON TYPE app.c FROM PUBLIC;
  GRANT USAGE ON TYPE app.r TO {r1};
  ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO {r2};`;

/** The live database's drift: grants beyond the target to managed roles, a missing grant option, one unmanaged grant. */
const DRIFT = `GRANT ALL ON app.t TO {r2};
  GRANT SELECT ON app.t TO {r1};
  GRANT UPDATE (secret) ON app.t TO {r1};
  GRANT EXECUTE ON FUNCTION app.f() TO {r3};
  ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO {r3};
  GRANT SELECT ON app.v TO {other};`;

const fixture = useRoleFixture(['r1', 'r2', 'r3', 'other'], { beforeAll, afterAll });

describe('privileges converge', () => {
  it('drifted grants are granted and revoked for the named roles only; pg_dump agrees', async () => {
    const { roles, expected, live } = fixture();
    const revisions = revisionsFromSql('grants', [roles.fill(OBJECTS), roles.fill(GRANTS)]);
    await runMigrations(expected.db, revisions);
    // The unmanaged grant exists on both sides: it must survive the convergence untouched.
    await expected.db.exec(roles.fill('GRANT SELECT ON app.v TO {other}'));
    await runMigrations(live.db, revisionsFromSql('live', [roles.fill(OBJECTS), roles.fill(DRIFT)]));

    const target = replay(revisions).state;
    const scope = privilegeScope(target);
    const steps = diffPrivileges(target, await introspect(live.db), scope);
    expect(steps.length).toBeGreaterThan(0);
    // Revoking from an existing object loses access: review; a pure grant is safe.
    for (const s of steps) expect(s.safety, s.name).toBe(s.sql.some((q) => /\bREVOKE\b/.test(q)) ? 'review' : 'safe');
    expect(JSON.stringify(steps)).not.toContain(roles.names.other);
    // The oracle sees the drift before convergence (it is not blind to grants).
    expect(dumpDifference(await pgDumpSchema(expected.url, [], { privileges: true }), await pgDumpSchema(live.url, [], { privileges: true }))).toMatch(/GRANT SELECT,INSERT,REFERENCES,DELETE,TRIGGER,TRUNCATE,UPDATE ON TABLE app\.t TO/);
    for (const s of steps) for (const q of s.sql) await live.db.exec(q);

    expect(compareStates(target, await introspect(live.db))).toEqual([]);
    expect(diffPrivileges(target, await introspect(live.db), scope)).toEqual([]);
    expect(dumpDifference(await pgDumpSchema(expected.url, [], { privileges: true }), await pgDumpSchema(live.url, [], { privileges: true }))).toBeUndefined();
  });
});
