import type { ColumnDef, TableDef } from '../../model/objects.js';
import { relationKey } from '../../model/schema-state.js';
import type { DiffContext } from '../../diff/diff-context.js';
import type { Pairing } from '../../diff/pairing.js';
import type { TypeStep } from './column-retypes.js';
import { usingCast } from '../../diff/using-cast.js';
import { retypes } from './column-retypes.js';
import { addColumn, alterColumnType, alterIdentity, setDefault, setGenerated, setNotNull } from './column-change.js';
import { columnDrop, replacedColumns } from './column-drops.js';
import { targetNamedColumn } from './column-names.js';
import { drop } from '../drop/drop-change.js';
import { rename } from '../rename/rename-change.js';

const identityOf = (c: ColumnDef): string => (c.identity ? (c.identity.always ? 'always' : 'by default') : 'none');

/** Is the live column an older generation of the target one, to be dropped and added again? */
function replacesColumn(ctx: DiffContext, table: TableDef, target: ColumnDef, live: ColumnDef): boolean {
  return (
    (target.generated ?? null) === (live.generated ?? null) &&
    target.type !== live.type &&
    replacedColumns(ctx).has(`${relationKey(table.schema, table.name)}.${target.name}`)
  );
}

/**
 * The type steps with the USING PostgreSQL needs where it has no assignment cast (text -> enum,
 * enum -> another enum: see usingCast) and the history wrote none (a step the history ran without
 * USING had an assignment cast). A generated column is recomputed instead (USING is refused).
 */
function withUsing(ctx: DiffContext, column: ColumnDef, from: string, steps: readonly TypeStep[]): TypeStep[] {
  if (column.generated !== undefined) return [...steps];
  const isEnum = (t: string): boolean => ctx.target.enums.has(t) || ctx.live.enums.has(t);
  return steps.map((s, i) => {
    const using = s.using === undefined ? usingCast(column.name, i ? steps[i - 1]!.to : from, s.to, isEnum) : undefined;
    return using === undefined ? s : { ...s, using };
  });
}

/**
 * One paired column's attribute changes. A changed generation expression rebuilds the column
 * (drop and re-add brings the target's type, default and nullability along), so nothing else is
 * emitted for it; otherwise type/collation, default, NOT NULL and identity each get a change.
 */
function diffColumn(ctx: DiffContext, key: string, table: TableDef, target: ColumnDef, live: ColumnDef, liveTable: TableDef, liveName: string): void {
  const { out } = ctx;
  if ((target.generated ?? null) !== (live.generated ?? null)) {
    out.add('table', key, setGenerated(table, target, live, table.origin));
    return;
  }
  // The history dropped a column of this name and made a new one (often a type change done as
  // add-copy-drop-rename): a live column of another type is the old generation. Replace it, under
  // the name it has (it is not renamed: the column the history renamed is the new one).
  if (replacesColumn(ctx, table, target, live)) {
    const ref = { schema: table.schema, name: liveName, parent: table.name };
    out.add('table', key, drop('column', ref, 'replace', target.origin ?? table.origin));
    out.add('table', key, addColumn(table, target, target.origin ?? table.origin));
    return;
  }
  if (target.type !== live.type || (target.collation ?? null) !== (live.collation ?? null)) {
    const steps = target.type === live.type ? [{ to: target.type }] : withUsing(ctx, target, live.type, retypes(ctx).steps(table, target.name, live.type, target.type));
    out.add('table', key, alterColumnType(table, target, live.type, steps, table.origin));
    ctx.retypedColumns.push({ schema: liveTable.schema, relation: liveTable.name, column: live.name });
  }
  if ((target.default ?? null) !== (live.default ?? null)) out.add('table', key, setDefault(table, target, live.default, table.origin));
  if (target.notNull !== live.notNull) out.add('table', key, setNotNull(table, target, table.origin));
  if (identityOf(target) !== identityOf(live)) out.add('table', key, alterIdentity(table, target, live, table.origin));
}

/**
 * Columns of a paired table (live `liveTable`, target `table`): renames first, then new columns,
 * attribute changes, comments, and live-only columns as drops or unmanaged.
 */
export function diffColumns(ctx: DiffContext, key: string, table: TableDef, liveTable: TableDef, cols: Pairing<ColumnDef>): void {
  const { out } = ctx;
  const ref = (name: string) => ({ schema: table.schema, name, parent: table.name });
  for (const p of cols.pairs) {
    if (!p.renamed || replacesColumn(ctx, table, p.target, targetNamedColumn(ctx.names, liveTable, p.live))) continue;
    out.add('table', key, rename('column', ref(p.liveKey), ref(p.key), p.target.origin ?? table.origin));
  }
  for (const { target } of cols.created) {
    out.add('table', key, addColumn(table, target, table.origin));
    ctx.comment('column', ref(target.name), target.comment, undefined, target.origin ?? table.origin);
  }
  for (const p of cols.pairs) {
    const live = targetNamedColumn(ctx.names, liveTable, p.live);
    diffColumn(ctx, key, table, p.target, live, liveTable, p.liveKey);
    ctx.comment('column', ref(p.key), p.target.comment, live.comment, p.target.origin ?? table.origin);
  }
  for (const { key: name, live } of cols.liveOnly) {
    const ev = columnDrop(ctx, liveTable, name);
    if (ev) out.add('table', key, ctx.dropChange('column', ref(name), ev));
    else out.addUnmanaged('column', ref(live.name));
  }
}
