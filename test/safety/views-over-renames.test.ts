import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/index.js';
import { perTestResources } from '../support/cleanups.js';
import { runCli } from '../support/run-cli.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';
import { writeHistory } from '../support/temp-history.js';

const { db } = perTestResources();

const rows = async (d: Database, sql: string): Promise<unknown[]> => d.query(sql);

interface Case {
  readonly name: string;
  readonly history: readonly string[];
  readonly seed: string;
  /** A query over the view(s) after the last revision, with its expected rows. */
  readonly query: string;
  readonly expected: unknown[];
}

const BASE = `CREATE TABLE t (id int PRIMARY KEY, a text, c varchar(10));
CREATE VIEW v AS SELECT id, a FROM t;
CREATE VIEW w AS SELECT t.id, t.a AS label, upper(t.a) AS up FROM t WHERE t.a <> '';
CREATE VIEW s AS SELECT * FROM t;`;
const SEED = `INSERT INTO t VALUES (1, 'x', '5'), (2, 'y', '7')`;

const CASES: Case[] = [
  {
    name: 'a column renamed under views',
    history: [BASE, `ALTER TABLE t RENAME COLUMN a TO b;`],
    seed: SEED,
    query: `SELECT v.id, v.a, w.label, w.up, s.a AS sa FROM v JOIN w USING (id) JOIN s USING (id) ORDER BY 1`,
    expected: [{ id: 1, a: 'x', label: 'x', up: 'X', sa: 'x' }, { id: 2, a: 'y', label: 'y', up: 'Y', sa: 'y' }],
  },
  {
    name: 'a table renamed under views',
    history: [BASE, `ALTER TABLE t RENAME TO u;`],
    seed: SEED,
    query: `SELECT v.id, v.a, w.label FROM v JOIN w USING (id) ORDER BY 1`,
    expected: [{ id: 1, a: 'x', label: 'x' }, { id: 2, a: 'y', label: 'y' }],
  },
  {
    name: 'a table and then its column renamed under views',
    history: [BASE, `ALTER TABLE t RENAME TO u;`, `ALTER TABLE u RENAME COLUMN a TO b;`],
    seed: SEED,
    query: `SELECT v.id, v.a, w.up FROM v JOIN w USING (id) ORDER BY 1`,
    expected: [{ id: 1, a: 'x', up: 'X' }, { id: 2, a: 'y', up: 'Y' }],
  },
  {
    name: 'a type change under a view the history drops and recreates',
    history: [BASE, `DROP VIEW s; DROP VIEW v; ALTER TABLE t ALTER COLUMN c TYPE integer USING c::integer;
      CREATE VIEW v AS SELECT id, a, c FROM t; CREATE VIEW s AS SELECT * FROM t;`],
    seed: SEED,
    query: `SELECT v.id, v.c, pg_typeof(s.c)::text AS ty FROM v JOIN s USING (id) ORDER BY 1`,
    expected: [{ id: 1, c: 5, ty: 'integer' }, { id: 2, c: 7, ty: 'integer' }],
  },
  {
    name: 'a widening under a view the history left in place',
    history: [`CREATE TABLE t (id int PRIMARY KEY, c varchar(10)); CREATE VIEW v AS SELECT id, c FROM t;`,
      `DROP VIEW v; ALTER TABLE t ALTER COLUMN c TYPE varchar(40); CREATE VIEW v AS SELECT id, c FROM t;`],
    seed: `INSERT INTO t VALUES (1, '5')`,
    query: `SELECT id, c FROM v`,
    expected: [{ id: 1, c: '5' }],
  },
];

describe('views follow renames and type changes as in PostgreSQL', () => {
  for (const c of CASES) {
    it(`${c.name}: apply from empty, then check against a database built by psql`, async () => {
      const dir = await writeHistory(c.history);
      const empty = await db();
      const r = await runCli(['apply', '-m', dir, '-d', empty.url]);
      expect(r.stderr).not.toMatch(/error/i);
      expect(r.code).toBe(0);
      const psql = await db();
      await runMigrations(psql.db, revisionsFromSql('psql', c.history));
      const check = await runCli(['check', '-m', dir, '-d', psql.url]);
      expect(check.stdout).toContain('in sync');
      expect(check.code).toBe(0);
    });

    it(`${c.name}: a database at the first revision with rows converges, values kept`, async () => {
      const dir = await writeHistory(c.history);
      const f = await db();
      await runMigrations(f.db, revisionsFromSql('psql', c.history.slice(0, 1)));
      await f.db.exec(c.seed);
      const r = await runCli(['apply', '-m', dir, '-d', f.url]);
      expect(r.stderr).not.toMatch(/error/i);
      expect(r.code).toBe(0);
      expect(await rows(f.db, c.query)).toEqual(c.expected);
      const check = await runCli(['check', '-m', dir, '-d', f.url]);
      expect(check.code).toBe(0);
    });
  }
});
