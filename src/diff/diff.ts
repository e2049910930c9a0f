import type { SchemaState } from '../model/schema-state.js';
import type { DiffResult } from './change.js';
import { DiffContext } from './diff-context.js';
import { diffEnums } from '../kinds/enum/enum-diff.js';
import { diffIndexes } from '../kinds/index/index-diff.js';
import { diffExtensions, diffSchemas } from '../kinds/schema/schema-diff.js';
import { diffFunctions, diffTriggers } from '../kinds/function/function-diff.js';
import { diffSequences } from '../kinds/sequence/sequence-diff.js';
import { diffTables } from '../kinds/table/table-diff.js';
import { diffViews } from '../kinds/view/view-diff.js';
import { withEventOrigins } from './event-origins.js';

/**
 * The changes that turn the live schema into the target one, plus live objects no migration
 * accounts for (unmanaged) and differences no DDL can fix (drift). Pure and deterministic.
 *
 * History-aware: a target object the live database has under a name the migrations renamed it
 * away from becomes a `rename` (then its attributes are compared); a live-only object the
 * migrations dropped becomes a `drop`, any other live-only object is reported as unmanaged and
 * never touched. Changes name objects as they are after this diff's renames (a column of a
 * renamed table names the table's new name), so the planner runs renames before the rest.
 */
export function diff(target: SchemaState, live: SchemaState): DiffResult {
  const ctx = new DiffContext(target, live);
  diffSchemas(ctx);
  diffExtensions(ctx);
  diffEnums(ctx);
  diffSequences(ctx);
  diffTables(ctx);
  diffIndexes(ctx);
  diffViews(ctx);
  diffFunctions(ctx);
  diffTriggers(ctx);
  const result = ctx.out.result();
  return { ...result, changes: withEventOrigins(result.changes, target.history) };
}
