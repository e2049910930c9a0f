import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { replay } from '../../src/replay/index.js';
import { perTestResources } from '../support/cleanups.js';
import { checkAfterDrift } from '../support/drifted-check.js';
import { historyConvergence } from '../support/history-convergence.js';
import { pgDumpSchema } from '../support/pg-dump/pg-dump.js';
import { dumpDifference } from '../support/pg-dump/schema-oracle.js';
import { runCli } from '../support/run-cli.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

const { db } = perTestResources();

/**
 * ALTER EXTENSION .. SET SCHEMA: the history moves citext (with the columns, arrays and domain of
 * its type) from `a` to `b`, and hstore from `public` to `a`. A database at the revision before
 * the move is brought there by moving the extensions, never by dropping them (DROP EXTENSION
 * would cascade to the columns): the rows stay.
 */
const HISTORY = [
  `CREATE SCHEMA a; CREATE SCHEMA b; CREATE EXTENSION citext SCHEMA a; CREATE EXTENSION hstore;
   CREATE DOMAIN email AS a.citext;
   CREATE TABLE t (id int PRIMARY KEY, c a.citext NOT NULL, cs a.citext[], h hstore, e email);
   INSERT INTO t VALUES (1, 'MiXeD', '{X,y}', 'k=>v', 'A@B.C');`,
  `ALTER EXTENSION citext SET SCHEMA b; ALTER EXTENSION hstore SET SCHEMA a;`,
];

const ROWS_SQL = `SELECT c::text, cs::text, h::text, e::text, c OPERATOR(b.=) 'mixed'::b.citext AS case_insensitive FROM t`;
const ROWS = [{ c: 'MiXeD', cs: '{X,y}', h: '"k"=>"v"', e: 'A@B.C', case_insensitive: true }];

describe('ALTER EXTENSION .. SET SCHEMA converges (pg_dump oracle)', () => {
  const history = revisionsFromSql('moved', HISTORY);
  it('replays without diagnostics; the columns, arrays and domain name the type in its new schema', () => {
    const r = replay(history);
    expect(r.diagnostics).toEqual([]);
    expect(r.state.extensions.get('citext')?.schema).toBe('b');
    expect(r.state.extensions.get('hstore')?.schema).toBe('a');
    const t = r.state.tables.get('public.t')!;
    expect(t.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['id integer', 'c b.citext', 'cs b.citext[]', 'h a.hstore', 'e public.email']);
    expect(r.state.domains.get('public.email')?.baseType).toBe('b.citext');
  });
  historyConvergence(history, { from: [0, 1] });

  it('from the revision before the move: two moves (review, no table lock), no column retyped, rows kept, second plan empty', async () => {
    const target = replay(history).state;
    const reference = await db();
    await runMigrations(reference.db, history);
    const f = await db();
    await runMigrations(f.db, history.slice(0, 1));
    const applied = await apply(f.db, target);
    expect(applied.plan.changes.map((c) => `${c.kind} ${c.safety}`)).toEqual(['setExtensionSchema review', 'setExtensionSchema review']);
    expect(applied.plan.changes.flatMap((c) => c.hazards)).toEqual([]);
    expect(applied.plan.steps.map((s) => s.sql)).toEqual(['ALTER EXTENSION citext SET SCHEMA b', 'ALTER EXTENSION hstore SET SCHEMA a']);
    expect(dumpDifference(await pgDumpSchema(reference.url), await pgDumpSchema(f.url)) ?? 'same pg_dump').toBe('same pg_dump');
    expect(await f.db.query(ROWS_SQL)).toEqual(ROWS);
    expect(diff(target, await introspect(f.db)).changes).toEqual([]);
  });
});

describe('check sees an extension moved live', () => {
  it('citext moved to another schema (public): exit 2 naming the extension (and the columns printing its type); apply moves it back', async () => {
    const f = await db();
    const { dir, check } = await checkAfterDrift(f, HISTORY, `ALTER EXTENSION citext SET SCHEMA public;`);
    expect(check.stdout).toMatch(/different extension citext/);
    expect(check.stdout).toMatch(/schema/);
    expect(check.stdout).toMatch(/different column public\.t\.c\b/);
    const target = replay(revisionsFromSql('moved', HISTORY)).state;
    const d = diff(target, await introspect(f.db));
    expect(d.changes.map((c) => c.kind === 'setExtensionSchema' ? `${c.extension.name}: ${c.from} -> ${c.extension.schema}` : c.kind)).toEqual(['citext: public -> b']);
    await apply(f.db, target);
    expect((await runCli(['check', '-q', '-m', dir, '-d', f.url])).code).toBe(0);
    expect(await f.db.query(ROWS_SQL)).toEqual(ROWS);
  });
});

describe('an extension the history creates without SCHEMA is left where the database has it', () => {
  it('pgcrypto installed in a platform `extensions` schema beforehand: CREATE EXTENSION IF NOT EXISTS did nothing, so the plan moves nothing and check is in sync', async () => {
    const history = revisionsFromSql('platform', [`CREATE EXTENSION IF NOT EXISTS pgcrypto; CREATE TABLE k (id int PRIMARY KEY, salt text);`]);
    const f = await db();
    await f.db.exec(`CREATE SCHEMA extensions; CREATE EXTENSION pgcrypto SCHEMA extensions;`);
    await runMigrations(f.db, history);
    expect(await f.db.query(`SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pgcrypto'`)).toEqual([{ nspname: 'extensions' }]);
    const target = replay(history).state;
    expect(diff(target, await introspect(f.db)).changes).toEqual([]);
  });
});
