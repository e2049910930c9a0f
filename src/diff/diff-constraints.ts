import type { ConstraintDef, TableDef } from '../model/objects.js';
import { constraintUses } from './column-mentions.js';
import type { DiffContext } from './diff-context.js';
import { differs } from './diff-context.js';
import * as make from './make-change.js';
import type { Pairing } from './pairing.js';

/**
 * Why a live-only FK must go although no event names it: it references a table or column the
 * history drops (CASCADE took it along there; here it would block the drop).
 */
function referencedDrop(ctx: DiffContext, c: ConstraintDef) {
  if (c.type !== 'foreign key') return undefined;
  const table = c.references.table;
  return ctx.tableDrop(table) ?? c.references.columns.map((col) => ctx.columnDrop(table, col)).find((ev) => ev !== undefined);
}

/**
 * Constraints of a paired table: renames, new ones, rebuilds (PostgreSQL cannot alter a
 * constraint's definition: drop and add), VALIDATE for a live NOT VALID one the target has
 * validated, comments, and live-only ones as drops or unmanaged. A live-only constraint on a
 * column the history drops goes with the column.
 */
export function diffConstraints(ctx: DiffContext, key: string, table: TableDef, liveTable: TableDef, cons: Pairing<ConstraintDef>): void {
  const { out, m } = ctx;
  const ref = (name: string) => ({ schema: table.schema, name, parent: table.name });
  const origin = (c: ConstraintDef) => c.origin ?? table.origin;
  for (const p of cons.pairs) {
    if (p.renamed) out.add('table', key, make.rename('constraint', ref(p.liveKey), ref(p.key), origin(p.target)));
  }
  for (const { target } of cons.created) {
    out.add('table', key, make.addConstraint(table, target, false, table.origin));
    ctx.comment('constraint', ref(target.name), target.comment, undefined, origin(target));
  }
  for (const { key: name, target, live } of cons.pairs) {
    const normalized = m.names.constraint(liveTable, live);
    // A constraint on a column being dropped and re-added goes with it and must be added again.
    if (differs(target, normalized, ['validated']) || ctx.constraintOnReplacedColumn(table, target as never)) {
      out.add('table', key, make.drop('constraint', ref(name), 'replace', origin(target)));
      out.add('table', key, make.addConstraint(table, target, false, table.origin));
      ctx.comment('constraint', ref(name), target.comment, undefined, origin(target));
      continue;
    }
    if ('validated' in target && target.validated && 'validated' in normalized && !normalized.validated) {
      out.add('table', key, make.validateConstraint(table, target, table.origin));
    }
    ctx.comment('constraint', ref(name), target.comment, live.comment, origin(target));
  }
  const dropped = new Set(ctx.droppedColumns(liveTable));
  for (const { key: name, live } of cons.liveOnly) {
    if (constraintUses(live, dropped)) continue;
    const ev = ctx.pendingDrop('constraint', { schema: liveTable.schema, name, parent: liveTable.name }) ?? referencedDrop(ctx, live);
    if (ev) out.add('table', key, make.drop('constraint', ref(name), 'history', ev.origin));
    else out.addUnmanaged('constraint', ref(name));
  }
}
