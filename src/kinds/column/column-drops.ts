import { slot, type DiffContext } from '../../diff/diff-context.js';
import { nameSpec, pastNames } from '../../diff/past-names.js';
import type { DropEvent, HistoryRef } from '../../model/history.js';
import type { QualifiedName } from '../../model/objects.js';
import { relationKey } from '../../model/schema-state.js';
import { enumDrop } from '../enum/enum-match.js';
import { pairedTableKey, TABLES } from '../table/table-match.js';
import { COLUMNS } from './column-match.js';

/**
 * The history drop of a column of a paired live table (live names): a drop under one of its
 * names, or the drop of its enum type (DROP TYPE .. CASCADE drops the columns using it).
 */
export function columnDrop(ctx: DiffContext, table: QualifiedName, column: string): DropEvent | undefined {
  const key = pairedTableKey(ctx, table);
  if (key === undefined) return undefined;
  const col = ctx.matched(COLUMNS).get(key)?.liveOnly.find((o) => o.key === column);
  if (!col) return undefined;
  return (
    ctx.pendingDrop('column', { schema: table.schema, name: column, parent: table.name }) ??
    enumDrop(ctx, col.live.type) ??
    droppedUnderEarlierTableName(ctx, key, column)
  );
}

/**
 * A history drop of a column under an earlier name of its (paired) table: a live table this tool
 * already renamed keeps an old-generation column the history dropped under the old table name.
 */
function droppedUnderEarlierTableName(ctx: DiffContext, tableKey: string, column: string): DropEvent | undefined {
  const t = ctx.target.tables.get(tableKey);
  if (!t) return undefined;
  for (const p of pastNames(ctx.history, nameSpec('table'), { schema: t.schema, name: t.name })) {
    const ev = ctx.pendingDrop('column', { schema: p.ref.schema, name: column, parent: p.ref.name });
    if (ev) return ev;
  }
  return undefined;
}

const REPLACED = slot<ReadonlySet<string>>('replaced columns');

/**
 * Target-named columns (`relationKey.column`) that must be dropped and re-added: the live
 * column of that name is an older generation the history dropped (its type differs).
 */
export function replacedColumns(ctx: DiffContext): ReadonlySet<string> {
  return ctx.memo(REPLACED, () => {
    const out = new Set<string>();
    const columns = ctx.matched(COLUMNS);
    for (const p of ctx.matched(TABLES).pairs) {
      for (const c of columns.get(p.key)?.pairs ?? []) {
        if (c.target.type !== c.live.type && columnEverDropped(ctx, p.live, c.liveKey, { schema: p.target.schema, name: c.key, parent: p.target.name })) {
          out.add(`${p.key}.${c.key}`);
        }
      }
    }
    return out;
  });
}

/** Does a (target) constraint depend on a column being replaced, on its table or, for FKs, the referenced one? */
export function constraintOnReplacedColumn(
  ctx: DiffContext,
  table: QualifiedName,
  c: { type: string; columns?: readonly string[]; references?: { table: QualifiedName; columns: readonly string[] } },
): boolean {
  const set = replacedColumns(ctx);
  if (!set.size) return false;
  const tk = relationKey(table.schema, table.name);
  if ((c.columns ?? []).some((col) => set.has(`${tk}.${col}`))) return true;
  if (c.references) {
    const rk = relationKey(c.references.table.schema, c.references.table.name);
    if (c.references.columns.some((col) => set.has(`${rk}.${col}`))) return true;
  }
  return false;
}

/**
 * Did the history ever drop a column of this name from this (live) table, or, given the target
 * column, from the table under any name the target column has had (a live table this tool
 * already renamed no longer carries the name the history dropped the old column under)?
 */
function columnEverDropped(ctx: DiffContext, table: QualifiedName, column: string, target?: HistoryRef): boolean {
  if (ctx.historyDrop('column', { schema: table.schema, name: column, parent: table.name }) !== undefined) return true;
  return target !== undefined && pastNames(ctx.history, nameSpec('column'), target).some((p) => ctx.drops.find('column', p.ref) !== undefined);
}

/** Live-only columns of a paired live table that the history drops (live names). */
export function droppedColumns(ctx: DiffContext, table: QualifiedName): string[] {
  const key = pairedTableKey(ctx, table);
  const cols = key === undefined ? [] : (ctx.matched(COLUMNS).get(key)?.liveOnly ?? []);
  return cols.map((c) => c.key).filter((c) => columnDrop(ctx, table, c) !== undefined);
}
