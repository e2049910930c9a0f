import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { writeHistory } from '../support/temp-history.js';

describe('PGlite with extensions', () => {
  it('apply loads the contrib extensions the history creates (uuid-ossp, pg_trgm, citext, moved to a schema of its own) and they work', async () => {
    const dir = await writeHistory([
      `CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
       CREATE EXTENSION IF NOT EXISTS pg_trgm;
       CREATE EXTENSION citext;
       CREATE TABLE users (id uuid PRIMARY KEY DEFAULT uuid_generate_v4(), email citext NOT NULL, name text);
       CREATE INDEX users_name_trgm ON users USING gin (name gin_trgm_ops);`,
      `CREATE SCHEMA ext; ALTER EXTENSION citext SET SCHEMA ext;`,
    ]);
    const db = `pglite:${await mkdtemp(path.join(os.tmpdir(), 'schema-sync-pglite-ext-'))}`;
    const r = await runCli(['apply', '-m', dir, '-d', db]);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Verified');
    const check = await runCli(['check', '-m', dir, '-d', db]);
    expect(check.stdout).toMatch(/^in sync/);
  }, 240_000);

  it('names the extension PGlite lacks, where the history creates it, and writes nothing', async () => {
    const dir = await writeHistory(['CREATE TABLE a (id int);', 'CREATE EXTENSION postgis;\nCREATE EXTENSION pg_trgm;']);
    const data = await mkdtemp(path.join(os.tmpdir(), 'schema-sync-pglite-missing-'));
    const r = await runCli(['apply', '-m', dir, '-d', `pglite:${data}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `error: pglite:${data}: PGlite has no extension "postgis" (created at ${path.join(dir, '0002_r2.sql')}:4); apply to a real PostgreSQL server that has it instead`,
    );
    expect(r.stderr).toMatch(/PGlite ships amcheck, auto_explain, .*uuid-ossp/);
    expect(r.stdout).toBe('');
  });
});
