import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perTestResources } from '../support/cleanups.js';
import { runCli } from '../support/run-cli.js';
import { writeHistory } from '../support/temp-history.js';
import { createTestRoles, type TestRoles } from '../support/test-roles.js';

/**
 * `--owners` on plan, apply and check (and "owners" in schema-sync.json): the same verdict from
 * the three commands, owners changed only when asked, the option recorded in a saved plan and a
 * contradicting command line refused. Owners read back from the catalog (pg_class.relowner).
 */
const { db } = perTestResources();
let roles: TestRoles;
beforeAll(async () => {
  roles = await createTestRoles('app', 'other');
});
afterAll(async () => roles?.drop());

const ownerOf = async (f: Awaited<ReturnType<typeof db>>, rel: string): Promise<string> =>
  (await f.db.query<{ o: string }>(`SELECT pg_get_userbyid(relowner) AS o FROM pg_class WHERE oid = '${rel}'::regclass`))[0]!.o;

describe('--owners on plan, apply and check', () => {
  it('owner drift: plan, check and apply --strict agree with and without --owners; a saved plan records it', async () => {
    const f = await db();
    const dir = await writeHistory([roles.fill('CREATE TABLE orders (id int PRIMARY KEY); ALTER TABLE orders OWNER TO {app};')]);
    expect((await runCli(['apply', '-m', dir, '-d', f.url, '--owners'])).code).toBe(0);
    expect(await ownerOf(f, 'orders')).toBe(roles.names.app);
    await f.db.exec(roles.fill('ALTER TABLE orders OWNER TO {other}'));

    // Without --owners: in sync for all three.
    expect((await runCli(['plan', '-m', dir, '-d', f.url])).code).toBe(0);
    expect((await runCli(['check', '-m', dir, '-d', f.url])).code).toBe(0);
    // With --owners: plan 2, check 2 (the owner named), apply --strict fixes it and exits 0.
    const plan = await runCli(['plan', '-m', dir, '-d', f.url, '--owners']);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain(`owner ${roles.names.app} (was ${roles.names.other})`);
    expect(plan.stdout).toContain('owner change');
    const sql = await runCli(['plan', '-m', dir, '-d', f.url, '--owners', '-f', 'sql']);
    expect(sql.stdout).toContain(`ALTER TABLE public.orders OWNER TO ${roles.names.app};`);
    const check = await runCli(['check', '-m', dir, '-d', f.url, '--owners', '-f', 'json']);
    expect(check.code).toBe(2);
    expect(JSON.parse(check.stdout).verdict.pending).toBeGreaterThan(0);

    const saved = await runCli(['plan', '-m', dir, '-d', f.url, '--owners', '-f', 'json']);
    expect(JSON.parse(saved.stdout).options.owners).toBe(true);
    const planFile = path.join(dir, 'plan.json');
    await writeFile(planFile, saved.stdout);
    const contradicted = await runCli(['apply', '-m', dir, '-d', f.url, '--plan', planFile, '--no-owners']);
    expect(contradicted.code).toBe(1);
    expect(contradicted.stderr).toContain('--owners (the plan was made with it)');
    expect(await ownerOf(f, 'orders')).toBe(roles.names.other);
    const applied = await runCli(['apply', '-d', f.url, '--plan', planFile, '--strict']);
    // The plan was made with the flag, not a config file: apply --plan without it is no contradiction.
    expect(applied.stderr).not.toContain('contradicts');
    expect(applied.code).toBe(0);
    expect(await ownerOf(f, 'orders')).toBe(roles.names.app);
    expect((await runCli(['check', '-m', dir, '-d', f.url, '--owners'])).code).toBe(0);
    expect((await runCli(['plan', '-m', dir, '-d', f.url, '--owners'])).code).toBe(0);
  });

  it('schema-sync.json "owners": true turns it on for every command, --no-owners overrides; inspect and state print owners', async () => {
    const f = await db();
    const dir = await writeHistory([roles.fill('CREATE TABLE t (id int); ALTER TABLE t OWNER TO {app}; GRANT SELECT ON t TO {other};')]);
    await writeFile(path.join(dir, 'schema-sync.json'), JSON.stringify({ owners: true }));
    expect((await runCli(['apply', '-m', '.', '-d', f.url], { cwd: dir })).code).toBe(0);
    expect(await ownerOf(f, 't')).toBe(roles.names.app);
    await f.db.exec(roles.fill('ALTER TABLE t OWNER TO {other}; GRANT SELECT ON t TO {app}'));
    expect((await runCli(['check', '-m', '.', '-d', f.url], { cwd: dir })).code).toBe(2);
    expect((await runCli(['check', '-m', '.', '-d', f.url, '--no-owners'], { cwd: dir })).code).toBe(2); // the grant to other is now the owner's: missing
    await f.db.exec(roles.fill('ALTER TABLE t OWNER TO {app}; GRANT SELECT ON t TO {other}'));
    expect((await runCli(['check', '-m', '.', '-d', f.url], { cwd: dir })).code).toBe(0);
    const state = await runCli(['state', '-m', '.'], { cwd: dir });
    expect(state.stdout).toContain(`ALTER TABLE public.t OWNER TO ${roles.names.app};`);
    expect(state.stdout).toContain(`GRANT SELECT ON TABLE public.t TO ${roles.names.other};`);
    const inspect = await runCli(['inspect', '-d', f.url], { cwd: dir });
    expect(inspect.stdout).toContain(`ALTER TABLE public.t OWNER TO ${roles.names.app};`);
    expect(inspect.stdout).toContain(`GRANT SELECT ON TABLE public.t TO ${roles.names.other};`);
    const json = JSON.parse((await runCli(['inspect', '-d', f.url, '-f', 'json', '--no-owners'], { cwd: dir })).stdout);
    const t = json.tables.find((x: { name: string }) => x.name === 't');
    expect(t.owner).toBeUndefined();
    expect(t.grants).toEqual([{ grantee: roles.names.other, privilege: 'SELECT', grantable: false }]);
    await writeFile(path.join(dir, 'schema-sync.json'), JSON.stringify({ owners: 1 }));
    const bad = await runCli(['plan', '-m', '.', '-d', f.url], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('owners: expected true or false');
  });
});
