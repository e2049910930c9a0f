import { describe, expect, it } from 'vitest';
import { perTestResources } from '../support/cleanups.js';
import { runCli } from '../support/run-cli.js';
import { writeHistory } from '../support/temp-history.js';

const { db } = perTestResources();

const HISTORY = [`CREATE SCHEMA app; CREATE TABLE app.a (id int PRIMARY KEY); CREATE TABLE public.b (id int); CREATE TYPE app.mood AS ENUM ('x', 'y');`];

describe('--schema scopes target and live alike (issue 13, defect 5)', () => {
  it('on an in-sync database: plan --schema app is empty, apply --schema app verifies, check --schema app is in sync', async () => {
    const f = await db();
    const dir = await writeHistory(HISTORY);
    expect((await runCli(['apply', '-q', '-m', dir, '-d', f.url])).code).toBe(0);
    const args = ['-q', '-m', dir, '-d', f.url, '--schema', 'app'];
    const plan = await runCli(['plan', ...args]);
    expect(plan.stdout).not.toContain('public.b');
    expect(plan.stdout).toContain('Nothing to do');
    expect(plan.code).toBe(0);
    const apply = await runCli(['apply', ...args]);
    expect(apply.stdout).toContain('✓ Verified: the database matches the migrations.');
    expect(apply.code).toBe(0);
    const check = await runCli(['check', ...args]);
    expect(check.stdout).toMatch(/^in sync: \d+ objects compared, no differences\n/);
    expect(check.code).toBe(0);
  });

  it('plans and checks only the named schema: what public lacks is neither planned nor reported', async () => {
    const f = await db();
    const dir = await writeHistory(HISTORY);
    expect((await runCli(['apply', '-q', '-m', dir, '-d', f.url])).code).toBe(0);
    await f.db.exec('DROP TABLE app.a; DROP TABLE public.b; CREATE TABLE public.mine (x int)');
    const args = ['-q', '-m', dir, '-d', f.url, '--schema', 'app'];
    const plan = JSON.parse((await runCli(['plan', ...args, '-f', 'json'])).stdout);
    expect(plan.changes.map((c: { name: string }) => c.name)).toEqual(['app.a']);
    expect(plan.unmanaged).toEqual([]);
    const check = await runCli(['check', ...args]);
    expect(check.stdout.split('\n')[0]).toMatch(/^missing {3}table app\.a /);
    expect(check.stdout).toContain('1 difference (1 missing, 0 extra, 0 different)');
    expect((await runCli(['apply', ...args])).code).toBe(0);
    expect(await f.db.query(`SELECT to_regclass('app.a')::text AS a, to_regclass('public.b')::text AS b`)).toEqual([{ a: 'app.a', b: null }]);
    expect((await runCli(['check', ...args])).code).toBe(0);
    // Without the scope the rest is still seen: public.b missing, public.mine extra.
    const all = await runCli(['check', '-q', '-m', dir, '-d', f.url]);
    expect(all.code).toBe(2);
    expect(all.stdout).toContain('missing   table public.b');
    expect(all.stdout).toContain('extra     table public.mine');
  });
});

/** A schema renamed by the history: the live database may still have it under its earlier name. */
const RENAMED = [
  `CREATE SCHEMA app; CREATE TABLE app.a (id int PRIMARY KEY); CREATE TABLE public.b (id int);`,
  `ALTER SCHEMA app RENAME TO core; CREATE TABLE core.c (id int);`,
];

describe('--schema with the new name of a schema the history renamed', () => {
  it('plan, check and apply --schema core find it live under its earlier name and rename it (not create core, leave app)', async () => {
    const f = await db();
    const first = await writeHistory(RENAMED.slice(0, 1));
    expect((await runCli(['apply', '-q', '-m', first, '-d', f.url])).code).toBe(0);
    await f.db.exec('INSERT INTO app.a VALUES (1)');
    const dir = await writeHistory(RENAMED);
    const args = ['-q', '-m', dir, '-d', f.url, '--schema', 'core'];
    const plan = JSON.parse((await runCli(['plan', ...args, '-f', 'json'])).stdout);
    expect(plan.steps.map((s: { sql: string }) => s.sql).join('\n')).toContain('ALTER SCHEMA app RENAME TO core');
    expect(plan.changes.map((c: { kind: string; name: string }) => `${c.kind} ${c.name}`)).toEqual(['rename core', 'createTable core.c']);
    const check = await runCli(['check', ...args]);
    // As without the scope: the schema is seen under its old name (check compares names, plan pairs them).
    expect(check.code).toBe(2);
    expect(check.stdout).toContain('extra     schema app\nmissing   schema core');
    expect(check.stdout).toContain('extra     table app.a\n');
    expect((await runCli(['apply', ...args])).code).toBe(0);
    expect(await f.db.query(`SELECT id FROM core.a`)).toEqual([{ id: 1 }]);
    expect(await f.db.query(`SELECT nspname FROM pg_namespace WHERE nspname IN ('app', 'core')`)).toEqual([{ nspname: 'core' }]);
    expect((await runCli(['check', ...args])).code).toBe(0);
  });
});
