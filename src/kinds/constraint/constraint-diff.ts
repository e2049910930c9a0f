import type { ConstraintDef, QualifiedName, TableDef } from '../../model/objects.js';
import { relationKey } from '../../model/schema-state.js';
import { sameComparisonFamily } from '../../diff/type-change.js';
import { constraintUses } from '../../diff/column-mentions.js';
import type { DiffContext } from '../../diff/diff-context.js';
import { differs } from '../../diff/diff-context.js';
import type { Pairing } from '../../diff/pairing.js';
import { attachTakes, detachBrings } from '../table/partition-moves.js';
import { columnDrop, constraintOnReplacedColumn, droppedColumns } from '../column/column-drops.js';
import { COLUMNS } from '../column/column-match.js';
import { targetNamedColumn } from '../column/column-names.js';
import { addConstraint, validateConstraint } from './constraint-change.js';
import { CONSTRAINTS } from './constraint-match.js';
import { indexComment } from '../../model/index-backed.js';
import { targetNamedConstraint } from './constraint-names.js';
import { drop } from '../drop/drop-change.js';
import { rename } from '../rename/rename-change.js';
import { TABLES, tableDrop } from '../table/table-match.js';

/**
 * Why a live-only FK must go although no event names it: it references a table or column the
 * history drops (CASCADE took it along there; here it would block the drop).
 */
function referencedDrop(ctx: DiffContext, c: ConstraintDef) {
  if (c.type !== 'foreign key') return undefined;
  const table = c.references.table;
  return tableDrop(ctx, table) ?? c.references.columns.map((col) => columnDrop(ctx, table, col)).find((ev) => ev !== undefined);
}

/** Key of live columns by table and column set: what a FOREIGN KEY depends on, on either side. */
function columnsKey(table: QualifiedName, columns: readonly string[]): string {
  return `${relationKey(table.schema, table.name)}\0${[...columns].sort().join('\0')}`;
}

/** Must a paired constraint be dropped and added again (its definition differs, or a column under it is replaced)? */
function rebuilt(ctx: DiffContext, table: TableDef, liveTable: TableDef, target: ConstraintDef, live: ConstraintDef): boolean {
  return differs(target, targetNamedConstraint(ctx.names, liveTable, live), ['validated', 'indexComment']) || constraintOnReplacedColumn(ctx, table, target as never);
}

/**
 * COMMENT ON CONSTRAINT and, for PRIMARY KEY / UNIQUE / EXCLUDE, COMMENT ON INDEX of the index
 * named as the constraint (`live` undefined: a new or rebuilt constraint, whose index is new).
 */
export function commentConstraint(ctx: DiffContext, table: TableDef, target: ConstraintDef, live: ConstraintDef | undefined, name = target.name): void {
  const origin = target.origin ?? table.origin;
  ctx.comment('constraint', { schema: table.schema, name, parent: table.name }, target.comment, live?.comment, origin);
  ctx.comment('index', { schema: table.schema, name }, indexComment(target), live && indexComment(live), origin);
}

/** The history drop of a live-only constraint of a paired table, unless it goes with a dropped column. */
function liveOnlyDrop(ctx: DiffContext, liveTable: TableDef, name: string, live: ConstraintDef, dropped: ReadonlySet<string>) {
  if (constraintUses(live, dropped)) return undefined;
  return ctx.pendingDrop('constraint', { schema: liveTable.schema, name, parent: liveTable.name }) ?? referencedDrop(ctx, live);
}

/**
 * What a live FOREIGN KEY must not outlive: the PRIMARY KEY and UNIQUE constraints this diff drops
 * (history drops and rebuilds, by column set) and the columns whose type it changes to one that
 * compares with none of the old one's (live names).
 * PostgreSQL refuses to drop a key a foreign key depends on, and to retype one side of a foreign
 * key to a type the other side cannot be compared with ("foreign key constraint ... cannot be
 * implemented"), so such foreign keys are dropped first and added again where the target keeps them.
 */
export interface KeyChanges {
  readonly droppedKeys: ReadonlySet<string>;
  readonly retypedColumns: ReadonlySet<string>;
}

