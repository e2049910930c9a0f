import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { perTestResources } from '../support/cleanups.js';
import { runCli } from '../support/run-cli.js';
import { writeHistory } from '../support/temp-history.js';

const { db } = perTestResources();

describe('exclusions on check, plan and apply', () => {
  it('a schema another team owns and a platform table are left out of check via schema-sync.json; --exclude adds to it', async () => {
    const f = await db();
    const dir = await writeHistory(['CREATE TABLE users (id int PRIMARY KEY, email text);']);
    expect((await runCli(['apply', '-m', dir, '-d', f.url])).code).toBe(0);
    await f.db.exec(`CREATE SCHEMA partman; CREATE TABLE partman.part_config (parent_table text PRIMARY KEY);
      CREATE TABLE public.platform_heartbeat (at timestamptz); CREATE TABLE public.tmp_import (id int);`);
    const before = await runCli(['check', '-m', dir, '-d', f.url]);
    expect(before.code).toBe(2);
    expect(before.stdout).toContain('extra     schema partman');
    const config = path.join(dir, 'schema-sync.json');
    await writeFile(config, JSON.stringify({ exclude: ['schema:partman', { kind: 'table', name: 'platform_*' }] }));
    const partly = await runCli(['check', '-m', dir, '-d', f.url, '--config', config]);
    expect(partly.code).toBe(2);
    expect(partly.stdout).not.toContain('partman');
    expect(partly.stdout).not.toContain('platform_heartbeat');
    expect(partly.stdout).toContain('extra     table public.tmp_import');
    // schema-sync.json in the working directory is read without --config.
    const synced = await runCli(['check', '-m', dir, '-d', f.url, '--exclude', 'table:public.tmp_*'], { cwd: dir });
    expect(synced.stdout).toMatch(/^in sync/);
    expect(synced.code).toBe(0);
    const plan = await runCli(['plan', '-m', dir, '-d', f.url, '--exclude', 'table:public.tmp_*'], { cwd: dir });
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('Nothing to do');
    expect(plan.stdout).not.toContain('unmanaged: ');
  });

  it('apply leaves an excluded target object alone (checked in the catalog); a bad rule fails before connecting', async () => {
    const f = await db();
    const dir = await writeHistory(['CREATE TABLE users (id int PRIMARY KEY); CREATE TABLE legacy_reports (id int);']);
    const r = await runCli(['apply', '-m', dir, '-d', f.url, '--exclude', 'table:legacy_*']);
    expect(r.code).toBe(0);
    const tables = await f.db.query<{ relname: string }>(`SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1`);
    // alembic_version: apply records the revision it applied (issue 14's stamp).
    expect(tables.map((t) => t.relname)).toEqual(['alembic_version', 'users']);
    const bad = await runCli(['apply', '-m', dir, '-d', 'postgres://nobody:secret@127.0.0.1:1/none', '--exclude', 'tabel:x']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('error: --exclude "tabel:x": unknown kind "tabel"');
    expect(bad.stderr).not.toContain('connect');
  });
});
