import { beforeAll, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { compareStates, diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import type { Revision } from '../../src/load/types.js';
import type { SchemaState } from '../../src/model/schema-state.js';
import { replay } from '../../src/replay/index.js';
import type { FreshDatabase } from './database.js';
import { pgDumpSchema } from './pg-dump/pg-dump.js';
import { referenceDump } from './pg-dump/reference-dump.js';
import { dumpDifference } from './pg-dump/schema-oracle.js';
import { runMigrations } from './run-migrations.js';

/** The replayed target of revisions, which must replay without any diagnostic. */
export function replayedClean(revisions: readonly Revision[]): SchemaState {
  const r = replay(revisions);
  expect(r.diagnostics).toEqual([]);
  return r.state;
}

/** pg_dump options of an oracle: `privileges` keeps GRANT / REVOKE in both dumps. */
export interface OracleOptions {
  readonly privileges?: boolean;
}

/** Applies the plan to `f` (destructive changes allowed) and judges by pg_dump against `expected`, then by an empty second diff. */
export async function convergeWithOracle(f: FreshDatabase, target: SchemaState, expected: string, label: string, opts: OracleOptions = {}): Promise<void> {
  const result = await apply(f.db, target, { allowDestructive: true });
  expect(result.plan.skipped).toEqual([]);
  const difference = dumpDifference(expected, await pgDumpSchema(f.url, [], opts), ['built from the migrations', label]);
  expect(difference ?? 'same pg_dump').toBe('same pg_dump');
  const after = await introspect(f.db);
  expect(compareStates(target, after)).toEqual([]);
  expect(diff(target, after).changes).toEqual([]);
}

/**
 * Registers, in the calling describe, one test per revision: a database with that many revisions
 * run converges to the history's target (pg_dump oracle, nothing left to plan). A history that
 * names per-file test roles is given as a getter, read when the tests run (after beforeAll made them).
 */
export function convergesFromEachRevision(
  history: readonly Revision[] | { readonly length: number; readonly get: () => readonly Revision[] }, db: () => Promise<FreshDatabase>, opts: OracleOptions = {},
): void {
  const revisions = (): readonly Revision[] => ('get' in history ? history.get() : history);
  let expected: string;
  beforeAll(async () => {
    expected = await referenceDump(revisions(), opts);
  });
  for (let applied = 0; applied < history.length; applied++) {
    it(`from revision ${applied} of ${history.length}`, async () => {
      const f = await db();
      await runMigrations(f.db, revisions().slice(0, applied));
      await convergeWithOracle(f, replayedClean(revisions()), expected, `converged from revision ${applied}`, opts);
    });
  }
}
