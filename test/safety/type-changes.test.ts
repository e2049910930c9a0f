import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/index.js';
import { loadMigrations } from '../../src/load/index.js';
import { perTestResources } from '../support/cleanups.js';
import { runCli } from '../support/run-cli.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';
import { writeHistory } from '../support/temp-history.js';

const { db } = perTestResources();

const rows = async (d: Database, sql: string): Promise<unknown[]> => d.query(sql);

/** What plain psql does with the same revisions: run them, return the error message (or undefined). */
async function underPsql(d: Database, sql: string): Promise<string | undefined> {
  try {
    await runMigrations(d, revisionsFromSql('psql', [sql]));
    return undefined;
  } catch (e) {
    return (e as Error).message.split('\n')[0]!.replace(/^.*?: /, '');
  }
}

const NARROW_BASE = `CREATE TABLE t (id int PRIMARY KEY, s varchar(100), n text, c char(30), b varbit(16), w varchar(3));`;
const NARROW = `ALTER TABLE t ALTER COLUMN s TYPE varchar(20);
ALTER TABLE t ALTER COLUMN n TYPE varchar(10);
ALTER TABLE t ALTER COLUMN c TYPE char(5);
ALTER TABLE t ALTER COLUMN b TYPE varbit(4);`;
const LONG_ROW = `INSERT INTO t VALUES (1, repeat('x', 50), repeat('y', 40), 'abcdefgh', B'101010101', 'abc')`;

