import { describe, expect, it } from 'vitest';
import { perTestResources } from '../support/cleanups.js';
import { runCli } from '../support/run-cli.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';
import { writeHistory } from '../support/temp-history.js';

const { db } = perTestResources();

const R1 = `CREATE TYPE mood AS ENUM ('ok', 'sad'); CREATE TABLE t (id int PRIMARY KEY, m mood NOT NULL DEFAULT 'ok');`;
// A label the plan adds, a new column, and a CHECK using the new label that existing rows violate.
const R2 = `ALTER TYPE mood ADD VALUE 'meh';
ALTER TABLE t ADD COLUMN note text;
ALTER TABLE t ALTER COLUMN m SET DEFAULT 'meh';
ALTER TABLE t ADD CONSTRAINT meh_or_positive CHECK (m = 'meh' OR id > 0);`;

describe('apply with an enum label the same plan uses', () => {
  it('a failure after the label is added commits only the label, and the error says so exactly', async () => {
    const f = await db();
    await runMigrations(f.db, revisionsFromSql('psql', [R1]));
    await f.db.exec(`INSERT INTO t VALUES (1, 'ok'), (-1, 'sad')`);
    const dir = await writeHistory([R1, R2]);
    const r = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/check constraint "meh_or_positive" .* is violated by some row/);
    // Everything but the label was rolled back: no new column, the old default, no constraint.
    const cols = await f.db.query<{ c: string }>(`SELECT attname AS c FROM pg_attribute WHERE attrelid = 't'::regclass AND attnum > 0 ORDER BY attnum`);
    expect(cols.map((x) => x.c)).toEqual(['id', 'm']);
    const def = await f.db.query<{ d: string }>(`SELECT pg_get_expr(adbin, adrelid) AS d FROM pg_attrdef WHERE adrelid = 't'::regclass`);
    expect(def).toEqual([{ d: "'ok'::mood" }]);
    expect(await f.db.query(`SELECT conname FROM pg_constraint WHERE conrelid = 't'::regclass AND contype = 'c'`)).toEqual([]);
    expect(await f.db.query(`SELECT id, m::text AS m FROM t ORDER BY id`)).toEqual([{ id: -1, m: 'sad' }, { id: 1, m: 'ok' }]);
    // The label is what was committed, and the error names it.
    const labels = await f.db.query<{ l: string }>(`SELECT enumlabel AS l FROM pg_enum WHERE enumtypid = 'mood'::regtype ORDER BY enumsortorder`);
    expect(labels.map((x) => x.l)).toEqual(['ok', 'sad', 'meh']);
    expect(r.stderr).toContain("committed before it: step 1 (add enum value public.mood 'meh')");
    expect(r.stderr).not.toContain('the database is unchanged');
  });

  it('succeeds where rows allow, and plan --format sql is a script PostgreSQL runs as is', async () => {
    const dir = await writeHistory([R1, R2]);
    const f = await db();
    const script = await db();
    for (const d of [f.db, script.db]) {
      await runMigrations(d, revisionsFromSql('psql', [R1]));
      await d.exec(`INSERT INTO t VALUES (1, 'ok')`);
    }
    const sql = await runCli(['plan', '-m', dir, '-d', script.url, '--format', 'sql']);
    // The label is committed in a transaction of its own before the statements that use it.
    expect(sql.stdout.match(/^(BEGIN|COMMIT);$/gm)).toEqual(['BEGIN;', 'COMMIT;', 'BEGIN;', 'COMMIT;']);
    await script.db.exec(sql.stdout);
    const r = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    for (const d of [f.db, script.db]) {
      await d.exec(`INSERT INTO t (id) VALUES (2)`);
      expect(await d.query(`SELECT id, m::text AS m, note FROM t ORDER BY id`)).toEqual([{ id: 1, m: 'ok', note: null }, { id: 2, m: 'meh', note: null }]);
    }
  });
});

describe('an added enum label moves nothing unrelated out of the main transaction (issue 13, defect 3)', () => {
  it("adding 'active' keeps CREATE TABLE accounts (state text DEFAULT 'active') and every later step in the main transaction", async () => {
    const f = await db();
    const r1 = `CREATE TYPE st AS ENUM ('new'); CREATE TABLE users (id int PRIMARY KEY, s st);`;
    const dir = await writeHistory([r1, `ALTER TYPE st ADD VALUE 'active';
CREATE TABLE accounts (id int PRIMARY KEY, state text DEFAULT 'active');
CREATE TABLE zz (id int, a int REFERENCES accounts (id));
ALTER TABLE users ADD COLUMN n int;`]);
    expect((await runCli(['apply', '-q', '-m', dir, '-d', f.url, '--to', 'r1'])).code).toBe(0);
    const j = JSON.parse((await runCli(['plan', '-q', '-m', dir, '-d', f.url, '-f', 'json'])).stdout) as { steps: { sql: string; transactional: boolean; early?: boolean; description: string }[] };
    const label = j.steps.find((s) => s.sql.startsWith('ALTER TYPE public.st ADD VALUE'))!;
    const rest = j.steps.filter((s) => s !== label);
    expect(rest.map((s) => s.description)).toEqual([
      'create table public.accounts', 'create table public.zz', 'add column public.users.n', 'add constraint public.zz.zz_a_fkey',
    ]);
    // None of them is committed ahead of the main transaction, nor run after it.
    expect(rest.every((s) => s.transactional && !s.early)).toBe(true);
    const applied = await runCli(['apply', '-q', '-m', dir, '-d', f.url]);
    expect(applied.code).toBe(0);
    expect((await runCli(['check', '-q', '-m', dir, '-d', f.url])).code).toBe(0);
  });
});
