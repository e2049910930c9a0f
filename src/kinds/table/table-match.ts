import { slot, type DiffContext } from '../../diff/diff-context.js';
import { pairByName } from '../../diff/match-states.js';
import type { Pairing } from '../../diff/pairing.js';
import type { DropEvent } from '../../model/history.js';
import type { QualifiedName, TableDef } from '../../model/objects.js';
import { relationKey } from '../../model/schema-state.js';

/** Tables paired target-to-live through the history's renames. */
export const TABLES = slot<Pairing<TableDef>>('tables');

/** Live key of each paired table -> its pairing's target key. */
const PAIRED_KEYS = slot<ReadonlyMap<string, string>>('paired table keys');
/** Keys of live-only tables. */
const LIVE_ONLY = slot<ReadonlySet<string>>('live-only tables');

/** Pairs tables, records their renames, and that live-only ones go with their parts. */
export function matchTables(ctx: DiffContext): void {
  const tables = pairByName(ctx, 'table', ctx.target.tables, ctx.live.tables);
  for (const p of tables.pairs) if (p.renamed) ctx.names.renameRelation(p.live, p.target);
  ctx.relationsGo(tables);
  ctx.setMatched(TABLES, tables);
  ctx.setMatched(PAIRED_KEYS, new Map(tables.pairs.map((p) => [p.liveKey, p.key])));
  ctx.setMatched(LIVE_ONLY, new Set(tables.liveOnly.map((o) => o.key)));
}

/** Target key of the pairing a live table belongs to, if paired. */
export function pairedTableKey(ctx: DiffContext, table: QualifiedName): string | undefined {
  return ctx.matched(PAIRED_KEYS).get(relationKey(table.schema, table.name));
}

/** The history drop of a live-only table (live name), if it is one. */
export function tableDrop(ctx: DiffContext, ref: QualifiedName): DropEvent | undefined {
  return ctx.matched(LIVE_ONLY).has(relationKey(ref.schema, ref.name)) ? ctx.pendingDrop('table', ref) : undefined;
}
