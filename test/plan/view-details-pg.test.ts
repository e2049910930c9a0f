import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { perTestResources } from '../support/cleanups.js';
import { convergeWithOracle, convergesFromEachRevision, replayedClean } from '../support/converge-with-oracle.js';
import { refusedLikePostgres, type RefusedCase } from '../support/refused-like-postgres.js';
import { runCli } from '../support/run-cli.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';
import { checkAfterDrift } from '../support/drifted-check.js';

const { db } = perTestResources();

/**
 * Defaults and comments on views' output columns: set by ALTER VIEW and ALTER TABLE, on a view
 * made with `*`, on a materialized view (comments only); kept by CREATE OR REPLACE VIEW, a
 * column rename, SET SCHEMA and RENAME TO, changed and removed (r2); a view dropped and created with other columns, whose
 * plan rebuilds it and must set them again (r3).
 */
const HISTORY = [
  `CREATE TABLE t (id int PRIMARY KEY, a text, b int);
   CREATE VIEW v AS SELECT id, a, b FROM t;
   ALTER VIEW v ALTER COLUMN a SET DEFAULT 'none';
   ALTER TABLE v ALTER COLUMN b SET DEFAULT 0;
   COMMENT ON COLUMN v.id IS 'the key';
   CREATE MATERIALIZED VIEW m AS SELECT id, a FROM t;
   COMMENT ON COLUMN m.a IS 'snapshot of a';
   CREATE VIEW s AS SELECT * FROM t;
   COMMENT ON COLUMN s.b IS 'from a star';
   ALTER VIEW s ALTER COLUMN b SET DEFAULT 1 + 1;`,
  `CREATE OR REPLACE VIEW v AS SELECT id, a, b, b * 2 AS b2 FROM t;
   ALTER VIEW v RENAME COLUMN a TO label;
   ALTER VIEW v ALTER COLUMN b DROP DEFAULT;
   ALTER VIEW v ALTER COLUMN b2 SET DEFAULT 7;
   COMMENT ON COLUMN v.id IS NULL;
   COMMENT ON COLUMN v.label IS 'renamed';
   ALTER VIEW v SET (security_barrier = true), ALTER COLUMN b SET DEFAULT 3;
   COMMENT ON COLUMN m.a IS 'still a';
   CREATE SCHEMA app;
   ALTER VIEW s SET SCHEMA app;
   ALTER VIEW app.s RENAME TO s2;`,
  `DROP VIEW v;
   CREATE VIEW v AS SELECT id, 'x'::text AS added, a AS label, b FROM t;
   ALTER VIEW v ALTER COLUMN label SET DEFAULT 'y';
   COMMENT ON COLUMN v.added IS 'new';`,
];

describe('view column defaults and comments converge (pg_dump oracle)', () => {
  convergesFromEachRevision(revisionsFromSql('view-details', HISTORY), db);

  it('replay keeps them through OR REPLACE and a rename, and drops them with the view', () => {
    const views = replayedClean(revisionsFromSql('view-details', HISTORY.slice(0, 2))).views;
    expect(views.get('public.v')?.columnDetails).toEqual([
      { name: 'b', default: '3', defaultSql: '3' },
      { name: 'b2', default: '7', defaultSql: '7' },
      { name: 'label', default: "'none'", defaultSql: "'none'", comment: 'renamed' },
    ]);
    expect(views.get('public.m')?.columnDetails).toEqual([{ name: 'a', comment: 'still a' }]);
    expect(views.get('app.s2')?.columnDetails).toEqual([{ name: 'b', default: '1 + 1', defaultSql: '1 + 1', comment: 'from a star' }]);
    const after = replayedClean(revisionsFromSql('view-details', HISTORY)).views.get('public.v');
    expect(after?.columnDetails).toEqual([
      { name: 'added', comment: 'new' },
      { name: 'label', default: "'y'", defaultSql: "'y'" },
    ]);
  });

  it('a view rebuilt for its columns gets its defaults and comments again, after its creation', async () => {
    const f = await db();
    const revisions = revisionsFromSql('view-details', HISTORY);
    await runMigrations(f.db, revisions.slice(0, 2));
    const d = diff(replayedClean(revisions), await introspect(f.db));
    const summary = d.changes.flatMap((c) =>
      c.kind === 'setViewColumnDefault' ? [`default ${c.column} ${c.to ?? 'none'}`] : c.kind === 'setComment' && c.object === 'column' ? [`comment ${c.ref.name} ${c.comment}`] : [],
    );
    expect(summary).toEqual(["default label 'y'", 'comment added new']);
  });
});

const VIEWS = `CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t; CREATE MATERIALIZED VIEW m AS SELECT a FROM t;`;

/** What PostgreSQL refuses on views' columns: replay must report an error for each, as the server does. */
const REFUSED: readonly RefusedCase[] = [
  { name: 'a default on a column the view does not have', sql: `${VIEWS} ALTER VIEW v ALTER COLUMN x SET DEFAULT 1;`, message: /column "x" of relation "v" does not exist/ },
  { name: 'a comment on a column the view does not have', sql: `${VIEWS} COMMENT ON COLUMN v.x IS 'c';`, message: /column "x" of relation "v" does not exist/ },
  { name: 'a default on a materialized view', sql: `${VIEWS} ALTER TABLE m ALTER COLUMN a SET DEFAULT 1;`, message: /ALTER action ALTER COLUMN \.\.\. SET DEFAULT cannot be performed on relation "m"/ },
  { name: 'ALTER VIEW of a materialized view', sql: `${VIEWS} ALTER VIEW m ALTER COLUMN a SET DEFAULT 1;`, message: /"m" is not a view/ },
  { name: 'ALTER VIEW of a table', sql: `${VIEWS} ALTER VIEW t ALTER COLUMN a SET DEFAULT 1;`, message: /"t" is not a view/ },
  { name: 'a table-only form on a view', sql: `${VIEWS} ALTER VIEW v ALTER COLUMN a SET NOT NULL;`, message: /ALTER action .* cannot be performed on relation "v"/ },
];

describe('replay refuses what PostgreSQL refuses on view columns', () => {
  refusedLikePostgres(REFUSED);
});

describe('check sees view column drift', () => {
  it('a default and a comment changed live: exit 2 naming the view; apply puts them back', async () => {
    const f = await db();
    const { dir, check } = await checkAfterDrift(f, HISTORY, `ALTER VIEW v ALTER COLUMN label DROP DEFAULT; COMMENT ON COLUMN m.a IS 'changed'`);
    expect(check.stdout).toMatch(/different view public\.v[^\n]*\n\s*columnDetails:/);
    expect(check.stdout).toMatch(/different materialized view public\.m[^\n]*\n\s*columnDetails:/);
    const fix = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(fix.stderr).not.toMatch(/error/i);
    expect(fix.code).toBe(0);
    expect((await runCli(['check', '-q', '-m', dir, '-d', f.url])).code).toBe(0);
    await f.db.exec(`INSERT INTO t (id) VALUES (1)`);
    await f.db.exec(`INSERT INTO v (id) VALUES (2)`);
    expect(await f.db.query(`SELECT id, a FROM t ORDER BY id`)).toEqual([{ id: 1, a: null }, { id: 2, a: 'y' }]);
  });
});
