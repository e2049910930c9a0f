import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { perTestResources } from '../support/cleanups.js';
import { runCli } from '../support/run-cli.js';
import { writeHistory } from '../support/temp-history.js';
import { mermaidBlocks, parseMermaid } from '../report/mermaid.js';

const { db } = perTestResources();

const V1 = [
  `CREATE TABLE customers (id int PRIMARY KEY, full_name text NOT NULL, legacy text);`,
  `CREATE TABLE orders (id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES customers (id), total numeric(10,2));`,
];
const V2 = [
  ...V1,
  `ALTER TABLE customers RENAME COLUMN full_name TO name;
   ALTER TABLE customers ADD COLUMN email varchar(320);
   ALTER TABLE customers DROP COLUMN legacy;
   ALTER TABLE orders ALTER COLUMN total SET NOT NULL;
   CREATE INDEX orders_customer_idx ON orders (customer_id);`,
];

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
}

/** A git repository whose `db/migrations` holds V1 at HEAD~1 and V2 at HEAD (and in the work tree). */
async function repoWithTwoCommits(): Promise<string> {
  const repo = await mkdtemp(path.join(os.tmpdir(), 'schema-sync-repo-'));
  git(repo, 'init', '-q', '-b', 'main');
  await cp(await writeHistory(V1), path.join(repo, 'db/migrations'), { recursive: true });
  await writeFile(path.join(repo, 'README'), 'x\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'v1');
  await cp(await writeHistory(V2), path.join(repo, 'db/migrations'), { recursive: true });
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'v2');
  return repo;
}

