import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { plan } from '../../src/plan/index.js';
import { renderPlanSql } from '../../src/report/plan-sql.js';
import { perTestResources } from '../support/cleanups.js';
import { convergeWithOracle, replayedClean } from '../support/converge-with-oracle.js';
import { pgDumpSchema } from '../support/pg-dump/pg-dump.js';
import { referenceDump } from '../support/pg-dump/reference-dump.js';
import { dumpDifference } from '../support/pg-dump/schema-oracle.js';
import { revisionsFromSql } from '../support/run-migrations.js';

const { db } = perTestResources();

/**
 * Two LANGUAGE sql functions calling each other: PostgreSQL accepts the history because it set
 * check_function_bodies off (as pg_dump's output does), but whichever function a plan creates first
 * names one that is not there yet, so apply failed at its first step unless it sets the parameter off too.
 */
const MUTUAL = revisionsFromSql('mutual', [
  `SET check_function_bodies = off;
   CREATE FUNCTION is_even(n int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT n = 0 OR is_odd(n - 1)';
   CREATE FUNCTION is_odd(n int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT n <> 0 AND is_even(n - 1)';`,
  `CREATE TABLE counts (n int);`,
]);

/** The same functions and a table whose CHECK calls one of them: the plan must not create the table before the function. */
const CHECKED = revisionsFromSql('checked', [MUTUAL[0]!.sql, `CREATE TABLE counts (n int CHECK (is_even(n)));`]);

describe('apply sets check_function_bodies off in its transaction, as pg_dump output does', () => {
  it('functions whose bodies call each other converge on an empty database (pg_dump oracle, empty second plan)', async () => {
    await convergeWithOracle(await db(), replayedClean(MUTUAL), await referenceDump(MUTUAL), 'applied to an empty database');
  });

  it('a table whose CHECK calls a function of the cycle follows the function (pg_dump oracle, empty second plan)', async () => {
    await convergeWithOracle(await db(), replayedClean(CHECKED), await referenceDump(CHECKED), 'applied to an empty database');
  });

  it('the setting is local to the transaction: the session keeps its own afterwards', async () => {
    const f = await db();
    await apply(f.db, replayedClean(MUTUAL));
    expect(await f.db.query<{ v: string }>('SELECT current_setting($1) AS v', ['check_function_bodies'])).toEqual([{ v: 'on' }]);
  });

  it('the plan --format sql script sets it too, and run as it is builds the same schema', async () => {
    const f = await db();
    const target = replayedClean(MUTUAL);
    const script = renderPlanSql(plan(diff(target, await introspect(f.db)), await introspect(f.db)));
    expect(script).toMatch(/^BEGIN;\nSET LOCAL check_function_bodies = off;\n/m);
    await f.db.exec(script);
    const difference = dumpDifference(await referenceDump(MUTUAL), await pgDumpSchema(f.url, []), ['built from the migrations', 'the plan script run']);
    expect(difference ?? 'same pg_dump').toBe('same pg_dump');
    expect(diff(target, await introspect(f.db)).changes).toEqual([]);
    expect(await f.db.query<{ v: string }>('SELECT current_setting($1) AS v', ['check_function_bodies'])).toEqual([{ v: 'on' }]);
  });
});
