import { describe, expect, it } from 'vitest';
import { emptyState } from '../../src/model/schema-state.js';
import { renderSchemaDiff } from '../../src/report/schema-diff.js';
import { renderStateSql } from '../../src/report/state-sql.js';
import { perTestResources } from '../support/cleanups.js';
import { replayedClean } from '../support/converge-with-oracle.js';
import { pgDumpSchema } from '../support/pg-dump/pg-dump.js';
import { referenceDump } from '../support/pg-dump/reference-dump.js';
import { dumpDifference } from '../support/pg-dump/schema-oracle.js';
import { revisionsFromSql } from '../support/run-migrations.js';

const { db } = perTestResources();

/** SQL function bodies naming what the dump creates after them: functions calling each other, a view. */
const HISTORY = revisionsFromSql('bodies', [
  `SET check_function_bodies = off;
   CREATE FUNCTION is_even(n int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT n = 0 OR is_odd(n - 1)';
   CREATE FUNCTION is_odd(n int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT n <> 0 AND is_even(n - 1)';
   CREATE FUNCTION even_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM evens';
   CREATE TABLE nums (n int);
   CREATE VIEW evens AS SELECT n FROM nums WHERE is_even(n);`,
]);

describe('the state as SQL, run top to bottom, sets check_function_bodies off as pg_dump output does', () => {
  it('builds the schema the history built (pg_dump oracle)', async () => {
    const f = await db();
    const sql = renderStateSql(replayedClean(HISTORY));
    expect(sql).toMatch(/^-- Settings\n\nSET check_function_bodies = off;\n/);
    await f.db.exec(sql);
    const difference = dumpDifference(await referenceDump(HISTORY), await pgDumpSchema(f.url, []), ['built from the migrations', 'the state SQL run']);
    expect(difference ?? 'same pg_dump').toBe('same pg_dump');
  });

  it('plan --diff compares objects and leaves the setting out', () => {
    const diff = renderSchemaDiff(emptyState(), replayedClean(HISTORY), { live: 'live', target: 'target' });
    expect(diff).toContain('+CREATE OR REPLACE FUNCTION public.is_even');
    expect(diff).not.toContain('check_function_bodies');
  });
});
