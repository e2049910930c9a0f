import type { SchemaState } from '../model/schema-state.js';
import type { DiffResult } from './change.js';
import { kinds } from '../kinds/registry.js';
import { DiffContext, type DiffOptions } from './diff-context.js';
import { withEventOrigins } from './event-origins.js';

/**
 * The changes that turn the live schema into the target one, plus live objects no migration
 * accounts for (unmanaged) and differences no DDL can fix (drift). Pure and deterministic.
 *
 * History-aware: a target object the live database has under a name the migrations renamed it
 * away from becomes a `rename` (then its attributes are compared); a live-only object the
 * migrations dropped becomes a `drop`, any other live-only object is reported as unmanaged and
 * never touched, unless `opts.declaration` says the migrations declare the whole schema (then it
 * is dropped too). Changes name objects as they are after this diff's renames (a column of a
 * renamed table names the table's new name), so the planner runs renames before the rest.
 */
export function diff(target: SchemaState, live: SchemaState, opts: DiffOptions = {}): DiffResult {
  const ctx = new DiffContext(target, live, opts);
  for (const k of kinds()) k.diff?.(ctx);
  const result = ctx.out.result();
  // The history as the diff read it: events before a pending schema rename name the new schema, as the changes do.
  return { ...result, changes: withEventOrigins(result.changes, ctx.target.history) };
}