/** The {@link KeyChanges} of a diff, before any table's constraints are compared. */
export function keyChanges(ctx: DiffContext): KeyChanges {
  const droppedKeys = new Set<string>();
  const retypedColumns = new Set<string>();
  const isKey = (c: ConstraintDef): c is Extract<ConstraintDef, { type: 'primary key' | 'unique' }> => c.type === 'primary key' || c.type === 'unique';
  for (const { key, target, live } of ctx.matched(TABLES).pairs) {
    for (const p of ctx.matched(COLUMNS).get(key)?.pairs ?? []) {
      if (!sameComparisonFamily(p.target.type, targetNamedColumn(ctx.names, live, p.live).type)) retypedColumns.add(columnsKey(live, [p.live.name]));
    }
    const cons = ctx.matched(CONSTRAINTS).get(key);
    if (!cons) continue;
    const dropped = new Set(droppedColumns(ctx, live));
    for (const p of cons.pairs) if (isKey(p.live) && rebuilt(ctx, target, live, p.target, p.live)) droppedKeys.add(columnsKey(live, p.live.columns));
    for (const o of cons.liveOnly) if (isKey(o.live) && liveOnlyDrop(ctx, live, o.key, o.live, dropped)) droppedKeys.add(columnsKey(live, o.live.columns));
  }
  return { droppedKeys, retypedColumns };
}

/** Must a live foreign key (of `liveTable`) go before its key is dropped or one of its columns retyped? */
function blocksKeyChange(liveTable: TableDef, c: ConstraintDef, k: KeyChanges): boolean {
  if (c.type !== 'foreign key') return false;
  const ref = c.references.table;
  return (
    k.droppedKeys.has(columnsKey(ref, c.references.columns)) ||
    c.references.columns.some((col) => k.retypedColumns.has(columnsKey(ref, [col]))) ||
    c.columns.some((col) => k.retypedColumns.has(columnsKey(liveTable, [col])))
  );
}

/**
 * Foreign keys of a live table the history drops whole that would block a key drop or a type
 * change: they go first, as the history dropped them (the table's own drop is destructive and
 * may be skipped).
 */
export function foreignKeysBlockingKeyChanges(ctx: DiffContext, key: string, liveTable: TableDef, k: KeyChanges): void {
  const ev = tableDrop(ctx, liveTable);
  if (!ev) return;
  for (const c of liveTable.constraints) {
    if (!blocksKeyChange(liveTable, c, k)) continue;
    const ref = { schema: liveTable.schema, name: c.name, parent: liveTable.name };
    ctx.out.add('table', key, ctx.dropChange('constraint', ref, ctx.pendingDrop('constraint', ref) ?? ev));
  }
}

/**
 * Constraints of a paired table: renames, new ones, rebuilds (PostgreSQL cannot alter a
 * constraint's definition: drop and add), VALIDATE for a live NOT VALID one the target has
 * validated, comments, and live-only ones as drops or unmanaged. A live-only constraint on a
 * column the history drops goes with the column.
 */
export function diffConstraints(
  ctx: DiffContext, key: string, table: TableDef, liveTable: TableDef, cons: Pairing<ConstraintDef>, keys: KeyChanges,
): void {
  const { out } = ctx;
  const ref = (name: string) => ({ schema: table.schema, name, parent: table.name });
  const origin = (c: ConstraintDef) => c.origin ?? table.origin;
  for (const p of cons.pairs) {
    if (p.renamed) out.add('table', key, rename('constraint', ref(p.liveKey), ref(p.key), origin(p.target)));
  }
  for (const { target } of cons.created) {
    // A clone of the live parent's key, foreign key or CHECK, which DETACH PARTITION makes the table's own.
    if (detachBrings(ctx, table, target)) continue;
    out.add('table', key, addConstraint(table, target, false, table.origin));
    commentConstraint(ctx, table, target, undefined);
  }
  for (const { key: name, target, live } of cons.pairs) {
    const normalized = targetNamedConstraint(ctx.names, liveTable, live);
    // A constraint on a column being dropped and re-added goes with it and must be added again;
    // so must a foreign key on a key being dropped or retyped (see KeyChanges).
    if (rebuilt(ctx, table, liveTable, target, live) || blocksKeyChange(liveTable, live, keys)) {
      out.add('table', key, drop('constraint', ref(name), 'replace', origin(target)));
      out.add('table', key, addConstraint(table, target, false, table.origin));
      commentConstraint(ctx, table, target, undefined, name);
      continue;
    }
    if ('validated' in target && target.validated && 'validated' in normalized && !normalized.validated) {
      out.add('table', key, validateConstraint(table, target, table.origin));
    }
    commentConstraint(ctx, table, target, live, name);
  }
  const dropped = new Set(droppedColumns(ctx, liveTable));
  for (const { key: name, live } of cons.liveOnly) {
    if (constraintUses(live, dropped) || attachTakes(ctx, liveTable, live)) continue;
    const ev = liveOnlyDrop(ctx, liveTable, name, live, dropped);
    if (ev) out.add('table', key, ctx.dropChange('constraint', ref(name), ev));
    else out.addUnmanaged('constraint', ref(name));
  }
}
