import { describe, expect, it } from 'vitest';
import { perTestResources } from '../support/cleanups.js';
import { runCli } from '../support/run-cli.js';
import { writeHistory } from '../support/temp-history.js';

const { db } = perTestResources();

type JsonChange = { name: string; action: string; detail?: string; safety: string; hazards: string[]; steps: number[] };
type JsonStep = { id: number; sql: string; lock: string; rewrite: boolean; scan: boolean; dataLoss: boolean; mayFail: boolean; transaction: string };
type Json = { changes: JsonChange[]; skipped: JsonChange[]; steps: JsonStep[] };

/** r1: one table per situation (each with rows), so each change's locks can be read on its own table. */
const R1 = `CREATE DOMAIN posint AS int;
CREATE TABLE t_widen (code varchar(3));
CREATE TABLE t_convert (n int);
CREATE TABLE t_narrow (code varchar(8));
CREATE TABLE t_notnull (a int);
CREATE TABLE t_addnn (a int);
CREATE TABLE t_serial (a int);
CREATE TABLE t_nullable (a int);
CREATE TABLE t_check (a int);
CREATE TABLE t_unique (a int);
CREATE TABLE t_index (a int);
CREATE TABLE t_dropcol (a int, b int);
CREATE TABLE t_droptable (a int);
CREATE TABLE t_dropcon (a int CONSTRAINT t_dropcon_a CHECK (a > 0));
CREATE TABLE t_logged (a int);
CREATE TABLE t_fill (a int);
CREATE TABLE t_rename (a int);
CREATE TABLE t_dom (a posint);
CREATE TABLE t_default (a int DEFAULT 1);
CREATE TABLE t_validate (a int);
ALTER TABLE t_validate ADD CONSTRAINT t_validate_a CHECK (a > 0) NOT VALID;
CREATE TABLE t_gen (a int, g int);
CREATE TABLE t_regen (a int, g int GENERATED ALWAYS AS (a + 1) STORED);
CREATE VIEW v_drop AS SELECT a FROM t_nullable;`;

const R2 = `ALTER TABLE t_widen ALTER COLUMN code TYPE varchar(8);
ALTER TABLE t_convert ALTER COLUMN n TYPE bigint;
ALTER TABLE t_narrow ALTER COLUMN code TYPE varchar(2);
ALTER TABLE t_notnull ALTER COLUMN a SET NOT NULL;
ALTER TABLE t_addnn ADD COLUMN b int NOT NULL;
ALTER TABLE t_serial ADD COLUMN id serial;
ALTER TABLE t_nullable ADD COLUMN b int;
ALTER TABLE t_check ADD CONSTRAINT t_check_a CHECK (a > 0);
ALTER TABLE t_unique ADD CONSTRAINT t_unique_a UNIQUE (a);
CREATE INDEX t_index_a ON t_index (a);
ALTER TABLE t_dropcol DROP COLUMN b;
DROP TABLE t_droptable;
ALTER TABLE t_dropcon DROP CONSTRAINT t_dropcon_a;
ALTER TABLE t_logged SET UNLOGGED;
ALTER TABLE t_fill SET (fillfactor = 70);
ALTER TABLE t_rename RENAME COLUMN a TO b;
ALTER DOMAIN posint SET NOT NULL;
ALTER TABLE t_default ALTER COLUMN a SET DEFAULT 2;
ALTER TABLE t_validate VALIDATE CONSTRAINT t_validate_a;
ALTER TABLE t_gen DROP COLUMN g;
ALTER TABLE t_gen ADD COLUMN g int GENERATED ALWAYS AS (a * 2) STORED;
ALTER TABLE t_regen DROP COLUMN g;
ALTER TABLE t_regen ADD COLUMN g int GENERATED ALWAYS AS (a * 3) STORED;
DROP VIEW v_drop;
CREATE TABLE t_new (a int);
CREATE INDEX t_new_a ON t_new (a);`;

const TABLES = [
  't_widen', 't_convert', 't_narrow', 't_notnull', 't_addnn', 't_serial', 't_nullable', 't_check', 't_unique', 't_index', 't_dropcol',
  't_droptable', 't_dropcon', 't_logged', 't_fill', 't_rename', 't_dom', 't_default', 't_validate', 't_gen', 't_regen',
];