describe('column type changes keep data as PostgreSQL would', () => {
  it('a narrowing is destructive: skipped without --allow-destructive, data untouched', async () => {
    const f = await db();
    await f.db.exec(NARROW_BASE);
    await f.db.exec(LONG_ROW);
    const dir = await writeHistory([NARROW_BASE, NARROW]);
    const plan = await runCli(['plan', '-m', dir, '-d', f.url]);
    expect(plan.stdout).toMatch(/destructive/i);
    const r = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(r.stdout + r.stderr).toMatch(/skipped/i);
    expect(await rows(f.db, `SELECT length(s) AS s, length(n) AS n, rtrim(c) AS c, b::text AS b FROM t`)).toEqual([{ s: 50, n: 40, c: 'abcdefgh', b: '101010101' }]);
    const types = await rows(f.db, `SELECT format_type(atttypid, atttypmod) AS t FROM pg_attribute WHERE attrelid = 't'::regclass AND attname IN ('s', 'n') ORDER BY attname`);
    expect(types).toEqual([{ t: 'text' }, { t: 'character varying(100)' }]);
  });

  it('with --allow-destructive a narrowing fails on a value too long, as under psql, and nothing is truncated', async () => {
    const f = await db();
    await f.db.exec(NARROW_BASE);
    await f.db.exec(LONG_ROW);
    const psql = await db();
    await psql.db.exec(NARROW_BASE);
    await psql.db.exec(LONG_ROW);
    const expected = await underPsql(psql.db, NARROW);
    expect(expected).toBe('value too long for type character varying(20)');
    const dir = await writeHistory([NARROW_BASE, NARROW]);
    const r = await runCli(['apply', '-m', dir, '-d', f.url, '--allow-destructive']);
    expect(r.code).toBe(1);
    // Which column fails first depends on the step order; each fails as psql's statement does.
    expect(r.stderr).toMatch(/error: step \d+ \(change type of column public\.t\.[sncb]\) failed: (value|bit string) too long for type/);
    expect(r.stderr).toContain('the database is unchanged');
    expect(await rows(f.db, `SELECT length(s) AS s, length(n) AS n, rtrim(c) AS c, b::text AS b FROM t`)).toEqual([{ s: 50, n: 40, c: 'abcdefgh', b: '101010101' }]);
  });

  it('with --allow-destructive a narrowing succeeds where every value fits, values intact', async () => {
    const f = await db();
    await f.db.exec(NARROW_BASE);
    await f.db.exec(`INSERT INTO t VALUES (1, 'short', 'tiny', 'ab', B'101', 'abc')`);
    const dir = await writeHistory([NARROW_BASE, NARROW]);
    const r = await runCli(['apply', '-m', dir, '-d', f.url, '--allow-destructive']);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    expect(await rows(f.db, `SELECT s, n, c, b::text AS b FROM t`)).toEqual([{ s: 'short', n: 'tiny', c: 'ab   ', b: '101' }]);
  });

  it('a binary-coercible widening is safe and does not rewrite the table', async () => {
    const f = await db();
    await f.db.exec(NARROW_BASE);
    await f.db.exec(LONG_ROW);
    const before = await rows(f.db, `SELECT relfilenode FROM pg_class WHERE oid = 't'::regclass`);
    const widen = `ALTER TABLE t ALTER COLUMN w TYPE varchar(8); ALTER TABLE t ALTER COLUMN s TYPE text; ALTER TABLE t ALTER COLUMN n TYPE varchar;`;
    const dir = await writeHistory([NARROW_BASE, widen]);
    const plan = await runCli(['plan', '-m', dir, '-d', f.url, '--format', 'json']);
    const changes = (JSON.parse(plan.stdout) as { changes: { kind: string; safety: string }[] }).changes.filter((c) => c.kind === 'alterColumnType');
    expect(changes.map((c) => c.safety)).toEqual(['safe', 'safe', 'safe']);
    const r = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(r.code).toBe(0);
    expect(await rows(f.db, `SELECT relfilenode FROM pg_class WHERE oid = 't'::regclass`)).toEqual(before);
    expect(await rows(f.db, `SELECT w, length(s) AS s FROM t`)).toEqual([{ w: 'abc', s: 50 }]);
  });

  it("carries the history's USING expression: (price * 100)::integer turns 1.50 into 150", async () => {
    const f = await db();
    const base = `CREATE TABLE items (id int PRIMARY KEY, price numeric(8,2) NOT NULL DEFAULT 0);`;
    await f.db.exec(base);
    await f.db.exec(`INSERT INTO items VALUES (1, 1.50), (2, 19.99)`);
    const dir = await writeHistory([base, `ALTER TABLE items ALTER COLUMN price TYPE integer USING (price * 100)::integer;`]);
    const r = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    expect(await rows(f.db, `SELECT id, price FROM items ORDER BY id`)).toEqual([{ id: 1, price: 150 }, { id: 2, price: 1999 }]);
  });

  it('runs several type changes of one column in the order the history made them, each with its USING', async () => {
    const f = await db();
    const base = `CREATE TABLE m (id int PRIMARY KEY, v text);`;
    await f.db.exec(base);
    await f.db.exec(`INSERT INTO m VALUES (1, '7'), (2, '12')`);
    const later = [`ALTER TABLE m ALTER COLUMN v TYPE integer USING v::integer * 10;`, `ALTER TABLE m ALTER COLUMN v TYPE bigint USING v + 1;`];
    const psql = await db();
    await psql.db.exec(base);
    await psql.db.exec(`INSERT INTO m VALUES (1, '7'), (2, '12')`);
    await runMigrations(psql.db, revisionsFromSql('psql', later));
    const dir = await writeHistory([base, ...later]);
    const r = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(r.code).toBe(0);
    const got = await rows(f.db, `SELECT id, v FROM m ORDER BY id`);
    expect(got).toEqual(await rows(psql.db, `SELECT id, v FROM m ORDER BY id`));
    expect(got).toEqual([{ id: 1, v: '71' }, { id: 2, v: '121' }]);
  });

  it('the example history: a database at revision 12 with tagged projects converges with the values psql gives', async () => {
    const revisions = (await loadMigrations('alembic-versions')).revisions;
    const seed = `INSERT INTO organisations (id, name, slug) VALUES (1, 'Acme', 'acme');
      INSERT INTO projects (org_id, name, tags) VALUES (1, 'one', 'a,b'), (1, 'two', 'solo'), (1, 'three', 'x,,y')`;
    const f = await db();
    const psql = await db();
    for (const d of [f.db, psql.db]) {
      await runMigrations(d, revisions.slice(0, 12));
      await d.exec(seed);
    }
    await runMigrations(psql.db, revisions.slice(12));
    const r = await runCli(['apply', '-m', 'alembic-versions', '-d', f.url]);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const q = `SELECT name, tags FROM projects ORDER BY name`;
    const got = await rows(f.db, q);
    expect(got).toEqual(await rows(psql.db, q));
    expect(got).toEqual([{ name: 'one', tags: ['a', 'b'] }, { name: 'three', tags: ['x', '', 'y'] }, { name: 'two', tags: ['solo'] }]);
  });
});
