import type { TableDef } from '../../model/objects.js';
import { sameValue } from '../../diff/same-value.js';
import { diffColumns } from '../column/column-diff.js';
import { commentConstraint, diffConstraints, foreignKeysBlockingKeyChanges, keyChanges } from '../constraint/constraint-diff.js';
import type { DiffContext } from '../../diff/diff-context.js';
import { originField } from '../../diff/make-change.js';
import { checksToAdd, partitionMove } from './partition-moves.js';
import { COLUMNS } from '../column/column-match.js';
import { addConstraint } from '../constraint/constraint-change.js';
import { CONSTRAINTS } from '../constraint/constraint-match.js';
import { rename } from '../rename/rename-change.js';
import { attachPartition, createTable, detachPartition, setLogged, setTableOptions } from './table-change.js';
import { TABLES } from './table-match.js';

/**
 * A new table: one CREATE TABLE with its columns and PK/UNIQUE/CHECK/EXCLUDE constraints, its
 * FOREIGN KEYs apart (so tables that reference each other can all be created first), comments
 * apart.
 */
function createNewTable(ctx: DiffContext, key: string, t: TableDef): void {
  const { out } = ctx;
  const fks = t.constraints.filter((c) => c.type === 'foreign key');
  out.add('table', key, createTable({ ...t, constraints: t.constraints.filter((c) => c.type !== 'foreign key') }));
  for (const fk of fks) out.add('table', key, addConstraint(t, fk, true, t.origin));
  const ref = (name: string) => ({ schema: t.schema, name, parent: t.name });
  ctx.comment('table', { schema: t.schema, name: t.name }, t.comment, undefined, t.origin);
  for (const c of t.columns) ctx.comment('column', ref(c.name), c.comment, undefined, c.origin ?? t.origin);
  for (const c of t.constraints) commentConstraint(ctx, t, c, undefined);
}

/**
 * Partitioning: PARTITION BY cannot change (drift); a table hung elsewhere than the target says is
 * detached from its live parent and attached to the target's with the target's bound (ATTACH
 * PARTITION needs a parent that is partitioned alike, else drift).
 */
function tableDrift(ctx: DiffContext, key: string, target: TableDef, live: TableDef): void {
  const ref = { schema: target.schema, name: target.name };
  const drift = (message: string) => ctx.out.addDrift({ object: 'table', ref, message, ...originField(target.origin) });
  if ((target.partitionBy ?? null) !== (live.partitionBy ?? null)) {
    drift(`partitioning differs: live ${live.partitionBy ?? 'not partitioned'}, migrations ${target.partitionBy ?? 'not partitioned'}`);
    return;
  }
  const move = partitionMove(ctx, target, live);
  if (move.detach) ctx.out.add('table', key, detachPartition({ schema: live.schema, name: live.name }, move.detach, target.origin));
  if (move.attach) ctx.out.add('table', key, attachPartition(target, checksToAdd(ctx, target, live), target.origin));
}

/** Tables with their columns and constraints: create, rename, alter, comment, drop or report. */
export function diffTables(ctx: DiffContext): void {
  const { out } = ctx;
  const keys = keyChanges(ctx);
  for (const { key, target } of ctx.matched(TABLES).created) createNewTable(ctx, key, target);
  for (const { key, target, live, renamed } of ctx.matched(TABLES).pairs) {
    const ref = { schema: target.schema, name: target.name };
    if (renamed) out.add('table', key, rename('table', { schema: live.schema, name: live.name }, ref, target.origin));
    if (target.unlogged !== live.unlogged) out.add('table', key, setLogged(target, target.origin));
    if (!sameValue(target.options ?? [], live.options ?? [])) out.add('table', key, setTableOptions(target, live, target.origin));
    tableDrift(ctx, key, target, live);
    diffColumns(ctx, key, target, live, ctx.matched(COLUMNS).get(key)!);
    diffConstraints(ctx, key, target, live, ctx.matched(CONSTRAINTS).get(key)!, keys);
    ctx.comment('table', ref, target.comment, live.comment, target.origin);
  }
  ctx.liveOnly('table', ctx.matched(TABLES), () => 'table');
  if (keys.droppedKeys.size || keys.retypedColumns.size) {
    for (const { key, live } of ctx.matched(TABLES).liveOnly) foreignKeysBlockingKeyChanges(ctx, key, live, keys);
  }
}