describe('schema-sync diff', () => {
  it('compares two folders with no database: safety classes, hazards and file:line of the new side', async () => {
    const a = await writeHistory(V1);
    const b = await writeHistory(V2);
    const r = await runCli(['diff', '--from', a, '--to', b]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`Diff: ${a} -> ${b}`);
    expect(r.stdout).toContain(`⚠ rename column public.customers.name (from public.customers.full_name) [review]  ${b}/0003_r3.sql:4`);
    expect(r.stdout).toContain(`ℹ add column public.customers.email (character varying(320))  ${b}/0003_r3.sql:5`);
    expect(r.stdout).toMatch(/⚠ drop column public\.customers\.legacy \[destructive: data loss\]/);
    expect(r.stdout).toMatch(/⚠ set not null on column public\.orders\.total \[review: full table scan, access exclusive lock, may fail on existing data\]/);
    expect(r.stdout).toMatch(/Summary: 5 changes \(2 safe, 2 review, 1 destructive\)/);
    const same = await runCli(['diff', '--from', a, '--to', a]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain(`No schema changes: ${a} and ${a} describe the same schema.`);
  });

  it('its SQL takes a real database from the old side to the new one (checked by check against PostgreSQL)', async () => {
    const f = await db();
    const a = await writeHistory(V1);
    const b = await writeHistory(V2);
    // --no-stamp: diff's SQL moves the schema only, so alembic_version would stay behind (check reports that).
    expect((await runCli(['apply', '-m', a, '-d', f.url, '--no-stamp'])).code).toBe(0);
    await f.db.exec(`INSERT INTO customers VALUES (1, 'Ada', 'x'); INSERT INTO orders (customer_id, total) VALUES (1, 9.5);`);
    // plan against the live database agrees with diff on what changes (plan lists drops as skipped).
    const planned = JSON.parse((await runCli(['plan', '-m', b, '-d', f.url, '-f', 'json', '--allow-destructive'])).stdout);
    const diffed = JSON.parse((await runCli(['diff', '--from', a, '--to', b, '-f', 'json'])).stdout);
    const names = (j: { changes: { action: string; name: string; safety: string }[] }): string[] => j.changes.map((c) => `${c.action} ${c.name} ${c.safety}`).sort();
    expect(names(diffed)).toEqual(names(planned));
    const sql = await runCli(['diff', '--from', a, '--to', b, '-f', 'sql']);
    expect(sql.code).toBe(2);
    await f.db.exec(sql.stdout);
    const check = await runCli(['check', '-m', b, '-d', f.url]);
    expect(check.stdout).toMatch(/^in sync/);
    expect(check.code).toBe(0);
    expect(await f.db.query('SELECT name, email FROM customers')).toEqual([{ name: 'Ada', email: null }]);
  });

  it('reads git revisions of the --migrations folder: --from HEAD~1 against the work tree, and REV:PATH', async () => {
    const repo = await repoWithTwoCommits();
    const r = await runCli(['diff', '--from', 'HEAD~1', '-m', 'db/migrations'], { cwd: repo });
    expect(r.stderr).toContain('HEAD~1:db/migrations: replayed 2 revisions');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Diff: HEAD~1:db/migrations -> db/migrations');
    expect(r.stdout).toContain('ℹ add column public.customers.email (character varying(320))  db/migrations/0003_r3.sql:5');
    expect(r.stdout).not.toContain(os.tmpdir());
    // Both sides from git, from a subfolder of the repository, with REV:PATH.
    const both = await runCli(['diff', '--from', 'HEAD~1:db/migrations', '--to', 'main:./migrations', '-f', 'json'], { cwd: path.join(repo, 'db') });
    expect(both.code).toBe(2);
    const json = JSON.parse(both.stdout);
    const email = json.changes.find((c: { name: string }) => c.name === 'public.customers.email');
    expect(email.origin).toEqual({ revision: 'r3', file: 'main:db/migrations/0003_r3.sql', line: 5 });
    expect(JSON.stringify(json)).not.toContain(os.tmpdir());
    // A revision with the same folder content: no changes.
    const same = await runCli(['diff', '--from', 'HEAD', '-m', 'db/migrations'], { cwd: repo });
    expect(same.code).toBe(0);
  });

  it('--format markdown for diff (git revisions), plan and check: relative paths, a diagram Mermaid parses', async () => {
    const repo = await repoWithTwoCommits();
    const r = await runCli(['diff', '--from', 'HEAD~1', '-m', 'db/migrations', '-f', 'markdown'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('## Schema diff: HEAD~1:db/migrations → db/migrations');
    expect(r.stdout).toContain('**`db/migrations/0003_r3.sql`: 5 changes');
    expect(r.stdout).not.toContain(repo);
    const [diagram] = mermaidBlocks(r.stdout);
    expect(await parseMermaid(diagram!)).toBe('er');
    expect(diagram).toContain('email "added"');

    const f = await db();
    const plan = await runCli(['plan', '-m', 'db/migrations', '-d', f.url, '-f', 'markdown'], { cwd: repo });
    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/^## schema-sync plan: db\/migrations → postgres:\/\//);
    expect(plan.stdout).toContain('create table `public.customers`');
    for (const d of mermaidBlocks(plan.stdout)) expect(await parseMermaid(d)).toBe('er');
    expect((await runCli(['apply', '-m', 'db/migrations', '-d', f.url], { cwd: repo })).code).toBe(0);
    await f.db.exec('ALTER TABLE customers ADD COLUMN nickname text');
    const check = await runCli(['check', '-m', 'db/migrations', '-d', f.url, '-f', 'markdown'], { cwd: repo });
    expect(check.code).toBe(2);
    expect(check.stdout).toContain('➖ only in the database: column `public.customers.nickname`');
    const [checkDiagram] = mermaidBlocks(check.stdout);
    expect(await parseMermaid(checkDiagram!)).toBe('er');
    expect(checkDiagram).toContain('text nickname "only in the database"');
  });

  it('names what it could not resolve: a missing folder that is no git revision, a revision without the folder', async () => {
    const repo = await repoWithTwoCommits();
    const r = await runCli(['diff', '--from', 'no-such-branch', '-m', 'db/migrations'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--from no-such-branch: no such file or folder, and not a git revision');
    const outside = await runCli(['diff', '--from', 'HEAD~1:nowhere', '-m', 'db/migrations'], { cwd: repo });
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain('HEAD~1 has no nowhere');
    const notRepo = await runCli(['diff', '--from', 'HEAD', '--to', await writeHistory(V1)], { cwd: os.tmpdir() });
    expect(notRepo.code).toBe(1);
    expect(notRepo.stderr).toContain('not in a git repository');
  });
});
