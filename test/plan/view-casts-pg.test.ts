import { describe, expect, it } from 'vitest';
import { perTestResources } from '../support/cleanups.js';
import { convergesFromEachRevision, replayedClean } from '../support/converge-with-oracle.js';
import { checkAfterDrift } from '../support/drifted-check.js';
import { runCli } from '../support/run-cli.js';
import { revisionsFromSql } from '../support/run-migrations.js';

const { db } = perTestResources();

/**
 * A view whose output column changes only by a cast of a column (`b` to `b::text`): the column's
 * type changes, the canonical query must too. r2 casts (a view depending on it goes and comes
 * back, as PostgreSQL refuses OR REPLACE to retype); r3 adds casts PostgreSQL drops (to the
 * column's own type, through a view too), which must not read as a change.
 */
const HISTORY = [
  `CREATE TABLE t (id int PRIMARY KEY, b int, n numeric(10,2));
   CREATE VIEW v AS SELECT id, b FROM t;
   CREATE VIEW w AS SELECT b FROM v;`,
  `DROP VIEW w; DROP VIEW v;
   CREATE VIEW v AS SELECT id, b::text FROM t;
   CREATE VIEW w AS SELECT b FROM v;`,
  `CREATE OR REPLACE VIEW v AS SELECT id::integer, b::text, n::numeric(10,2) FROM t;
   CREATE OR REPLACE VIEW w AS SELECT b::text FROM v;`,
];

describe('a view retyped by a cast converges (pg_dump oracle)', () => {
  convergesFromEachRevision(revisionsFromSql('view-casts', HISTORY), db);

  it('the cast is in the canonical query; casts PostgreSQL drops are not', () => {
    const views = replayedClean(revisionsFromSql('view-casts', HISTORY)).views;
    expect(views.get('public.v')?.query).toBe('SELECT id, b::text, n FROM t');
    expect(views.get('public.w')?.query).toBe('SELECT b FROM v');
  });
});

describe('check sees a view retyped by a cast', () => {
  it('the cast removed live: exit 2 naming the view; apply puts it back with its dependant', async () => {
    const f = await db();
    const { dir, check } = await checkAfterDrift(f, HISTORY, `DROP VIEW w; DROP VIEW v; CREATE VIEW v AS SELECT id, b, n FROM t; CREATE VIEW w AS SELECT b FROM v;`);
    expect(check.stdout).toMatch(/different view public\.v[^\n]*\n\s*query:/);
    const fix = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(fix.stderr).not.toMatch(/error/i);
    expect(fix.code).toBe(0);
    expect((await runCli(['check', '-q', '-m', dir, '-d', f.url])).code).toBe(0);
    expect(await f.db.query(`SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = 'w'::regclass AND attname = 'b'`)).toEqual([{ type: 'text' }]);
  });
});
