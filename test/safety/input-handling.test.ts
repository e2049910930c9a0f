import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/index.js';
import { perTestResources } from '../support/cleanups.js';
import { cliCommand, runCli } from '../support/run-cli.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';
import { writeHistory } from '../support/temp-history.js';

const { db, defer } = perTestResources();

async function file(name: string, content: string | Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'schema-sync-input-'));
  const p = path.join(dir, name);
  await writeFile(p, content);
  return p;
}

describe('input handling', () => {
  it('a NUL byte is an error with file:line:column, not the silent end of the file', async () => {
    const p = await file('0001_a.sql', 'CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n  \0CREATE TABLE c (id int);\n');
    const r = await runCli(['state', '-m', p]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${p}:3:3: ${p} contains a NUL byte (line 3, column 3)`);
  });

  it('CRLF inside function bodies and string literals is kept, as PostgreSQL stores it from psql', async () => {
    const sql = [
      'CREATE TABLE t (id int PRIMARY KEY, note text DEFAULT \'a\r\nb\');',
      "COMMENT ON TABLE t IS 'first\r\nsecond';",
      'CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\r\nBEGIN\r\n  RETURN 1;\r\nEND\r\n$$;',
      '',
    ].join('\r\n');
    const dir = await writeHistory([sql]);
    const psql = await db();
    await runMigrations(psql.db, revisionsFromSql('psql', [sql]));
    const [fn] = await psql.db.query<{ src: string }>(`SELECT prosrc AS src FROM pg_proc WHERE proname = 'f'`);
    expect(fn!.src).toContain('\r\n');
    const check = await runCli(['check', '-m', dir, '-d', psql.url]);
    expect(check.stdout).toContain('in sync');
    expect(check.code).toBe(0);
    // And apply from empty builds the same bytes.
    const f = await db();
    expect((await runCli(['apply', '-m', dir, '-d', f.url])).code).toBe(0);
    expect(await f.db.query(`SELECT prosrc AS src FROM pg_proc WHERE proname = 'f'`)).toEqual([fn]);
  });

  it('an offline script cut short (BEGIN without COMMIT) is an error, as psql would roll it back', async () => {
    const p = await file('upgrade.sql', 'BEGIN;\n\n-- Running upgrade  -> r1\n\nCREATE TABLE a (id int);\n\n-- Running upgrade r1 -> r2\n\nCREATE TABLE b (id int);\n');
    const r = await runCli(['state', '-m', p]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${p}:1: ${p} ends inside a transaction: the BEGIN at line 1 has no COMMIT`);
    const whole = await file('upgrade.sql', 'BEGIN;\n\n-- Running upgrade  -> r1\n\nCREATE TABLE a (id int);\n\nCOMMIT;\n');
    expect((await runCli(['state', '-m', whole])).code).toBe(0);
  });

  it('a mistyped option in = form never prints the password of its connection string', async () => {
    const r = await runCli(['plan', '-m', 'alembic-versions', '--databse=postgres://app:S3cretPw@db.example:5432/prod']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown option/);
    expect(r.stderr).not.toContain('S3cretPw');
    expect(r.stderr).toContain('postgres://app:***@db.example:5432/prod');
  });

  it('not valid UTF-8, empty, 2 heads and mixed folders say where', async () => {
    const bad = await file('0001_a.sql', Buffer.concat([Buffer.from('-- ok\nSELECT 1; -- '), Buffer.from([0xff]), Buffer.from('\n')]));
    const r1 = await runCli(['state', '-m', bad]);
    expect(r1.stderr).toContain(`${bad}:2:14: ${bad} is not valid UTF-8 text (first invalid byte at offset 19, line 2, column 14)`);
    const empty = await file('empty.sql', '\n\n');
    expect((await runCli(['state', '-m', empty])).stderr).toContain(`${empty}:1: ${empty} is empty (2 bytes, 3 lines of whitespace)`);
    const heads = await writeHistory(['SELECT 1;', 'SELECT 2;']);
    await writeFile(path.join(heads, '0003_r3.sql'), '-- revision: r3\n-- down_revision: r1\n\nSELECT 3;\n');
    const r3 = await runCli(['state', '-m', heads]);
    expect(r3.stderr).toMatch(new RegExp(`error: ${heads}/0002_r2.sql:1: ${heads} has 2 heads: r2 \\(${heads}/0002_r2.sql:1\\), r3 \\(${heads}/0003_r3.sql:1\\)`));
    await writeFile(path.join(heads, '0004_plain.sql'), 'SELECT 4;\n');
    expect((await runCli(['state', '-m', heads])).stderr).toContain(`error: ${heads}/0004_plain.sql:1: ${heads} mixes files`);
  });

  it('an error never echoes a 20 MB line', async () => {
    const p = await file('0001_a.sql', `CREATE TABLE a (id int);\nSELECT '${'x'.repeat(20_000_000)}' FROM WHERE;\n`);
    const r = await runCli(['state', '-m', p]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${p}:2:`);
    expect(r.stderr).toContain('syntax error');
    expect(r.stderr.length).toBeLessThan(4000);
  }, 60_000);

  it('-d pglite:/proc/self/x fails at once instead of hanging', async () => {
    const r = await runCli(['inspect', '-d', 'pglite:/proc/self/x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot create /proc/self/x');
  }, 30_000);

  it('plan cites the revision that renamed a constraint or added an enum label', async () => {
    const r1 = `CREATE TYPE mood AS ENUM ('ok'); CREATE TABLE t (id int CONSTRAINT t_id_check CHECK (id > 0), m mood);`;
    const f = await db();
    await runMigrations(f.db, revisionsFromSql('psql', [r1]));
    const dir = await writeHistory([r1, 'SELECT 1;', `ALTER TABLE t RENAME CONSTRAINT t_id_check TO t_id_positive;\nALTER TYPE mood ADD VALUE 'meh';`]);
    const r = await runCli(['plan', '-m', dir, '-d', f.url, '--format', 'json']);
    const changes = (JSON.parse(r.stdout) as { changes: { kind: string; origin?: { file: string; line: number; revision: string } }[] }).changes;
    const origin = (kind: string) => changes.find((c) => c.kind === kind)?.origin;
    // A saved plan's paths are relative to the working directory (the CLI runs in the project root).
    const file = path.relative(path.resolve(import.meta.dirname, '../..'), path.join(dir, '0003_r3.sql'));
    expect(origin('rename')).toEqual({ file, line: 4, revision: 'r3' });
    expect(origin('addEnumValue')).toEqual({ file, line: 5, revision: 'r3' });
  });

  it('SIGTERM during apply says what happened; nothing of the transaction is committed', async () => {
    const f = await db();
    await f.db.exec(`CREATE TABLE orders (id serial PRIMARY KEY, qty int NOT NULL)`);
    const dir = await writeHistory([`CREATE TABLE orders (id serial PRIMARY KEY, qty int NOT NULL);`, `CREATE TABLE extra (id int); ALTER TABLE orders ADD COLUMN note text;`]);
    const holder = await openDatabase(f.url);
    defer(() => holder.close());
    await holder.exec('BEGIN; LOCK TABLE orders IN ROW EXCLUSIVE MODE');
    const child = spawn(process.execPath, [...cliCommand(), 'apply', '-m', dir, '-d', f.url, '--lock-timeout', '60'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [w] = await f.db.query<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'schema-sync' AND wait_event_type = 'Lock'`);
      if (Number(w!.n) > 0) break;
      if (Date.now() > deadline) throw new Error('apply never blocked');
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(stderr).toContain('schema-sync: stopped by SIGTERM; PostgreSQL rolls back the transaction in progress, so nothing of it was committed');
    await holder.exec('ROLLBACK');
    expect(await f.db.query(`SELECT to_regclass('extra') IS NULL AS gone`)).toEqual([{ gone: true }]);
  }, 60_000);
});
