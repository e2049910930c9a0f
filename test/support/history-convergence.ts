import { afterAll, beforeAll, expect, it } from 'vitest';
import { apply, type ApplyOptions } from '../../src/apply/index.js';
import { diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import type { Revision } from '../../src/load/types.js';
import type { SchemaState } from '../../src/model/schema-state.js';
import { replay } from '../../src/replay/index.js';
import { freshDatabase, type FreshDatabase } from './database.js';
import { pgDumpSchema } from './pg-dump/pg-dump.js';
import { dumpDifference } from './pg-dump/schema-oracle.js';
import { runMigrations } from './run-migrations.js';

/** What the shared convergence tests built, for a file's own tests next to them. */
export interface HistoryConvergence {
  readonly target: SchemaState;
  /** The database the migrations built, and its pg_dump (available once the tests run). */
  reference(): FreshDatabase;
  expected(): string;
}

/**
 * Registers, in the calling describe, the convergence tests a history's spelling tests share:
 * from each of `from` revisions applied, `apply` must give the pg_dump of the database the
 * migrations build and leave nothing to plan; that database itself must be in sync.
 */
export function historyConvergence(
  history: readonly Revision[],
  opts: { readonly from?: readonly number[]; readonly apply?: ApplyOptions; readonly suffix?: string } = {},
): HistoryConvergence {
  const target = replay(history).state;
  let reference: FreshDatabase;
  let expected: string;
  beforeAll(async () => {
    reference = await freshDatabase();
    await runMigrations(reference.db, history);
    expected = await pgDumpSchema(reference.url);
  });
  afterAll(async () => reference?.drop());

  for (const applied of opts.from ?? [0, 1]) {
    it(`from revision ${applied}: the same catalog as the migrations build${opts.suffix ?? ''}`, async () => {
      const f = await freshDatabase();
      try {
        await runMigrations(f.db, history.slice(0, applied));
        await apply(f.db, target, opts.apply);
        expect(dumpDifference(expected, await pgDumpSchema(f.url)) ?? 'same pg_dump').toBe('same pg_dump');
        expect(diff(target, await introspect(f.db)).changes).toEqual([]);
      } finally {
        await f.drop();
      }
    });
  }

  it('finds a database the migrations built in sync', async () => {
    expect(diff(target, await introspect(reference.db)).changes).toEqual([]);
  });
  return { target, reference: () => reference, expected: () => expected };
}
