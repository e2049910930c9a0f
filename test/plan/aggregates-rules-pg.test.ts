import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { perTestResources } from '../support/cleanups.js';
import { convergeWithOracle, convergesFromEachRevision, replayedClean } from '../support/converge-with-oracle.js';
import { referenceDump } from '../support/pg-dump/reference-dump.js';
import { runCli } from '../support/run-cli.js';
import { revisionsFromSql } from '../support/run-migrations.js';
import { checkAfterDrift } from '../support/drifted-check.js';

const { db } = perTestResources();

/**
 * Aggregates, rules and procedures created, replaced, renamed, moved and dropped; a view calls an
 * aggregate, rules write to a table in another schema and follow renames of both tables.
 */
const HISTORY = [
  `CREATE SCHEMA app;
   CREATE FUNCTION app.add2(int, int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1 + $2';
   CREATE AGGREGATE total(int) (SFUNC = app.add2, STYPE = int, INITCOND = 0);
   CREATE AGGREGATE tally(*) (SFUNC = int8inc, STYPE = int8, INITCOND = '0');
   CREATE AGGREGATE pick(float8 ORDER BY anyelement) (SFUNC = ordered_set_transition, STYPE = internal,
     FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA);
   CREATE AGGREGATE top(int) (SFUNC = int4larger, STYPE = int, SORTOP = >);
   CREATE AGGREGATE gone(int) (SFUNC = int4pl, STYPE = int);
   CREATE TABLE items (id int PRIMARY KEY, name text, price numeric(10, 2));
   CREATE TABLE app.item_log (id int, name text, at timestamptz DEFAULT now());
   CREATE RULE log_insert AS ON INSERT TO items WHERE NEW.price > 0 DO ALSO INSERT INTO app.item_log VALUES (NEW.id, NEW.name);
   CREATE RULE no_delete AS ON DELETE TO items DO INSTEAD NOTHING;
   CREATE RULE on_update AS ON UPDATE TO items DO ALSO (UPDATE app.item_log SET name = NEW.name WHERE id = OLD.id; NOTIFY items_changed);
   CREATE VIEW item_totals AS SELECT total(id) AS t, tally(*) AS n FROM items;
   CREATE PROCEDURE reset_log() LANGUAGE sql AS 'SELECT 1';
   CREATE PROCEDURE old_proc(n int) LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '%', n; END $$;`,
  `ALTER AGGREGATE top(int) RENAME TO top_value;
   ALTER AGGREGATE tally(*) SET SCHEMA app;
   CREATE OR REPLACE AGGREGATE total(int) (SFUNC = app.add2, STYPE = int, INITCOND = 10, PARALLEL = SAFE);
   DROP AGGREGATE gone(int);
   COMMENT ON AGGREGATE pick(float8 ORDER BY anyelement) IS 'percentile';
   ALTER FUNCTION app.add2(int, int) RENAME TO plus;
   ALTER RULE no_delete ON items RENAME TO keep_rows;
   COMMENT ON RULE keep_rows ON items IS 'rows stay';
   CREATE OR REPLACE RULE log_insert AS ON INSERT TO items DO ALSO INSERT INTO app.item_log (id) VALUES (NEW.id);
   DROP RULE on_update ON items;
   ALTER TABLE items RENAME TO products;
   ALTER TABLE app.item_log RENAME TO product_log;
   ALTER PROCEDURE reset_log() RENAME TO clear_log;
   COMMENT ON PROCEDURE clear_log() IS 'empties the log';
   CREATE OR REPLACE PROCEDURE old_proc(n int) LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'n=%', n; END $$;
   ALTER PROCEDURE clear_log() SET SCHEMA app;`,
  `DROP PROCEDURE old_proc(int);
   CREATE RULE product_log_ro AS ON UPDATE TO app.product_log DO INSTEAD NOTHING;
   DROP FUNCTION app.plus(int, int) CASCADE;
   CREATE FUNCTION app.plus(int, int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1 + $2 + 1';
   CREATE AGGREGATE total(int) (SFUNC = app.plus, STYPE = int);`,
];



describe('aggregates, rules and procedures converge (pg_dump oracle)', () => {
  convergesFromEachRevision(revisionsFromSql('agg', HISTORY), db);

  it('an aggregate whose kind or arguments changed is dropped and created; other changes replace it in place', async () => {
    const f = await db();
    await f.db.exec(`CREATE AGGREGATE a1(int) (SFUNC = int4pl, STYPE = int, INITCOND = '5');
      CREATE AGGREGATE a2(x int) (SFUNC = int4pl, STYPE = int)`);
    const revisions = revisionsFromSql('a', [`CREATE AGGREGATE a1(int) (SFUNC = int4pl, STYPE = int, INITCOND = '6'); CREATE AGGREGATE a2(y int) (SFUNC = int4pl, STYPE = int)`]);
    const target = replayedClean(revisions);
    const d = diff(target, await introspect(f.db));
    expect(d.changes.map((c) => (c.kind === 'createAggregate' ? `${c.aggregate.name} ${c.replace ? 'replace' : 'create'}` : `${c.kind} ${c.kind === 'drop' ? c.reason : ''}`))).toEqual([
      'a1 replace', 'drop replace', 'a2 create',
    ]);
    await convergeWithOracle(f, target, await referenceDump(revisions), 'replaced');
  });
});

describe('check sees aggregate and rule drift', () => {
  it('an aggregate changed live and a rule dropped live: exit 2 naming both; apply puts them back', async () => {
    const f = await db();
    const { dir, check } = await checkAfterDrift(f, HISTORY, `CREATE OR REPLACE AGGREGATE app.tally(*) (SFUNC = int8inc, STYPE = int8, INITCOND = '1');
      DROP RULE keep_rows ON products`);
    expect(check.stdout).toMatch(/different aggregate app\.tally[^\n]*\n\s*initcond: target 0, live 1/);
    expect(check.stdout).toContain('missing   rule public.products.keep_rows');
    const fix = await runCli(['apply', '--allow-destructive', '-m', dir, '-d', f.url]);
    expect(fix.stderr).not.toMatch(/error/i);
    expect(fix.code).toBe(0);
    expect((await runCli(['check', '-q', '-m', dir, '-d', f.url])).code).toBe(0);
    // INITCOND 0 again (the drifted 1 would count 2 for the one row).
    expect(await f.db.query(`SELECT app.tally(*) AS n`)).toEqual([{ n: '1' }]);
    await f.db.exec(`INSERT INTO products VALUES (1, 'a', 2)`);
    await f.db.exec(`DELETE FROM products`);
    expect(await f.db.query(`SELECT count(*)::int AS n FROM products`)).toEqual([{ n: 1 }]);
  });
});
