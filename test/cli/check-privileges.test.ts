import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/load/index.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';
import { runCli } from '../support/run-cli.js';
import { runMigrations } from '../support/run-migrations.js';
import { writeHistory } from '../support/temp-history.js';
import { createTestRoles, type TestRoles } from '../support/test-roles.js';

/** `check` as a security drift gate: privileges of the roles the history names, owners with --owners. */
let roles: TestRoles;
let fresh: FreshDatabase;
let dir: string;
beforeAll(async () => {
  roles = await createTestRoles('reader', 'writer', 'owner', 'dba');
  fresh = await freshDatabase();
  dir = await writeHistory([
    roles.fill(`CREATE TABLE orders (id int PRIMARY KEY, total numeric);
      CREATE FUNCTION secret() RETURNS int LANGUAGE sql AS 'SELECT 42';
      GRANT SELECT ON orders TO {reader};
      GRANT SELECT, INSERT, UPDATE ON orders TO {writer};
      REVOKE EXECUTE ON FUNCTION secret() FROM PUBLIC;
      ALTER TABLE orders OWNER TO {owner};
      CREATE AGGREGATE total(numeric) (SFUNC = numeric_add, STYPE = numeric);
      REVOKE EXECUTE ON FUNCTION total(numeric) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION total(numeric) TO {reader};
      ALTER AGGREGATE total(numeric) OWNER TO {owner};
      ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO {reader};
      ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;`),
  ]);
  await runMigrations(fresh.db, (await loadMigrations(dir)).revisions);
});
afterAll(async () => {
  await fresh?.drop();
  await roles?.drop();
});

describe('check reports privilege drift', () => {
  it('in sync when built by the migrations; a grant to an unnamed role is not drift', async () => {
    await fresh.db.exec(roles.fill('GRANT SELECT ON orders TO {dba}'));
    const r = await runCli(['check', '-m', dir, '-d', fresh.url]);
    expect(r.stdout).toMatch(/^in sync/);
    expect(r.code).toBe(0);
  });

  it('a privilege revoked live, one granted beyond the target, PUBLIC EXECUTE given back: exit 2 naming each', async () => {
    await fresh.db.exec(roles.fill(`REVOKE INSERT ON orders FROM {writer}; GRANT DELETE ON orders TO {reader};
      GRANT EXECUTE ON FUNCTION secret() TO PUBLIC; REVOKE EXECUTE ON FUNCTION total(numeric) FROM {reader};`));
    try {
      const r = await runCli(['check', '-m', dir, '-d', fresh.url]);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain('different table public.orders');
      expect(r.stdout).toContain(`${roles.names.writer}: INSERT`);
      expect(r.stdout).toContain(`${roles.names.reader}: DELETE`);
      expect(r.stdout).toContain('different function public.secret()');
      expect(r.stdout).toContain('PUBLIC: EXECUTE');
      expect(r.stdout).toContain('different aggregate public.total(numeric)');
      expect(r.stdout).toContain(`${roles.names.reader}: EXECUTE`);
      expect(r.stdout).not.toContain(roles.names.dba!);
    } finally {
      await fresh.db.exec(roles.fill(`GRANT INSERT ON orders TO {writer}; REVOKE DELETE ON orders FROM {reader};
        REVOKE EXECUTE ON FUNCTION secret() FROM PUBLIC; GRANT EXECUTE ON FUNCTION total(numeric) TO {reader};`));
    }
  });

  it('default privileges revoked live, or given beyond the target: exit 2 naming each', async () => {
    await fresh.db.exec(roles.fill(`ALTER DEFAULT PRIVILEGES REVOKE SELECT ON TABLES FROM {reader};
      ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO {writer}; ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO PUBLIC;`));
    try {
      const r = await runCli(['check', '-m', dir, '-d', fresh.url, '--format', 'json']);
      expect(r.code).toBe(2);
      const differences = JSON.parse(r.stdout).differences as { kind: string; object: string; name: string }[];
      expect(differences.map((d) => `${d.kind} ${d.object}`)).toEqual(['different default privileges', 'different default privileges', 'different default privileges']);
      const text = await runCli(['check', '-m', dir, '-d', fresh.url]);
      expect(text.stdout).toContain(`${roles.names.reader}: SELECT`);
      expect(text.stdout).toContain(`${roles.names.writer}: USAGE`);
      expect(text.stdout).toContain('PUBLIC: EXECUTE');
    } finally {
      await fresh.db.exec(roles.fill(`ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO {reader};
        ALTER DEFAULT PRIVILEGES REVOKE USAGE ON SEQUENCES FROM {writer}; ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;`));
    }
    expect((await runCli(['check', '-m', dir, '-d', fresh.url])).code).toBe(0);
  });

  it('owners are compared only with --owners', async () => {
    await fresh.db.exec(roles.fill('ALTER TABLE orders OWNER TO {dba}; ALTER AGGREGATE total(numeric) OWNER TO {dba}'));
    try {
      expect((await runCli(['check', '-m', dir, '-d', fresh.url])).code).toBe(0);
      const r = await runCli(['check', '-m', dir, '-d', fresh.url, '--owners']);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain(`owner: target ${roles.names.owner}, live ${roles.names.dba}`);
      expect(r.stdout).toContain('different aggregate public.total(numeric)');
    } finally {
      await fresh.db.exec(roles.fill('ALTER TABLE orders OWNER TO {owner}; ALTER AGGREGATE total(numeric) OWNER TO {owner}'));
    }
  });
});
