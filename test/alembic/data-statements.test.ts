import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/index.js';
import { loadMigrations } from '../../src/load/index.js';
import { perTestResources } from '../support/cleanups.js';
import { runCli } from '../support/run-cli.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';
import { writeHistory } from '../support/temp-history.js';
import { listed, planWithHistory, scanDataLines } from './history-data.js';

const { db, defer } = perTestResources();
const EXAMPLE = 'alembic-versions';
const HEAD = '0c8e5b7a1d36';

/** Rows an app would have by then, where later revisions backfill or reference them. */
async function addRows(d: Database, revision: number): Promise<void> {
  if (revision < 1) return;
  await d.exec(`INSERT INTO organisations (name, slug, plan) VALUES ('Acme', 'acme', 'free'), ('Big', 'big', 'pro');
    INSERT INTO users (email, full_name) VALUES ('ada@example.com', 'Ada'), ('grace@example.com', 'Grace');
    INSERT INTO memberships (org_id, user_id) SELECT o.id, u.id FROM organisations o, users u`);
}

/** The example history run on PostgreSQL up to its revision n (1-based), alembic_version naming it, with rows. */
async function exampleAt(n: number): Promise<{ url: string; db: Database; pendingRevisions: string[] }> {
  const f = await db();
  const all = (await loadMigrations(EXAMPLE)).revisions;
  const done = all.slice(0, n);
  await runMigrations(f.db, done.slice(0, 1));
  await addRows(f.db, n);
  await runMigrations(f.db, done.slice(1));
  if (n > 0) {
    // One row per head of what ran, as Alembic keeps it (both branch heads between 0009/0010 and the merge).
    const heads = done.filter((r) => !done.some((o) => o.parents.includes(r.id))).map((r) => `('${r.id}')`);
    await f.db.exec(`CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
      INSERT INTO alembic_version VALUES ${heads.join(', ')}`);
  }
  return { ...f, pendingRevisions: all.slice(n).map((r) => r.id) };
}

describe('data statements: a database at each revision of the example history', () => {
  it('every data statement of a pending revision is listed with its file:line (or seeded), at every revision', async () => {
    const all = (await loadMigrations(EXAMPLE)).revisions;
    // Skip the merge ordering question: the example's order is the topological order loadMigrations gives.
    for (let n = 1; n < all.length; n++) {
      const f = await exampleAt(n);
      const p = await planWithHistory(f.db, EXAMPLE);
      const expected = await scanDataLines(all.slice(n));
      const got = listed(p);
      expect({ n, listed: [...got.notRun, ...got.seeded].filter((x) => expected.includes(x)).sort() }).toEqual({ n, listed: [...expected].sort() });
      expect(p.alembic?.pending).toEqual(f.pendingRevisions);
      // Nothing of an already-run revision is listed: it had its effect on this database.
      expect(p.data!.notRun.filter((x) => x.pending !== true)).toEqual([]);
    }
  }, 600_000);

  it('at revision 11: the backfill UPDATE is listed between the column rename and SET NOT NULL, and --strict counts it', async () => {
    const f = await exampleAt(11);
    const r = await runCli(['plan', '-d', f.url]);
    expect(r.stdout).toContain('database at revision 2e7d94b0c6a8 per alembic_version; 3 revisions pending');
    expect(r.stdout).toMatch(/⚠ Data statements not run by schema-sync: 1 \(1 may change rows/);
    expect(r.stdout).toContain('⚠ UPDATE public.users  alembic-versions/0012_94a6c2f1e5b3_user_display_name_and_roles.sql:8 (revision 94a6c2f1e5b3, pending)');
    expect(r.stdout).toMatch(/in the history: after rename column public\.users\.display_name[^\n]*; before set not null on column public\.users\.display_name/);
    const json = JSON.parse((await runCli(['plan', '-d', f.url, '-f', 'json'])).stdout);
    expect(json.data.notRun).toHaveLength(1);
    expect(json.data.notRun[0]).toMatchObject({ file: `${EXAMPLE}/0012_94a6c2f1e5b3_user_display_name_and_roles.sql`, line: 8, verb: 'UPDATE', pending: true, effect: 'rows' });
    expect(json.data.heading).toBe('Data statements not run by schema-sync');
    const strict = await runCli(['apply', '-d', f.url, '--strict']);
    expect(strict.stdout).toContain('1 data statement of the history not run (listed in the plan)');
    expect(strict.code).toBe(3);
    expect((await f.db.query('SELECT version_num FROM alembic_version'))).toEqual([{ version_num: HEAD }]);
  });

  it('at revision 7 with organisations on plans free and pro: plans is created and seeded before the foreign key to it is validated', async () => {
    const f = await exampleAt(7);
    const p = await planWithHistory(f.db, EXAMPLE);
    expect(listed(p).seeded.map((x) => x.split(':')[1])).toEqual(['17', '19', '21', '23']);
    expect(listed(p).notRun).toEqual([`${EXAMPLE}/0008_b6e8f1d2a054_plans_table_and_seed.sql:25`, `${EXAMPLE}/0012_94a6c2f1e5b3_user_display_name_and_roles.sql:8`]);
    const r = await runCli(['apply', '-d', f.url]);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    expect(await f.db.query('SELECT tier::text AS tier FROM plans ORDER BY plans.tier')).toEqual([{ tier: 'free' }, { tier: 'pro' }, { tier: 'team' }, { tier: 'enterprise' }]);
    expect(await f.db.query(`SELECT convalidated FROM pg_constraint WHERE conname = 'fk_organisations_plan'`)).toEqual([{ convalidated: true }]);
  });
});

describe('seed rows: npm start on an empty PGlite database', () => {
  it('`apply --database pglite:<dir>` of alembic-versions/ (what npm start runs) leaves the plans rows; an organisation on plan free can be inserted', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'schema-sync-start-'));
    const r = await runCli(['apply', '--database', `pglite:${dir}`]);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ℹ seed rows: 4 INSERTs of the history run right after the table public\.plans is created/);
    // Each seeded INSERT is named with its file:line, like the statements not run.
    for (const line of [17, 19, 21, 23]) expect(r.stdout).toContain(`· INSERT public.plans  alembic-versions/0008_b6e8f1d2a054_plans_table_and_seed.sql:${line} (revision b6e8f1d2a054)`);
    const d = await openDatabase(`pglite:${dir}`);
    defer(() => d.close());
    expect(await d.query(`SELECT tier::text, name, monthly_price::text AS price FROM plans ORDER BY plans.tier`)).toEqual([
      { tier: 'free', name: 'Free', price: '0.00' }, { tier: 'pro', name: 'Pro', price: '29.00' },
      { tier: 'team', name: 'Team', price: '99.00' }, { tier: 'enterprise', name: 'Enterprise', price: '499.00' },
    ]);
    expect(await d.query(`INSERT INTO organisations (name, slug, plan) VALUES ('Acme', 'acme', 'free') RETURNING plan::text`)).toEqual([{ plan: 'free' }]);
    expect(await d.query('SELECT version_num FROM alembic_version')).toEqual([{ version_num: HEAD }]);
  }, 180_000);
});

