import { describe, expect, it } from 'vitest';
import { perTestResources } from '../support/cleanups.js';
import { runCli } from '../support/run-cli.js';
import { writeHistory } from '../support/temp-history.js';

const { db } = perTestResources();
const HISTORY = [
  `CREATE TABLE customers (id int PRIMARY KEY, full_name text NOT NULL, legacy text);
   CREATE INDEX customers_legacy_idx ON customers (legacy);`,
  `ALTER TABLE customers RENAME TO clients;
   ALTER TABLE clients RENAME COLUMN full_name TO name;
   ALTER TABLE clients ADD COLUMN email varchar(320);
   ALTER TABLE clients DROP COLUMN legacy;
   CREATE TABLE "Order Items" (id serial PRIMARY KEY, client_id int NOT NULL REFERENCES clients (id), "select" int);`,
];

describe('schema-sync plan', () => {
  it('plans a RENAME for a history rename and keeps the data when applied', async () => {
    const f = await db();
    await f.db.exec(`
      CREATE TABLE customers (id int PRIMARY KEY, full_name text NOT NULL, legacy text);
      CREATE INDEX customers_legacy_idx ON customers (legacy);
      INSERT INTO customers VALUES (1, 'Ada Lovelace', 'x'), (2, 'Grace Hopper', NULL);`);
    const dir = await writeHistory(HISTORY);
    const r = await runCli(['plan', '-m', dir, '-d', f.url]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('⚠ rename table public.clients (from public.customers)');
    expect(r.stdout).toContain('⚠ rename column public.clients.name (from public.clients.full_name)');
    expect(r.stdout).toContain('ℹ add column public.clients.email (character varying(320))');
    expect(r.stdout).toContain('ℹ create table public."Order Items"');
    expect(r.stdout).toMatch(/skipped: 1 destructive change .*\n\s+⚠ drop column public\.clients\.legacy \[destructive: data loss\]/);
    expect(r.stdout).not.toMatch(/create table public\.clients/);
    expect(r.stdout).toMatch(/Summary: \d+ changes \(\d+ safe, \d+ review, 0 destructive\) in \d+ steps; 1 skipped, 0 unmanaged, 0 drift, \d+ in place\./);
    expect(r.stdout).not.toContain('\u001b[');
    const applied = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(applied.code).toBe(0);
    const rows = await f.db.query<{ id: number; name: string }>('SELECT id, name FROM clients ORDER BY id');
    expect(rows).toEqual([{ id: 1, name: 'Ada Lovelace' }, { id: 2, name: 'Grace Hopper' }]);
    const again = await runCli(['plan', '-m', dir, '-d', f.url]);
    // Nothing apply would do, but a skipped destructive change: not in sync (the verdict table).
    expect(again.code).toBe(2);
    expect(again.stdout).toContain('Nothing to do');
    expect(again.stdout).toContain('1 skipped');
  });

  it('--format sql is the script apply runs: running it by hand converges the database', async () => {
    const f = await db();
    const dir = await writeHistory(HISTORY);
    const r = await runCli(['plan', '-m', dir, '-d', f.url, '--format', 'sql']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^-- schema-sync plan \(live schema fingerprint [0-9a-f]+\)\nBEGIN;\n/);
    expect(r.stdout).toContain('CREATE TABLE IF NOT EXISTS public."Order Items"');
    expect(r.stdout.trimEnd().endsWith('COMMIT;')).toBe(true);
    await f.db.exec(r.stdout);
    const check = await runCli(['check', '-m', dir, '-d', f.url]);
    expect(check.stdout).toMatch(/^in sync/);
    expect(check.code).toBe(0);
    const second = await runCli(['plan', '-m', dir, '-d', f.url, '--format', 'sql']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('-- nothing to do');
  });

  it('--format json: every change with its safety class, hazards, SQL and provenance', async () => {
    const f = await db();
    await f.db.exec(`CREATE TABLE customers (id int PRIMARY KEY, full_name text NOT NULL, legacy text); CREATE TABLE scratch_notes (x int);`);
    const dir = await writeHistory(HISTORY);
    const r = await runCli(['plan', '-m', dir, '-d', f.url, '--format', 'json']);
    expect(r.code).toBe(2);
    const j = JSON.parse(r.stdout);
    expect(j.version).toBe(2);
    expect(j.fingerprint).toMatch(/^[0-9a-f]{16,}$/);
    expect(j.fingerprints.live).toBe(j.fingerprint);
    const email = j.changes.find((c: { name: string }) => c.name === 'public.clients.email');
    expect(email).toMatchObject({ kind: 'addColumn', safety: 'safe', hazards: [], origin: { revision: 'r2', line: expect.any(Number) } });
    expect(email.sql).toEqual(['ALTER TABLE public.clients ADD COLUMN IF NOT EXISTS email character varying(320)']);
    expect(email.steps).toHaveLength(1);
    const rename = j.changes.find((c: { kind: string; object: string }) => c.kind === 'rename' && c.object === 'table');
    expect(rename.safety).toBe('review');
    expect(j.unmanaged).toEqual([{ object: 'table', ref: { schema: 'public', name: 'scratch_notes' } }]);
    expect(j.skipped.map((c: { name: string }) => c.name)).toEqual(['public.clients.legacy']);
    expect(j.steps.every((s: { sql: string; change: number }) => typeof s.sql === 'string' && j.changes[s.change])).toBe(true);
  });

  it('--diff prints a unified diff of canonical DDL, live vs target', async () => {
    const f = await db();
    await f.db.exec(`CREATE TABLE customers (id int PRIMARY KEY, full_name text NOT NULL, legacy text);`);
    const dir = await writeHistory(HISTORY);
    const r = await runCli(['plan', '-m', dir, '-d', f.url, '--diff']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^=+\n--- .*\n\+\+\+ /m);
    expect(r.stdout).toContain('-CREATE TABLE public.customers (');
    expect(r.stdout).toContain('+CREATE TABLE public.clients (');
  });

  it('colour only on request of a terminal: NO_COLOR and --no-color give plain text', async () => {
    const f = await db();
    const dir = await writeHistory(HISTORY);
    const plain = await runCli(['plan', '-m', dir, '-d', f.url, '--no-color']);
    expect(plain.stdout).not.toContain('\u001b[');
    const env = await runCli(['plan', '-m', dir, '-d', f.url], { env: { NO_COLOR: '1' } });
    expect(env.stdout).not.toContain('\u001b[');
    expect(env.stdout).toBe(plain.stdout);
  });

  it('lists objects already in place with --verbose', async () => {
    const f = await db();
    const dir = await writeHistory(HISTORY);
    expect((await runCli(['apply', '-m', dir, '-d', f.url])).code).toBe(0);
    const r = await runCli(['plan', '-m', dir, '-d', f.url, '--verbose']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ table public.clients');
    expect(r.stdout).toContain('✓ table public."Order Items"');
  });
});
