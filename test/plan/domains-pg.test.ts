import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { perTestResources } from '../support/cleanups.js';
import { convergesFromEachRevision, replayedClean } from '../support/converge-with-oracle.js';
import { runCli } from '../support/run-cli.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';
import { writeHistory } from '../support/temp-history.js';
import { checkAfterDrift } from '../support/drifted-check.js';

const { db } = perTestResources();

/** Domains created, altered in place, renamed, moved, dropped, and stacked on a domain and a function. */
const HISTORY = [
  `CREATE SCHEMA app;
   CREATE DOMAIN app.email AS text CHECK (VALUE ~ '@');
   CREATE DOMAIN qty AS integer DEFAULT 0 NOT NULL CONSTRAINT qty_nonneg CHECK (VALUE >= 0);
   CREATE DOMAIN old_code AS char(3);
   CREATE DOMAIN tmp AS text;
   CREATE TABLE orders (id int PRIMARY KEY, qty qty, contact app.email, code old_code);`,
  `ALTER DOMAIN qty SET DEFAULT 1;
   ALTER DOMAIN qty ADD CONSTRAINT qty_small CHECK (VALUE < 1000) NOT VALID;
   ALTER DOMAIN app.email DROP CONSTRAINT email_check;
   ALTER DOMAIN app.email ADD CONSTRAINT email_has_at CHECK (position('@' in VALUE) > 1);
   ALTER DOMAIN old_code RENAME TO code3;
   DROP DOMAIN tmp;
   COMMENT ON DOMAIN qty IS 'how many';
   CREATE FUNCTION is_upper(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT t = upper(t)';
   CREATE DOMAIN upper_code AS code3 CHECK (is_upper(VALUE));
   ALTER TABLE orders ADD COLUMN tag upper_code;`,
  `ALTER DOMAIN qty VALIDATE CONSTRAINT qty_small;
   ALTER DOMAIN qty DROP NOT NULL;
   ALTER DOMAIN app.email SET NOT NULL;
   ALTER DOMAIN qty RENAME CONSTRAINT qty_small TO qty_below_1000;
   COMMENT ON CONSTRAINT qty_nonneg ON DOMAIN qty IS 'no negatives';
   ALTER DOMAIN code3 SET SCHEMA app;
   CREATE TABLE lines (id int PRIMARY KEY, n qty[], code app.code3);`,
];



describe('domains converge (pg_dump oracle)', () => {
  convergesFromEachRevision(revisionsFromSql('domains', HISTORY), db);

  it('a base type change rebuilds a domain nothing uses, and is drift for one a column uses', async () => {
    const revisions = revisionsFromSql('retype', [
      `CREATE DOMAIN free_d AS integer CHECK (VALUE > 0); CREATE DOMAIN used_d AS integer; CREATE TABLE t (x used_d);`,
    ]);
    const f = await db();
    await f.db.exec(`CREATE DOMAIN free_d AS bigint CHECK (VALUE > 0); CREATE DOMAIN used_d AS bigint; CREATE TABLE t (x used_d);
      INSERT INTO t VALUES (5000000000);`);
    const d = diff(replayedClean(revisions), await introspect(f.db));
    expect(d.drift.map((x) => x.message)).toEqual([expect.stringMatching(/^base type is bigint live but integer in the migrations/)]);
    expect(d.changes.map((c) => (c.kind === 'domain' ? `${c.kind} ${c.op.op}` : `${c.kind} ${c.kind === 'drop' ? c.reason : ''}`))).toEqual([
      'drop replace', 'domain create',
    ]);
    await apply(f.db, replayedClean(revisions), { allowDestructive: true });
    const live = await introspect(f.db);
    expect(live.domains.get('public.free_d')?.baseType).toBe('integer');
    expect(live.domains.get('public.used_d')?.baseType).toBe('bigint');
    expect(await f.db.query('SELECT x::text FROM t')).toEqual([{ x: '5000000000' }]);
  });
});

describe('check sees domain drift', () => {
  it('a domain constraint dropped live and a default changed: exit 2 naming both; apply puts them back', async () => {
    const f = await db();
    const { dir, check } = await checkAfterDrift(f, HISTORY, `ALTER DOMAIN app.email DROP CONSTRAINT email_has_at; ALTER DOMAIN qty SET DEFAULT 7`);
    expect(check.stdout).toContain('missing   constraint app.email.email_has_at');
    expect(check.stdout).toMatch(/different domain public\.qty[^\n]*\n\s*default: target 1, live 7/);
    const fix = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(fix.stderr).not.toMatch(/error/i);
    expect(fix.code).toBe(0);
    expect((await runCli(['check', '-q', '-m', dir, '-d', f.url])).code).toBe(0);
    await expect(f.db.exec(`INSERT INTO orders (id, contact) VALUES (1, '@ab')`)).rejects.toThrow(/email_has_at/);
    expect(await f.db.query(`INSERT INTO orders (id, contact) VALUES (2, 'a@b') RETURNING qty`)).toEqual([{ qty: 1 }]);
  });

  it('a check on a domain an array column uses comes back NOT VALID, with drift saying why (PostgreSQL cannot check it)', async () => {
    const dir = await writeHistory(HISTORY);
    const f = await db();
    await runMigrations(f.db, revisionsFromSql('psql', HISTORY));
    await f.db.exec(`ALTER DOMAIN qty DROP CONSTRAINT qty_nonneg`);
    // What PostgreSQL says to adding it back validated:
    await f.db.exec(`BEGIN`);
    await expect(f.db.exec(`ALTER DOMAIN qty ADD CONSTRAINT qty_nonneg CHECK (VALUE >= 0)`)).rejects.toThrow(/column "lines.n" uses it/);
    await f.db.exec(`ROLLBACK`);
    const fix = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(fix.code).toBe(0);
    expect(fix.stdout).toContain('constraint qty_nonneg cannot be validated');
    const live = await introspect(f.db);
    expect(live.domains.get('public.qty')?.checks.find((c) => c.name === 'qty_nonneg')).toMatchObject({ validated: false });
    await expect(f.db.exec(`INSERT INTO orders (id, qty, contact) VALUES (1, -1, 'a@b')`)).rejects.toThrow(/qty_nonneg/);
  });
});
