import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import type { Revision } from '../../src/load/types.js';
import type { SchemaState } from '../../src/model/schema-state.js';
import { replay } from '../../src/replay/index.js';
import { perTestResources } from '../support/cleanups.js';
import { historyConvergence } from '../support/history-convergence.js';
import { runCli } from '../support/run-cli.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';
import { writeHistory } from '../support/temp-history.js';

const { db } = perTestResources();

/** libc collations (their locales exist on every server): created, renamed, moved, dropped, used. */
const COLLATIONS = [
  `CREATE SCHEMA app;
   CREATE COLLATION c_sort (locale = 'C');
   CREATE COLLATION old_name (lc_collate = 'C', lc_ctype = 'POSIX');
   CREATE COLLATION tmp (locale = 'POSIX');
   CREATE COLLATION gone (locale = 'C');
   CREATE TABLE words (id int PRIMARY KEY, w text COLLATE c_sort, v text COLLATE old_name, g text COLLATE gone);`,
  `ALTER COLLATION old_name RENAME TO mixed;
   ALTER COLLATION mixed SET SCHEMA app;
   DROP COLLATION tmp;
   COMMENT ON COLLATION c_sort IS 'byte order';
   CREATE COLLATION app.posix2 FROM "POSIX";
   CREATE INDEX words_v ON words (v COLLATE app.posix2);
   CREATE DOMAIN word AS text COLLATE c_sort;`,
  `ALTER TABLE words ADD COLUMN z text COLLATE app.mixed;
   CREATE TABLE tags (t word);
   ALTER TABLE words DROP COLUMN g;
   DROP COLLATION gone;`,
];

/** Operators: links, estimators altered, one dropped, one moved; used by a check, an index and a view. */
const OPERATORS = [
  `CREATE FUNCTION int_eq(a int, b int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT a = b';
   CREATE FUNCTION int_ne(a int, b int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT a <> b';
   CREATE FUNCTION rev(t text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT reverse(t)';
   CREATE SCHEMA app;
   CREATE OPERATOR === (FUNCTION = int_eq, LEFTARG = int, RIGHTARG = int, COMMUTATOR = ===, NEGATOR = !==,
     RESTRICT = eqsel, JOIN = eqjoinsel, HASHES);
   CREATE OPERATOR !== (FUNCTION = int_ne, LEFTARG = int, RIGHTARG = int);
   CREATE OPERATOR ~~~ (FUNCTION = rev, RIGHTARG = text);
   CREATE OPERATOR <<>> (FUNCTION = int_ne, LEFTARG = int, RIGHTARG = int);
   CREATE TABLE nums (a int, b int, t text, CONSTRAINT reflexive CHECK (a === a));`,
  `ALTER OPERATOR === (int, int) SET (RESTRICT = NONE);
   DROP OPERATOR <<>> (int, int);
   CREATE VIEW matching AS SELECT a FROM nums WHERE a === b;
   CREATE INDEX nums_nonzero ON nums (a) WHERE b !== 0;
   COMMENT ON OPERATOR ~~~ (NONE, text) IS 'reversed';
   ALTER OPERATOR ~~~ (NONE, text) SET SCHEMA app;`,
  `CREATE OPERATOR app.@@ (FUNCTION = public.int_eq, LEFTARG = int, RIGHTARG = int, NEGATOR = OPERATOR(public.!==));
   CREATE OPERATOR ## (FUNCTION = int_eq, LEFTARG = int, RIGHTARG = int);
   ALTER TABLE nums ADD CONSTRAINT plus CHECK (a ## a);`,
  `ALTER TABLE nums DROP CONSTRAINT plus;
   DROP OPERATOR ## (int, int);`,
];

/** A history that creates an operator, uses it in data statements and drops it again. */
const TEMPORARY_OPERATOR = [
  `CREATE TABLE events (id int PRIMARY KEY, kind text, old_kind text);`,
  `CREATE FUNCTION ci_eq(a text, b text) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT lower(a) = lower(b)';
   CREATE OPERATOR public.=~= (FUNCTION = ci_eq, LEFTARG = text, RIGHTARG = text, COMMUTATOR = =~=);
   UPDATE events SET kind = 'login' WHERE old_kind =~= 'LOGIN';
   DROP OPERATOR public.=~= (text, text);
   DROP FUNCTION ci_eq(text, text);
   ALTER TABLE events DROP COLUMN old_kind;`,
];