/** PostgreSQL's names for the lock modes, as pg_locks reports them. */
const PG_MODE: Record<string, string> = {
  'ACCESS EXCLUSIVE': 'AccessExclusiveLock', 'SHARE ROW EXCLUSIVE': 'ShareRowExclusiveLock', SHARE: 'ShareLock',
  'SHARE UPDATE EXCLUSIVE': 'ShareUpdateExclusiveLock', 'ROW EXCLUSIVE': 'RowExclusiveLock',
};

/** The strongest of the modes pg_locks lists (PostgreSQL's conflict order). */
const strongest = (modes: string[]): string =>
  ['AccessExclusiveLock', 'ExclusiveLock', 'ShareRowExclusiveLock', 'ShareLock', 'ShareUpdateExclusiveLock', 'RowExclusiveLock', 'RowShareLock', 'AccessShareLock']
    .find((m) => modes.includes(m)) ?? 'none';

/** A database at r1 with rows in every table, and the plan to r2 (JSON) with the given flags. */
async function planned(extra: string[] = ['--allow-destructive']) {
  const f = await db();
  const dir = await writeHistory([R1, R2]);
  expect((await runCli(['apply', '-q', '-m', dir, '-d', f.url, '--to', 'r1'])).code).toBe(0);
  await f.db.exec(TABLES.map((t) => `INSERT INTO ${t} (a) SELECT g FROM generate_series(1, 20) g;`).join('\n').replace(/INSERT INTO (t_widen|t_narrow) \(a\) SELECT g/g, `INSERT INTO $1 (code) SELECT 'ab'`).replace('INSERT INTO t_convert (a)', 'INSERT INTO t_convert (n)'));
  const r = await runCli(['plan', '-q', '-m', dir, '-d', f.url, '-f', 'json', ...extra]);
  const j = JSON.parse(r.stdout) as Json;
  const change = (name: string, action?: string): JsonChange => {
    const found = [...j.changes, ...j.skipped].filter((c) => c.name === name && (action === undefined || c.action === action));
    expect(found, `${action ?? ''} ${name}`).toHaveLength(1);
    return found[0]!;
  };
  const verdict = (name: string, action?: string): [string, string[]] => {
    const c = change(name, action);
    return [c.safety, c.hazards];
  };
  const stepsOf = (name: string, action?: string): JsonStep[] => j.steps.filter((s) => change(name, action).steps.includes(s.id));
  /**
   * What PostgreSQL does running the step (after `before`, committed), in a transaction rolled
   * back: the strongest lock it holds on `table`, and whether the table got a new relfilenode
   * (a rewrite).
   */
  const observe = async (s: JsonStep, table: string): Promise<{ lock: string; rewrote: boolean }> => {
    const node = `SELECT relfilenode::text AS n FROM pg_class WHERE oid = '${table}'::regclass`;
    await f.db.exec('BEGIN');
    const [before] = await f.db.query<{ n: string }>(node);
    await f.db.exec(s.sql);
    const rows = await f.db.query<{ mode: string }>(
      `SELECT mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND relation = '${table}'::regclass`,
    );
    const [after] = await f.db.query<{ n: string }>(node);
    await f.db.exec('ROLLBACK');
    return { lock: strongest(rows.map((x) => x.mode)), rewrote: before!.n !== after!.n };
  };
  /** The single step of a one-step change, checked against PostgreSQL: its lock and its rewrite flag. */
  const checked = async (name: string, table: string, action?: string): Promise<JsonStep> => {
    const steps = stepsOf(name, action);
    expect(steps, name).toHaveLength(1);
    const seen = await observe(steps[0]!, table);
    expect([seen.lock, seen.rewrote], name).toEqual([PG_MODE[steps[0]!.lock] ?? 'none', steps[0]!.rewrite]);
    return steps[0]!;
  };
  return { f, dir, j, change, verdict, stepsOf, observe, checked };
}

