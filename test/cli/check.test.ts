import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/index.js';
import { loadMigrations } from '../../src/load/index.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';
import { runCli } from '../support/run-cli.js';
import { runMigrations } from '../support/run-migrations.js';

let fresh: FreshDatabase;
beforeAll(async () => {
  fresh = await freshDatabase();
  await runMigrations(fresh.db, (await loadMigrations('alembic-versions')).revisions);
});
afterAll(async () => {
  await fresh?.drop();
});

describe('schema-sync check and inspect on a real server', () => {
  it('exits 0 when the database was built by the same migrations', async () => {
    const r = await runCli(['check', '--database', fresh.url]);
    expect(r.stderr).not.toContain('error');
    expect(r.stdout).toMatch(/^in sync: \d+ objects compared, no differences\n$/);
    expect(r.code).toBe(0);
  });

  it('inspect prints the same canonical DDL as state', async () => {
    const inspected = await runCli(['inspect', '--database', fresh.url]);
    const state = await runCli(['state', '-q']);
    expect(inspected.code).toBe(0);
    expect(inspected.stdout).toBe(state.stdout);
  });

  it('names exactly what a drifted database lacks, adds or changes (exit 2)', async () => {
    await fresh.db.exec(`
      ALTER TABLE users ALTER COLUMN display_name TYPE text;
      DROP INDEX ix_invoices_project_id;
      ALTER TYPE plan_tier ADD VALUE 'legacy';
    `);
    try {
      const r = await runCli(['check', '--database', fresh.url]);
      expect(r.code).toBe(2);
      const lines = r.stdout.trim().split('\n');
      expect(lines[0]).toMatch(/^different enum public\.plan_tier {2}\(alembic-versions\/\d{4}_\w+\.sql:\d+, revision \w+\)$/);
      expect(lines[1]).toBe("    values: target [\"free\",\"pro\",\"team\",\"enterprise\"], live [\"free\",\"pro\",\"team\",\"enterprise\",\"legacy\"]");
      expect(lines[2]).toMatch(/^different column public\.users\.display_name {2}\(alembic-versions\/00\d\d_/);
      expect(lines[3]).toBe('    type: target character varying(200), live text');
      expect(lines[4]).toMatch(/^missing {3}index public\.ix_invoices_project_id {2}\(alembic-versions\/0009_/);
      expect(lines[5]).toMatch(/^3 differences \(1 missing, 0 extra, 1 different\)|^3 differences \(1 missing, 0 extra, 2 different\)/);
      const json = await runCli(['check', '--database', fresh.url, '--format', 'json']);
      expect(json.code).toBe(2);
      const parsed = JSON.parse(json.stdout);
      expect(parsed.inSync).toBe(false);
      expect(parsed.differences.map((d: { kind: string; name: string }) => `${d.kind} ${d.name}`)).toEqual([
        'different public.plan_tier', 'different public.users.display_name', 'missing public.ix_invoices_project_id',
      ]);
    } finally {
      await fresh.db.exec(`
        ALTER TABLE users ALTER COLUMN display_name TYPE varchar(200);
        CREATE INDEX ix_invoices_project_id ON invoices (project_id);
      `);
    }
  });

  it('never prints the password, and fails clearly on a bad connection (exit 1)', async () => {
    const url = new URL(fresh.url);
    url.password = 'sekrit-PASSWORD-123';
    const r = await runCli(['check', '--database', url.toString()]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toContain('sekrit-PASSWORD-123');
    expect(r.stderr).toMatch(/error: /);
  });

  it('refuses when no database is named', async () => {
    const env = { DATABASE_URL: '', PGHOST: '', PGDATABASE: '' };
    const r = await runCli(['check'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no database named');
  });
});

describe('schema-sync check and inspect on PGlite', () => {
  it('checks a PGlite database built by the example history', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'schema-sync-pglite-'));
    const db = await openDatabase(`pglite:${dir}`);
    try {
      await runMigrations(db, (await loadMigrations('alembic-versions')).revisions);
    } finally {
      await db.close();
    }
    const r = await runCli(['check', '--database', `pglite:${dir}`]);
    expect(r.stdout).toMatch(/^in sync: /);
    expect(r.code).toBe(0);
    const inspected = await runCli(['inspect', '--database', `pglite:${dir}`]);
    expect(inspected.code).toBe(0);
    expect(inspected.stdout).toContain('CREATE TABLE public.invoices');
  });
});