describe('seed rows: only INSERTs whose inputs are all in place', () => {
  it('seeds in history order across tables, leaves out what it cannot check, and --no-seed turns it off', async () => {
    const f = await db();
    await f.db.exec(`CREATE TABLE countries (code text PRIMARY KEY); INSERT INTO countries VALUES ('fr')`);
    const dir = await writeHistory([
      `CREATE TABLE countries (code text PRIMARY KEY);
       CREATE TABLE currencies (code text PRIMARY KEY, name text NOT NULL);
       INSERT INTO currencies (code, name) VALUES ('EUR', 'Euro'), ('USD', 'Dollar');
       CREATE TABLE prices (id serial PRIMARY KEY, currency text NOT NULL REFERENCES currencies (code), amount numeric NOT NULL);
       INSERT INTO prices (currency, amount) VALUES ('EUR', 9.5);
       INSERT INTO prices (currency, amount) VALUES ('GBP', 1);
       CREATE TABLE offices (country text REFERENCES countries (code), city text);
       INSERT INTO offices VALUES ('fr', 'Paris');
       CREATE TABLE tags (name text PRIMARY KEY);
       INSERT INTO tags (name) SELECT code FROM countries;
       INSERT INTO tags (name) VALUES ('old');`,
      `ALTER TABLE tags ADD COLUMN weight int;
       UPDATE tags SET weight = 1;
       ALTER TABLE tags ALTER COLUMN weight SET NOT NULL;`,
    ]);
    const p = await planWithHistory(f.db, dir);
    const where = (line: number): string => `${dir}/0001_r1.sql:${line}`;
    expect(listed(p).seeded).toEqual([where(6), where(8)]);
    const reasons = Object.fromEntries(p.data!.notRun.map((n) => [n.statement.origin.line, n.notSeeded ?? n.effect]));
    expect(reasons[9]).toMatch(/row it references in public\.currencies \(code = GBP\) is not inserted before it/);
    expect(reasons[11]).toMatch(/references rows of public\.countries, which this plan does not create/);
    expect(reasons[13]).toMatch(/not a plain INSERT \.\. VALUES/);
    expect(reasons[14]).toMatch(/column weight is NOT NULL without a default/);
    const r = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(r.code).toBe(0);
    expect(await f.db.query('SELECT currency, amount::text FROM prices')).toEqual([{ currency: 'EUR', amount: '9.5' }]);
    expect(await f.db.query('SELECT count(*)::int AS n FROM currencies')).toEqual([{ n: 2 }]);
    expect(await f.db.query('SELECT count(*)::int AS n FROM tags')).toEqual([{ n: 0 }]);

    const off = await db();
    const noSeed = await runCli(['plan', '-m', dir, '-d', off.url, '--no-seed']);
    expect(noSeed.stdout).not.toContain('seed rows');
    expect(noSeed.stdout).toContain('not run as a seed row: seeding is off (--no-seed)');
  });
});