function replayed(revisions: readonly Revision[]): SchemaState {
  const r = replay(revisions);
  expect(r.diagnostics).toEqual([]);
  return r.state;
}

describe('collations converge (pg_dump oracle)', () => {
  const history = revisionsFromSql('collations', COLLATIONS);
  it('replays without warnings', () => {
    expect(replay(history).diagnostics).toEqual([]);
  });
  historyConvergence(history, { from: [0, 1, 2], apply: { allowDestructive: true } });
});

describe('operators converge (pg_dump oracle)', () => {
  const history = revisionsFromSql('operators', OPERATORS);
  it('replays without warnings', () => {
    expect(replay(history).diagnostics).toEqual([]);
  });
  historyConvergence(history, { from: [0, 1, 2, 3], apply: { allowDestructive: true } });
});

describe('a temporary operator (created, used, dropped) converges', () => {
  const history = revisionsFromSql('temporary', TEMPORARY_OPERATOR);
  it('replays without warnings and leaves no operator in the target', () => {
    const r = replay(history);
    expect(r.diagnostics).toEqual([]);
    expect(r.state.operators.size).toBe(0);
  });
  historyConvergence(history, { from: [0, 1], apply: { allowDestructive: true } });

  it('a database that still has the operator: the plan drops it (the history did)', async () => {
    const f = await db();
    await runMigrations(f.db, history.slice(0, 1));
    await f.db.exec(`CREATE FUNCTION ci_eq(a text, b text) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT lower(a) = lower(b)';
      CREATE OPERATOR public.=~= (FUNCTION = ci_eq, LEFTARG = text, RIGHTARG = text)`);
    const d = diff(replayed(history), await introspect(f.db));
    expect(d.changes.filter((c) => c.kind === 'drop').map((c) => c.kind === 'drop' && `${c.object} ${c.ref.name}`)).toEqual(
      expect.arrayContaining(['operator =~=', 'function ci_eq']),
    );
    await apply(f.db, replayed(history), { allowDestructive: true });
    expect((await introspect(f.db)).operators.size).toBe(0);
  });
});

describe('changes PostgreSQL cannot alter in place', () => {
  it('a collation with another locale is rebuilt when unused, and drift when a column uses it', async () => {
    const target = replayed(revisionsFromSql('rebuild', [`CREATE COLLATION free_c (locale = 'C'); CREATE COLLATION used_c (locale = 'C'); CREATE TABLE t (x text COLLATE used_c);`]));
    const f = await db();
    await f.db.exec(`CREATE COLLATION free_c (locale = 'POSIX'); CREATE COLLATION used_c (locale = 'POSIX'); CREATE TABLE t (x text COLLATE used_c);`);
    const d = diff(target, await introspect(f.db));
    expect(d.drift.map((x) => x.message)).toEqual([expect.stringMatching(/^lcCollate, lcCtype differ from the migrations; .*column public\.t\.x uses it/)]);
    expect(d.changes.map((c) => `${c.kind} ${c.kind === 'drop' ? c.reason : ''}`)).toEqual(['drop replace', 'createCollation ']);
    await apply(f.db, target, { allowDestructive: true });
    const live = await introspect(f.db);
    expect(live.collations.get('public.free_c')).toMatchObject({ lcCollate: 'C', lcCtype: 'C' });
    expect(live.collations.get('public.used_c')).toMatchObject({ lcCollate: 'POSIX' });
  });

  it('an operator with another function is rebuilt when unused, drift when a view uses it; estimators are altered in place', async () => {
    const fns = `CREATE FUNCTION f1(a int, b int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT a = b';
      CREATE FUNCTION f2(a int, b int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT a <> b';
      CREATE TABLE t (a int, b int);`;
    const target = replayed(revisionsFromSql('rebuild', [`${fns}
      CREATE OPERATOR ### (FUNCTION = f1, LEFTARG = int, RIGHTARG = int, RESTRICT = eqsel);
      CREATE OPERATOR &&& (FUNCTION = f1, LEFTARG = int, RIGHTARG = int);
      CREATE VIEW v AS SELECT a FROM t WHERE a &&& b;`]));
    const f = await db();
    await f.db.exec(`${fns}
      CREATE OPERATOR ### (FUNCTION = f2, LEFTARG = int, RIGHTARG = int, RESTRICT = neqsel);
      CREATE OPERATOR &&& (FUNCTION = f2, LEFTARG = int, RIGHTARG = int, JOIN = eqjoinsel);
      CREATE VIEW v AS SELECT a FROM t WHERE a &&& b;`);
    const d = diff(target, await introspect(f.db));
    expect(d.drift.map((x) => x.message)).toEqual([expect.stringMatching(/^public\.&&& \(integer, integer\): function differs from the migrations; .*view public\.v uses the operator/)]);
    expect(d.changes.map((c) => `${c.kind} ${c.kind === 'drop' ? c.reason : ''}`)).toEqual(['drop replace', 'createOperator ']);
    await apply(f.db, target, { allowDestructive: true });
    const rows = await f.db.query<{ code: string; rest: string }>(`SELECT oprcode::text AS code, oprrest::text AS rest FROM pg_operator WHERE oprname IN ('###', '&&&') ORDER BY oprname`);
    expect(rows).toEqual([{ code: 'f1', rest: 'eqsel' }, { code: 'f2', rest: '-' }]);
  });

  it('only RESTRICT / JOIN differ: ALTER OPERATOR .. SET, nothing dropped', async () => {
    const sql = (est: string): string => `CREATE FUNCTION f1(a int, b int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT a = b';
      CREATE OPERATOR ### (FUNCTION = f1, LEFTARG = int, RIGHTARG = int${est});`;
    const target = replayed(revisionsFromSql('alter', [sql(', RESTRICT = eqsel, JOIN = eqjoinsel')]));
    const f = await db();
    await f.db.exec(sql(''));
    expect(diff(target, await introspect(f.db)).changes.map((c) => c.kind)).toEqual(['alterOperator']);
    await apply(f.db, target);
    expect(diff(target, await introspect(f.db)).changes).toEqual([]);
  });
});

