import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../support/database.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const VERIFY = path.join(ROOT, 'scripts/verify-sync-script.sh');

/** How a child process exited and what it printed. */
interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Environment without any database setting, so a test names exactly the one it means. */
function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const k of ['DATABASE_URL', 'PGHOST', 'PGDATABASE', 'PGUSER', 'PGPASSWORD', 'PGPORT', 'MIGRATIONS']) delete env[k];
  return { ...env, ...extra };
}

function run(file: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, [...args], { cwd: ROOT, env: cleanEnv(env), maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** Runs scripts/sync-production-schema.ts, bundled from source once per run (as `npx tsx` would run it). */
const sync = (args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> =>
  run(process.execPath, [inject('syncScriptBundle'), ...args], env);

/** Runs scripts/verify-sync-script.sh with bash. */
const verify = (env: NodeJS.ProcessEnv = {}): Promise<Run> => run('bash', [VERIFY], env);

describe('scripts/sync-production-schema.ts', () => {
  let f: FreshDatabase;
  let password: string;
  beforeAll(async () => {
    f = await freshDatabase();
    password = decodeURIComponent(new URL(f.url).password);
    expect(password.length).toBeGreaterThan(3);
  });
  afterAll(async () => {
    await f?.drop();
  });

  const noPassword = (r: Run): void => {
    expect(r.stdout + r.stderr).not.toContain(password);
  };

  it('dry run on an empty database: the plan, exit 2, nothing changed', async () => {
    const r = await sync(['--dry-run'], { DATABASE_URL: f.url });
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Plan: alembic-versions -> postgres://postgres:***@');
    expect(r.stdout).toMatch(/create table public\.users \(\d+ columns\)/);
    expect(r.stdout).toMatch(/^Summary: \d+ changes \(\d+ safe, 0 review, 0 destructive\)/m);
    expect(r.stderr).toContain('dry run: nothing was changed');
    noPassword(r);
    const tables = await f.db.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public'`);
    expect(tables).toEqual([]);
  });

  it('without a flag it is a dry run too', async () => {
    const r = await sync([], { DATABASE_URL: f.url });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Summary:');
  });

  it('--apply applies and verifies (exit 0), then a dry run has nothing to do (exit 0)', async () => {
    const applied = await sync(['--apply'], { DATABASE_URL: f.url });
    expect(applied.stderr).not.toMatch(/error/);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/✓ Applied \d+ changes in \d+ steps/);
    expect(applied.stdout).toContain('✓ Verified: the database matches the migrations.');
    expect(applied.stderr).toMatch(/applying step 1\/\d+: /);
    noPassword(applied);

    const again = await sync(['--dry-run'], { DATABASE_URL: f.url });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing to do');
    noPassword(again);

    const reapplied = await sync(['--apply', '--migrations', 'alembic-versions'], { DATABASE_URL: f.url });
    expect(reapplied.code).toBe(0);
    expect(reapplied.stdout).toContain('Nothing to apply');
  });

  it('refuses to run without DATABASE_URL, even when PG* variables are set (exit 1)', async () => {
    const r = await sync(['--dry-run'], { PGHOST: '127.0.0.1', PGDATABASE: 'postgres' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: DATABASE_URL is not set');
    expect(r.stdout).toBe('');
  });

  it('never prints the password, not even when the connection is refused', async () => {
    const url = new URL(f.url);
    url.password = 'wrong-secret-pw';
    const r = await sync(['--dry-run'], { DATABASE_URL: url.toString() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: /m);
    expect(r.stdout + r.stderr).not.toContain('wrong-secret-pw');
  });

  it('a syntax error in the migrations: exit 1 with file:line', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'schema-sync-bad-'));
    try {
      await writeFile(path.join(dir, '0001_r1.sql'), '-- revision: r1\n-- down_revision: none\n\nCREATE TABLE t (id int PRIMARY KEY;\n');
      const r = await sync(['--dry-run', '--migrations', dir], { DATABASE_URL: f.url });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${path.join(dir, '0001_r1.sql')}:4:`);
      noPassword(r);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('--help prints the usage (exit 0); bad usage exits 1', async () => {
    const help = await sync(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npx tsx scripts\/sync-production-schema\.ts \[--dry-run \| --apply\]/);
    const both = await sync(['--dry-run', '--apply'], { DATABASE_URL: f.url });
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('mutually exclusive');
    const unknown = await sync(['--force']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Usage:');
  });
});

describe('scripts/verify-sync-script.sh', () => {
  let f: FreshDatabase;
  let bad: string;
  beforeAll(async () => {
    f = await freshDatabase();
    bad = await mkdtemp(path.join(os.tmpdir(), 'schema-sync-bad-'));
    await writeFile(path.join(bad, '0001_r1.sql'), '-- revision: r1\n-- down_revision: none\n\nCREATE TABLE t (id int;\n');
  });
  afterAll(async () => {
    await f?.drop();
    if (bad) await rm(bad, { recursive: true, force: true });
  });

  it('passes with DATABASE_URL set, printing it redacted', async () => {
    const r = await verify({ DATABASE_URL: f.url });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ sync script present: scripts/sync-production-schema.ts');
    expect(r.stdout).toContain('✓ migrations load and replay: alembic-versions');
    expect(r.stdout).toContain('✓ DATABASE_URL is set: postgres://postgres:***@');
    expect(r.stdout).not.toContain(decodeURIComponent(new URL(f.url).password));
    expect(r.stdout).not.toContain('✗');
  });

  it('warns but passes when DATABASE_URL is unset', async () => {
    const r = await verify();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('⚠ DATABASE_URL is not set');
  });

  it('fails on a migrations folder with a syntax error, showing file:line', async () => {
    const r = await verify({ DATABASE_URL: f.url, MIGRATIONS: bad });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain(`✗ migrations do not load or replay: ${bad}`);
    expect(r.stdout).toContain(`${path.join(bad, '0001_r1.sql')}:4:`);
    expect(r.stdout).toContain('1 check(s) failed');
  });

  it('fails on an unsupported DATABASE_URL scheme, still hiding the password', async () => {
    const r = await verify({ DATABASE_URL: 'mysql://app:hunter22@db.example/prod' });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain('✗ DATABASE_URL has an unsupported form: mysql://app:***@db.example/prod');
    expect(r.stdout).not.toContain('hunter22');
  });
});