describe('seed rows: a domain that checks new rows later', () => {
  it('an INSERT a later domain CHECK refuses (added NOT VALID, so PostgreSQL keeps the row) is not seeded; one after it is; apply succeeds', async () => {
    const history = [
      `CREATE DOMAIN posint AS int;
       CREATE TABLE t (x posint, y int);
       INSERT INTO t VALUES (-1, 1);
       ALTER DOMAIN posint ADD CONSTRAINT posint_check CHECK (VALUE > 0) NOT VALID;
       CREATE TABLE u (x posint[]);
       INSERT INTO u VALUES (ARRAY[5]);`,
    ];
    const built = await db();
    await runMigrations(built.db, revisionsFromSql('psql', history));
    expect(await built.db.query('SELECT x FROM t')).toEqual([{ x: -1 }]);
    const f = await db();
    const dir = await writeHistory(history);
    const p = await planWithHistory(f.db, dir);
    expect(listed(p).seeded).toEqual([`${dir}/0001_r1.sql:9`]);
    expect(p.data!.notRun.map((n) => [n.statement.origin.line, n.notSeeded])).toEqual([
      [6, 'domain public.posint changes its NOT NULL or CHECKs later in the history, so PostgreSQL may refuse the row'],
    ]);
    const r = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    expect(await f.db.query('SELECT (SELECT count(*)::int FROM t) AS t, (SELECT count(*)::int FROM u) AS u')).toEqual([{ t: 0, u: 1 }]);
  });
});

describe('data statements: a data move before a drop (the shape of ckan revision 106)', () => {
  it('lists the UPDATE as pending, before the drop, in the data section and under the drop itself', async () => {
    const dir = await writeHistory([
      `CREATE TABLE package (id text PRIMARY KEY);
       CREATE TABLE package_extra (package_id text REFERENCES package (id), key text, value text);`,
      `ALTER TABLE package ADD COLUMN extras jsonb;
       update package set extras = (select json_object(array_agg(package_extra.key), array_agg(package_extra.value))
         from package_extra where package.id = package_extra.package_id);
       DROP TABLE package_extra;`,
    ]);
    const f = await db();
    expect((await runCli(['apply', '-m', dir, '-d', f.url, '--to', 'r1'])).code).toBe(0);
    await f.db.exec(`INSERT INTO package VALUES ('p1'); INSERT INTO package_extra VALUES ('p1', 'k', 'v')`);
    for (const destructive of [[], ['--allow-destructive']]) {
      const r = await runCli(['plan', '-m', dir, '-d', f.url, ...destructive]);
      expect(r.stdout).toContain('database at revision r1 per alembic_version; 1 revision pending');
      expect(r.stdout).toContain(`⚠ UPDATE public.package (reads public.package_extra)  ${dir}/0002_r2.sql:5 (revision r2, pending)`);
      expect(r.stdout).toContain(`in the history: after add column public.package.extras; before drop table public.package_extra${destructive.length ? '' : ' (skipped)'}`);
      expect(r.stdout).toMatch(/drop table public\.package_extra \[destructive: data loss\][^\n]*\n\s+↳ the history runs UPDATE public\.package \(reads public\.package_extra\) \([^)]*0002_r2\.sql:5\) before this/);
      // In the text, the statement comes before the drop it precedes.
      expect(r.stdout.indexOf('⚠ UPDATE public.package')).toBeLessThan(r.stdout.lastIndexOf('drop table public.package_extra'));
      // The pull-request report lists it too, pending, before the drop, with file:line.
      const md = await runCli(['plan', '-m', dir, '-d', f.url, '--format', 'markdown', ...destructive]);
      expect(md.stdout).toContain('### ⚠️ Data statements not run by schema-sync: 1');
      expect(md.stdout).toMatch(/- ⚠️ UPDATE public\.package \(reads public\.package_extra\) — `[^`]*0002_r2\.sql:5` \(revision `r2`, pending\): `update package set extras = [^`]*` — after add column public\.package\.extras; before drop table public\.package_extra/);
    }
  });

  it('a pending revision with only a data statement: the plan has no schema change, and still lists it in text and Markdown', async () => {
    const dir = await writeHistory(['CREATE TABLE t (id int PRIMARY KEY, a int);', 'UPDATE t SET a = id * 2;']);
    const f = await db();
    expect((await runCli(['apply', '-m', dir, '-d', f.url, '--to', 'r1'])).code).toBe(0);
    await f.db.exec('INSERT INTO t (id) VALUES (1)');
    const text = await runCli(['plan', '-m', dir, '-d', f.url]);
    expect(text.stdout).toContain(`⚠ UPDATE public.t  ${dir}/0002_r2.sql:4 (revision r2, pending)`);
    const md = await runCli(['plan', '-m', dir, '-d', f.url, '--format', 'markdown']);
    expect(md.stdout).toContain('✅ Nothing to do: no schema changes');
    expect(md.stdout).toMatch(/### ⚠️ Data statements not run by schema-sync: 1\n\n1 may change rows[^\n]*\n\n- ⚠️ UPDATE public\.t — `[^`]*0002_r2\.sql:4` \(revision `r2`, pending\): `UPDATE t SET a = id \* 2;?`/);
  });
});