describe('check sees collation and operator drift', () => {
  it('a collation dropped live, an operator estimator changed and an operator dropped: exit 2 naming them; apply puts them back', async () => {
    const dir = await writeHistory(OPERATORS.concat(`CREATE COLLATION c_sort (locale = 'C');`));
    const f = await db();
    await runMigrations(f.db, revisionsFromSql('psql', OPERATORS.concat(`CREATE COLLATION c_sort (locale = 'C');`)));
    expect((await runCli(['check', '-q', '-m', dir, '-d', f.url])).code).toBe(0);
    await f.db.exec(`DROP COLLATION c_sort; ALTER OPERATOR !== (int, int) SET (JOIN = neqjoinsel); DROP OPERATOR app.@@ (int, int)`);
    const check = await runCli(['check', '-m', dir, '-d', f.url]);
    expect(check.code).toBe(2);
    expect(check.stdout).toMatch(/missing\s+collation public\.c_sort/);
    expect(check.stdout).toMatch(/missing\s+operator app\.@@/);
    expect(check.stdout).toMatch(/different operator public\.!==[^\n]*\n\s*join: /);
    const fix = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(fix.stderr).not.toMatch(/error/i);
    expect(fix.code).toBe(0);
    expect((await runCli(['check', '-q', '-m', dir, '-d', f.url])).code).toBe(0);
  });
});

describe('ICU collations (where the server has ICU)', () => {
  const ICU = [`CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
    CREATE COLLATION root_icu FROM "und-x-icu";
    CREATE TABLE people (name text COLLATE ci);`];

  it('converge, or apply fails naming the missing ICU support', async () => {
    const f = await db();
    const n = (await f.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_collation WHERE collprovider = 'i'`))[0]!.n;
    const target = replayed(revisionsFromSql('icu', ICU));
    expect(target.collations.get('public.ci')).toMatchObject({ provider: 'icu', locale: 'und-u-ks-level2', deterministic: false });
    if (n > 0) {
      await apply(f.db, target);
      const live = await introspect(f.db);
      expect(diff(target, live).changes).toEqual([]);
      expect(live.collations.get('public.root_icu')).toMatchObject({ provider: 'icu', locale: 'und' });
      await f.db.exec(`INSERT INTO people VALUES ('Ann')`);
      expect(await f.db.query(`SELECT count(*)::int AS n FROM people WHERE name = 'ANN'`)).toEqual([{ n: 1 }]);
    } else {
      await expect(apply(f.db, target)).rejects.toThrow(/ICU is not supported/);
    }
  });
});
