import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { perTestResources } from '../support/cleanups.js';
import { runCli } from '../support/run-cli.js';
import { writeHistory } from '../support/temp-history.js';

const { db } = perTestResources();

const tables = async (f: Awaited<ReturnType<typeof db>>): Promise<string[]> =>
  (await f.db.query<{ relname: string }>(`SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1`)).map((t) => t.relname);

describe('--declaration and the config key "declaration"', () => {
  it('check, plan and apply: an undeclared table is a pending drop instead of unmanaged, dropped only with --allow-destructive', async () => {
    const f = await db();
    const dir = await writeHistory(['CREATE TABLE users (id int PRIMARY KEY);']);
    expect((await runCli(['apply', '-m', dir, '-d', f.url])).code).toBe(0);
    await f.db.exec('CREATE TABLE legacy (id int)');

    const history = await runCli(['plan', '-m', dir, '-d', f.url]);
    expect(history.code).toBe(2);
    expect(history.stdout).toContain('unmanaged: 1 object');

    const check = await runCli(['check', '-m', dir, '-d', f.url, '--declaration', '--format', 'json']);
    expect(check.code).toBe(2);
    const verdict = JSON.parse(check.stdout).verdict;
    expect(verdict.unmanaged).toBe(0);
    expect(verdict.skipped).toBe(1);

    const plan = await runCli(['plan', '-m', dir, '-d', f.url, '--declaration', '--allow-destructive']);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/drop.*legacy.*not declared by the migrations/);
    expect(plan.stdout).not.toContain('unmanaged: ');
    expect(plan.stdout).toContain('0 unmanaged');

    const safe = await runCli(['apply', '-m', dir, '-d', f.url, '--declaration']);
    expect(safe.code).toBe(0);
    expect(await tables(f)).toContain('legacy');

    // A plan saved with the flag (no config file) runs without repeating it: not saying is no contradiction.
    const saved = await runCli(['plan', '-m', dir, '-d', f.url, '--declaration', '--allow-destructive', '-f', 'json']);
    const planFile = path.join(dir, 'flag-plan.json');
    await writeFile(planFile, saved.stdout);
    const applied = await runCli(['apply', '-d', f.url, '--plan', planFile]);
    expect(applied.stderr).not.toContain('contradicts');
    expect(applied.code).toBe(0);
    expect(await tables(f)).toEqual(['alembic_version', 'users']);
  });

  it('schema-sync.json "declaration": true is the default for every command, --no-declaration overrides it; a saved plan keeps it', async () => {
    const f = await db();
    const dir = await writeHistory(['CREATE TABLE users (id int PRIMARY KEY);']);
    expect((await runCli(['apply', '-m', dir, '-d', f.url])).code).toBe(0);
    await f.db.exec('CREATE TABLE legacy (id int)');
    await writeFile(path.join(dir, 'schema-sync.json'), JSON.stringify({ declaration: true }));

    const plan = await runCli(['plan', '-m', '.', '-d', f.url, '--allow-destructive', '--format', 'json'], { cwd: dir });
    expect(plan.code).toBe(2);
    const saved = JSON.parse(plan.stdout);
    expect(saved.options.declaration).toBe(true);
    expect(saved.unmanaged).toEqual([]);
    const history = await runCli(['plan', '-m', '.', '-d', f.url, '--no-declaration'], { cwd: dir });
    expect(history.stdout).toContain('unmanaged: 1 object');

    const planFile = path.join(dir, 'plan.json');
    await writeFile(planFile, plan.stdout);
    const contradicted = await runCli(['apply', '-m', '.', '-d', f.url, '--plan', planFile, '--no-declaration'], { cwd: dir });
    expect(contradicted.code).toBe(1);
    expect(contradicted.stderr).toContain('--declaration (the plan was made with it)');
    expect(await tables(f)).toContain('legacy');
    const applied = await runCli(['apply', '-d', f.url, '--plan', planFile], { cwd: dir });
    expect(applied.code).toBe(0);
    expect(await tables(f)).toEqual(['alembic_version', 'users']);

    await writeFile(path.join(dir, 'schema-sync.json'), JSON.stringify({ declaration: 'yes' }));
    const bad = await runCli(['plan', '-m', '.', '-d', f.url], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('declaration: expected true or false');
  });
});