describe('safety classes and hazards are derived from the statements emitted (issue 13), as PostgreSQL runs them', () => {
  it('column types: a widening takes ACCESS EXCLUSIVE for an instant and keeps the file (safe); a conversion rewrites (review); a narrowing loses data (destructive)', async () => {
    const { verdict, checked } = await planned();
    expect(verdict('public.t_widen.code')).toEqual(['safe', []]);
    const widen = await checked('public.t_widen.code', 't_widen');
    expect([widen.lock, widen.rewrite, widen.scan, widen.mayFail]).toEqual(['ACCESS EXCLUSIVE', false, false, false]);
    expect(verdict('public.t_convert.n')).toEqual(['review', ['table rewrite', 'access exclusive lock', 'may fail on existing data']]);
    expect((await checked('public.t_convert.n', 't_convert')).rewrite).toBe(true);
    expect(verdict('public.t_narrow.code')).toEqual(['destructive', ['data loss', 'table rewrite', 'access exclusive lock', 'may fail on existing data']]);
    expect((await checked('public.t_narrow.code', 't_narrow')).rewrite).toBe(true);
  });

  it('SET NOT NULL holds ACCESS EXCLUSIVE across a scan of the table and fails on a NULL (review)', async () => {
    const { f, verdict, checked } = await planned();
    expect(verdict('public.t_notnull.a')).toEqual(['review', ['full table scan', 'access exclusive lock', 'may fail on existing data']]);
    const s = await checked('public.t_notnull.a', 't_notnull');
    expect([s.lock, s.scan, s.mayFail, s.rewrite]).toEqual(['ACCESS EXCLUSIVE', true, true, false]);
    await f.db.exec('INSERT INTO t_notnull VALUES (NULL)');
    await expect(f.db.exec(s.sql)).rejects.toThrow(/contains null values/);
  });

  it('ADD COLUMN: nullable is catalog-only (safe); NOT NULL without a default fails on rows (review); serial rewrites (review)', async () => {
    const { f, verdict, checked, stepsOf, observe } = await planned();
    expect(verdict('public.t_nullable.b')).toEqual(['safe', []]);
    expect((await checked('public.t_nullable.b', 't_nullable')).lock).toBe('ACCESS EXCLUSIVE');
    expect(verdict('public.t_addnn.b')).toEqual(['review', ['may fail on existing data']]);
    const [addNotNull] = stepsOf('public.t_addnn.b');
    expect([addNotNull!.lock, addNotNull!.mayFail, addNotNull!.rewrite]).toEqual(['ACCESS EXCLUSIVE', true, false]);
    // The table has rows: PostgreSQL refuses the step, as the hazard says.
    await expect(f.db.exec(addNotNull!.sql)).rejects.toThrow(/contains null values/);
    expect(verdict('public.t_serial.id')).toEqual(['review', ['table rewrite', 'access exclusive lock']]);
    // The sequence the default calls comes first (its own change); then ADD COLUMN computes nextval() per row: a new file.
    for (const s of stepsOf('public.t_serial_id_seq').filter((x) => x.sql.startsWith('CREATE SEQUENCE'))) await f.db.exec(s.sql);
    const add = stepsOf('public.t_serial.id').find((s) => s.sql.includes('ADD COLUMN'))!;
    expect([add.lock, add.rewrite]).toEqual(['ACCESS EXCLUSIVE', true]);
    expect(await observe(add, 't_serial')).toEqual({ lock: 'AccessExclusiveLock', rewrote: true });
  });

  it('constraints: a CHECK is added NOT VALID then validated under SHARE UPDATE EXCLUSIVE; UNIQUE scans under ACCESS EXCLUSIVE; VALIDATE alone; a dropped one loses no rows (all review)', async () => {
    const { f, verdict, stepsOf, observe, checked } = await planned();
    expect(verdict('public.t_check.t_check_a')).toEqual(['review', ['full table scan', 'may fail on existing data']]);
    const [add, validate] = stepsOf('public.t_check.t_check_a');
    expect([add!.lock, add!.scan, validate!.lock, validate!.scan]).toEqual(['ACCESS EXCLUSIVE', false, 'SHARE UPDATE EXCLUSIVE', true]);
    expect((await observe(add!, 't_check')).lock).toBe('AccessExclusiveLock');
    expect(verdict('public.t_unique.t_unique_a')).toEqual(['review', ['full table scan', 'access exclusive lock', 'may fail on existing data']]);
    expect((await checked('public.t_unique.t_unique_a', 't_unique')).scan).toBe(true);
    expect(verdict('public.t_validate.t_validate_a')).toEqual(['review', ['full table scan', 'may fail on existing data']]);
    expect((await checked('public.t_validate.t_validate_a', 't_validate')).lock).toBe('SHARE UPDATE EXCLUSIVE');
    expect(verdict('public.t_dropcon.t_dropcon_a')).toEqual(['review', []]);
    await checked('public.t_dropcon.t_dropcon_a', 't_dropcon');
    // The validation runs on a committed NOT VALID constraint too.
    await f.db.exec(add!.sql);
    expect((await observe(validate!, 't_check')).lock).toBe('ShareUpdateExclusiveLock');
  });

  it('CREATE INDEX takes SHARE while it builds (safe: blocks writes while building)', async () => {
    const { verdict, stepsOf, observe } = await planned();
    expect(verdict('public.t_index_a')).toEqual(['safe', ['blocks writes while building']]);
    const build = stepsOf('public.t_index_a').at(-1)!;
    expect((await observe(build, 't_index')).lock).toBe(PG_MODE[build.lock]);
  });

  it('drops: a column or table loses its data (destructive, skipped without --allow-destructive); a view is removed (destructive)', async () => {
    const { verdict, checked, j } = await planned();
    expect(verdict('public.t_dropcol.b')).toEqual(['destructive', ['data loss']]);
    expect((await checked('public.t_dropcol.b', 't_dropcol')).dataLoss).toBe(true);
    expect(verdict('public.t_droptable')).toEqual(['destructive', ['data loss']]);
    expect(verdict('public.v_drop')).toEqual(['destructive', []]);
    const safe = await planned([]);
    expect(safe.j.skipped.map((c) => c.name).sort()).toEqual(['public.t_dropcol.b', 'public.t_droptable', 'public.t_gen.g', 'public.t_narrow.code', 'public.v_drop']);
    expect(j.skipped).toEqual([]);
  });

  it('SET UNLOGGED rewrites under ACCESS EXCLUSIVE (review); SET (fillfactor) takes SHARE UPDATE EXCLUSIVE and rewrites nothing (safe)', async () => {
    const { verdict, checked } = await planned();
    expect(verdict('public.t_logged')).toEqual(['review', ['table rewrite', 'access exclusive lock']]);
    expect((await checked('public.t_logged', 't_logged')).rewrite).toBe(true);
    expect(verdict('public.t_fill')).toEqual(['safe', []]);
    expect((await checked('public.t_fill', 't_fill')).lock).toBe('SHARE UPDATE EXCLUSIVE');
  });

  it('ALTER DOMAIN SET NOT NULL takes SHARE on the tables using the domain and scans them (review)', async () => {
    const { f, verdict, stepsOf, observe } = await planned();
    expect(verdict('public.posint')).toEqual(['review', ['full table scan', 'may fail on existing data']]);
    const [s] = stepsOf('public.posint');
    expect([s!.lock, s!.scan, s!.mayFail]).toEqual(['SHARE', true, true]);
    expect((await observe(s!, 't_dom')).lock).toBe('ShareLock');
    await f.db.exec('INSERT INTO t_dom VALUES (NULL)');
    await expect(f.db.exec(s!.sql)).rejects.toThrow(/contains null values/);
  });

  it('what only the kind knows: a rename and a changed default are review with no lock hazard; a generated column rebuilt from a plain one loses its values (destructive)', async () => {
    const { verdict, checked } = await planned();
    expect(verdict('public.t_rename.b')).toEqual(['review', []]);
    expect(verdict('public.t_default.a')).toEqual(['review', []]);
    expect((await checked('public.t_default.a', 't_default')).lock).toBe('ACCESS EXCLUSIVE');
    expect(verdict('public.t_gen.g')).toEqual(['destructive', ['data loss', 'table rewrite', 'access exclusive lock']]);
  });

  it('an index on a table the plan creates locks nothing anyone sees (safe, no hazard); a generated column recomputed from a new expression keeps every row (review, applied without --allow-destructive)', async () => {
    const { f, dir, verdict, stepsOf } = await planned([]);
    expect(verdict('public.t_new_a')).toEqual(['safe', []]);
    expect(stepsOf('public.t_new_a').map((s) => [s.lock, s.transaction])).toEqual([['none', 'in']]);
    expect(verdict('public.t_regen.g')).toEqual(['review', ['table rewrite', 'access exclusive lock']]);
    await f.db.exec('TRUNCATE t_addnn'); // else its NOT NULL column fails the whole apply, as its hazard says
    const applied = await runCli(['apply', '-q', '-m', dir, '-d', f.url]);
    expect([applied.code, applied.stderr]).toEqual([0, '']);
    expect(await f.db.query(`SELECT count(*)::int AS n, bool_and(g = a * 3) AS recomputed FROM t_regen`)).toEqual([{ n: 20, recomputed: true }]);
  });
});
