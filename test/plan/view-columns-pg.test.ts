import { afterEach, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { plan } from '../../src/plan/index.js';
import { replay } from '../../src/replay/index.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';
import { historyConvergence } from '../support/history-convergence.js';
import { pgDumpSchema } from '../support/pg-dump/pg-dump.js';
import { referenceDump } from '../support/pg-dump/reference-dump.js';
import { dumpDifference } from '../support/pg-dump/schema-oracle.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

/** What hangs on view `v`: its INSTEAD OF trigger, comments, a grant; views over it; a materialized view with an index. */
const DEPENDANTS = `
  CREATE VIEW w AS SELECT id, a FROM v;
  CREATE MATERIALIZED VIEW m AS SELECT id, a FROM v;
  CREATE UNIQUE INDEX m_id ON m (id);
  COMMENT ON INDEX m_id IS 'one row per id';
  COMMENT ON MATERIALIZED VIEW m IS 'snapshot of v';
  CREATE VIEW ww AS SELECT count(*) AS n FROM w;
  CREATE TRIGGER v_insert INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION v_insert();
  COMMENT ON TRIGGER v_insert ON v IS 'writes through';
  COMMENT ON VIEW v IS 'the view';
  GRANT SELECT ON v, w, m TO PUBLIC;`;

const DROP_ALL = `DROP VIEW ww; DROP VIEW w; DROP MATERIALIZED VIEW m; DROP VIEW v;`;

/**
 * A view whose output columns change the way CREATE OR REPLACE VIEW refuses (PostgreSQL: "cannot
 * change name of view column", "cannot drop columns from view"): r2 inserts a column in the
 * middle, r3 renames it with ALTER VIEW .. RENAME COLUMN (a rename the plan can run as such),
 * r4 drops a column. The migrations themselves must drop and recreate the dependants.
 */
const HISTORY = revisionsFromSql('view-columns', [
  `CREATE TABLE t (id int PRIMARY KEY, a text, b text);
   CREATE FUNCTION v_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO t VALUES (NEW.id, NEW.a, NEW.b); RETURN NEW; END $$;
   CREATE VIEW v AS SELECT id, a, b FROM t;${DEPENDANTS}`,
  `${DROP_ALL}
   CREATE VIEW v AS SELECT id, a, 'x'::text AS added, b FROM t;${DEPENDANTS}`,
  `ALTER VIEW v RENAME COLUMN added TO extra;`,
  `${DROP_ALL}
   CREATE VIEW v AS SELECT id, a, 'x'::text AS extra FROM t;${DEPENDANTS}`,
]);

const dump = (url: string): Promise<string> => pgDumpSchema(url, [], { privileges: true });

describe('views whose output columns change: drop and create with their dependants (judged by pg_dump)', () => {
  historyConvergence(HISTORY, { from: [0, 1, 2, 3], suffix: ', nothing left to plan' });

  let live: FreshDatabase | undefined;
  afterEach(async () => {
    await live?.drop();
    live = undefined;
  });

  /** A database at revision `n` with two rows in `t` (the materialized view refreshed over them). */
  async function liveAt(n: number): Promise<FreshDatabase> {
    live = await freshDatabase();
    await runMigrations(live.db, HISTORY.slice(0, n));
    await live.db.exec(`INSERT INTO t VALUES (1, 'a1', 'b1'), (2, 'a2', 'b2'); REFRESH MATERIALIZED VIEW m;`);
    return live;
  }

  it('a column inserted in the middle: v and everything on it dropped (dependants first) and created; grants, comments, trigger, index and rows come back', async () => {
    const f = await liveAt(1);
    const target = replay(HISTORY.slice(0, 2)).state;
    const liveState = await introspect(f.db);
    const p = plan(diff(target, liveState), liveState);
    const sql = p.steps.map((s) => s.sql);
    const at = (re: RegExp): number => sql.findIndex((s) => re.test(s));
    // Dependants go before what they use; creation in the other order.
    expect(at(/^DROP VIEW IF EXISTS public\.ww\b/)).toBeLessThan(at(/^DROP VIEW IF EXISTS public\.w\b/));
    expect(at(/^DROP VIEW IF EXISTS public\.w\b/)).toBeLessThan(at(/^DROP VIEW IF EXISTS public\.v\b/));
    expect(at(/^DROP MATERIALIZED VIEW IF EXISTS public\.m\b/)).toBeLessThan(at(/^DROP VIEW IF EXISTS public\.v\b/));
    expect(at(/CREATE OR REPLACE VIEW public\.v\b/)).toBeLessThan(at(/CREATE MATERIALIZED VIEW IF NOT EXISTS public\.m\b/));
    expect(at(/CREATE MATERIALIZED VIEW IF NOT EXISTS public\.m\b/)).toBeLessThan(at(/CREATE UNIQUE INDEX .*m_id/));
    const m = p.changes.find((c) => c.kind === 'createView' && c.view.name === 'm');
    expect(m && [m.safety, m.hazards]).toEqual(['review', ['full table scan']]);
    await apply(f.db, target);
    const expected = await dump((await referenceDb(HISTORY.slice(0, 2))).url);
    expect(dumpDifference(expected, await dump(f.url)) ?? 'same pg_dump').toBe('same pg_dump');
    // WITH DATA: the materialized view's rows are computed again; the INSTEAD OF trigger works.
    await f.db.exec(`INSERT INTO v (id, a, b) VALUES (3, 'a3', 'b3'); REFRESH MATERIALIZED VIEW m;`);
    expect(await f.db.query(`SELECT id, a FROM m ORDER BY id`)).toEqual([{ id: 1, a: 'a1' }, { id: 2, a: 'a2' }, { id: 3, a: 'a3' }]);
    expect(diff(target, await introspect(f.db)).changes).toEqual([]);
  });

  it('a rename the history made with ALTER VIEW .. RENAME COLUMN is planned as that rename, nothing dropped', async () => {
    const f = await liveAt(2);
    const target = replay(HISTORY.slice(0, 3)).state;
    const liveState = await introspect(f.db);
    const p = plan(diff(target, liveState), liveState);
    expect(p.changes.map((c) => c.kind)).toEqual(['rename']);
    expect(p.steps.map((s) => s.sql).join('\n')).toContain('ALTER VIEW public.v RENAME COLUMN added TO extra');
    await apply(f.db, target);
    expect(dumpDifference(await referenceDump(HISTORY.slice(0, 3)), await pgDumpSchema(f.url)) ?? 'same pg_dump').toBe('same pg_dump');
    expect(diff(target, await introspect(f.db)).changes).toEqual([]);
    expect(await f.db.query(`SELECT count(*)::int AS n FROM m`)).toEqual([{ n: 2 }]);
  });
});

let reference: FreshDatabase | undefined;
afterEach(async () => {
  await reference?.drop();
  reference = undefined;
});

/** A database the migrations built (for a pg_dump with privileges). */
async function referenceDb(revisions: typeof HISTORY): Promise<FreshDatabase> {
  reference = await freshDatabase();
  await runMigrations(reference.db, revisions);
  return reference;
}
