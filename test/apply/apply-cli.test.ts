import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/index.js';
import { introspect } from '../../src/introspect/index.js';
import { renderStateSql } from '../../src/report/state-sql.js';
import { perTestResources } from '../support/cleanups.js';
import type { FreshDatabase } from '../support/database.js';
import { cliCommand, runCli } from '../support/run-cli.js';
import { writeHistory } from '../support/temp-history.js';

const { db, defer } = perTestResources();

/** Schema and data, as text, to prove "exactly as before". */
async function snapshot(d: Database): Promise<string> {
  const schema = renderStateSql(await introspect(d, {}));
  const tables = await d.query<{ t: string }>(`SELECT format('%I.%I', schemaname, tablename) AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const rows: string[] = [];
  for (const { t } of tables) rows.push(t, JSON.stringify(await d.query(`SELECT * FROM ${t} ORDER BY 1`)));
  return schema + '\n' + rows.join('\n');
}

const HISTORY = [
  `CREATE TABLE orders (id serial PRIMARY KEY, qty int NOT NULL);`,
  `CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL);
   ALTER TABLE orders ADD COLUMN customer_id int REFERENCES customers (id);
   CREATE INDEX orders_customer_idx ON orders (customer_id);
   ALTER TABLE orders ADD CONSTRAINT orders_qty_positive CHECK (qty > 0);`,
];

describe('schema-sync apply', () => {
  it('applies from empty, then a second run changes nothing and says so', async () => {
    const f = await db();
    const dir = await writeHistory(HISTORY);
    const first = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(first.stderr).not.toMatch(/error/);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('✓ Applied');
    expect(first.stdout).toContain('✓ Verified: the database matches the migrations.');
    const second = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Nothing to apply');
    const check = await runCli(['check', '-m', dir, '-d', f.url]);
    expect(check.code).toBe(0);
  });

  it('refuses without a database and never falls back to an embedded one', async () => {
    const r = await runCli(['apply'], { env: { DATABASE_URL: '', PGHOST: '', PGDATABASE: '' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no database named');
  });

  it('writes nothing when the replay reports errors (it runs while the catalog is read)', async () => {
    const f = await db();
    await f.db.exec(`CREATE TABLE orders (id serial PRIMARY KEY, qty int NOT NULL)`);
    const before = await snapshot(f.db);
    // The second revision adds a column to a table no revision created: PostgreSQL would refuse it.
    const dir = await writeHistory([HISTORY[0]!, `CREATE TABLE customers (id serial PRIMARY KEY);
      ALTER TABLE invoices ADD COLUMN customer_id int;`]);
    const r = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(dir, '0002_r2.sql')}:5:7: error: table public.invoices does not exist`);
    expect(r.stdout).not.toContain('Applied');
    expect(await snapshot(f.db)).toBe(before);
  });

  it('rolls back everything when a step fails on existing data, naming the step, SQL and file:line', async () => {
    const f = await db();
    await f.db.exec(`CREATE TABLE orders (id serial PRIMARY KEY, qty int NOT NULL); INSERT INTO orders (qty) VALUES (5), (-1);`);
    const before = await snapshot(f.db);
    const dir = await writeHistory(HISTORY);
    const r = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: step \d+ \(validate constraint public\.orders\.orders_qty_positive\) failed: check constraint "orders_qty_positive" .* is violated by some row/);
    expect(r.stderr).toContain('SQL: ALTER TABLE public.orders VALIDATE CONSTRAINT orders_qty_positive');
    expect(r.stderr).toContain(`required by: ${path.join(dir, '0002_r2.sql')}:`);
    expect(r.stderr).toContain('the transaction was rolled back: the database is unchanged');
    expect(await snapshot(f.db)).toBe(before);
  });

  it('fails after lock_timeout when a table is locked by another session, database unchanged', async () => {
    const f = await db();
    await f.db.exec(`CREATE TABLE orders (id serial PRIMARY KEY, qty int NOT NULL)`);
    const before = await snapshot(f.db);
    const holder = await openDatabase(f.url);
    defer(() => holder.close());
    // What a long-running application transaction that wrote to the table holds.
    await holder.exec('BEGIN; LOCK TABLE orders IN ROW EXCLUSIVE MODE');
    const dir = await writeHistory(HISTORY);
    const started = Date.now();
    const r = await runCli(['apply', '-m', dir, '-d', f.url, '--lock-timeout', '1']);
    expect(r.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.stderr).toMatch(/lock timeout.*another session holds a lock/);
    await holder.exec('ROLLBACK');
    expect(await snapshot(f.db)).toBe(before);
  });

  it('leaves the database unchanged when killed with SIGKILL in the middle of its transaction', async () => {
    const f = await db();
    await f.db.exec(`CREATE TABLE orders (id serial PRIMARY KEY, qty int NOT NULL); INSERT INTO orders (qty) VALUES (1);`);
    const before = await snapshot(f.db);
    // Hold a lock the plan's later steps need, so apply stops mid-transaction; then kill it.
    const holder = await openDatabase(f.url);
    defer(() => holder.close());
    await holder.exec('BEGIN; LOCK TABLE orders IN ROW EXCLUSIVE MODE');
    const dir = await writeHistory(HISTORY);
    const child = spawn(process.execPath, [...cliCommand(), 'apply', '-m', dir, '-d', f.url, '--lock-timeout', '60'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    // Wait until apply is inside its transaction and blocked on the lock.
    const deadline = Date.now() + 30_000;
    for (;;) {
      // Not through `holder`: inside its transaction pg_stat_activity is a frozen snapshot.
      const waiting = await f.db.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'schema-sync' AND wait_event_type = 'Lock' AND xact_start IS NOT NULL`,
      );
      if (Number(waiting[0]?.n) > 0) break;
      if (Date.now() > deadline) throw new Error(`apply never blocked: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(stderr).toMatch(/applying step \d+\//);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    await holder.exec('ROLLBACK');
    // The server notices the dead connection and aborts its transaction.
    for (let i = 0; i < 50; i++) {
      const left = await f.db.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'schema-sync' AND datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`,
      );
      if (Number(left[0]?.n) === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await snapshot(f.db)).toBe(before);
    // And a later apply (the advisory lock died with the session) completes.
    const again = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(again.code).toBe(0);
  });

  it('two applies started together: one applies, the other waits and finds nothing to do', async () => {
    const f = await db();
    const dir = await writeHistory(HISTORY);
    const [a, b] = await Promise.all([runCli(['apply', '-m', dir, '-d', f.url]), runCli(['apply', '-m', dir, '-d', f.url])]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const outs = [a.stdout, b.stdout];
    expect(outs.filter((o) => o.includes('✓ Applied')).length).toBe(1);
    expect(outs.filter((o) => o.includes('Nothing to apply')).length).toBe(1);
    const tables = await f.db.query<{ n: string }>(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'`);
    expect(Number(tables[0]!.n)).toBe(2);
    // The revision was recorded once, by the apply that applied.
    expect(await f.db.query(`SELECT version_num FROM alembic_version`)).toEqual([{ version_num: 'r2' }]);
  });

  it('refuses a saved plan whose fingerprint no longer matches the live schema', async () => {
    const f = await db();
    const dir = await writeHistory(HISTORY);
    const planned = await runCli(['plan', '-m', dir, '-d', f.url, '--format', 'json']);
    expect(planned.code).toBe(2);
    const file = path.join(dir, 'plan.json');
    await (await import('node:fs/promises')).writeFile(file, planned.stdout);
    await f.db.exec('CREATE TABLE drifted (id int)');
    const r = await runCli(['apply', '-m', dir, '-d', f.url, '--plan', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the live schema changed since the plan was made');
    const tables = await f.db.query<{ n: string }>(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`);
    expect(Number(tables[0]!.n)).toBe(1);
  });

  it('never prints the password (human and JSON output, errors included)', async () => {
    const f = await db();
    const dir = await writeHistory(HISTORY);
    const url = new URL(f.url);
    const password = decodeURIComponent(url.password);
    expect(password.length).toBeGreaterThan(3);
    for (const args of [['apply'], ['apply', '--format', 'json'], ['plan'], ['plan', '--format', 'json'], ['check', '--format', 'json']]) {
      const r = await runCli([...args, '-m', dir, '-d', f.url]);
      expect(r.stdout + r.stderr).not.toContain(password);
    }
    url.password = 'wrong-secret-pw';
    const bad = await runCli(['apply', '-m', dir, '-d', url.toString()]);
    expect(bad.code).toBe(1);
    expect(bad.stdout + bad.stderr).not.toContain('wrong-secret-pw');
  });

  it('rebuilds an index left invalid by an interrupted concurrent build', async () => {
    const f = await db();
    const dir = await writeHistory(HISTORY);
    expect((await runCli(['apply', '-m', dir, '-d', f.url])).code).toBe(0);
    // What a CREATE INDEX CONCURRENTLY that was cancelled half way leaves behind.
    await f.db.exec(`UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'orders_customer_idx'::regclass`);
    const plan = await runCli(['plan', '-m', dir, '-d', f.url]);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('create index public.orders_customer_idx');
    const r = await runCli(['apply', '-m', dir, '-d', f.url, '--concurrent-indexes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ Verified');
    const rows = await f.db.query<{ valid: boolean }>(`SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'orders_customer_idx'::regclass`);
    expect(rows).toEqual([{ valid: true }]);
  });

  it('skips destructive changes unless allowed; --strict exits 3', async () => {
    const f = await db();
    // Dropping an index loses no rows (review, applied); dropping a column does (destructive).
    const dir = await writeHistory([...HISTORY, 'DROP INDEX orders_customer_idx; ALTER TABLE customers DROP COLUMN name;']);
    await runMigrationsUpTo(f, dir, 2);
    const skipped = await runCli(['apply', '-m', dir, '-d', f.url, '--strict']);
    expect(skipped.code).toBe(3);
    expect(skipped.stdout).toMatch(/1 destructive change.* skipped/);
    expect(await f.db.query(`SELECT 1 FROM pg_indexes WHERE indexname = 'orders_customer_idx'`)).toEqual([]);
    expect(await f.db.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'customers' AND column_name = 'name'`)).toHaveLength(1);
    const allowed = await runCli(['apply', '-m', dir, '-d', f.url, '--allow-destructive']);
    expect(allowed.code).toBe(0);
    expect(await f.db.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'customers' AND column_name = 'name'`)).toEqual([]);
  });
});

async function runMigrationsUpTo(f: FreshDatabase, dir: string, n: number): Promise<void> {
  const r = await runCli(['apply', '-m', dir, '-d', f.url, '--to', `r${n}`]);
  expect(r.code).toBe(0);
}
