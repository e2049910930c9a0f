import { slot, type DiffContext } from '../../diff/diff-context.js';
import { byName, pairParts } from '../../diff/match-states.js';
import type { Pairing } from '../../diff/pairing.js';
import type { ColumnDef } from '../../model/objects.js';
import { TABLES } from '../table/table-match.js';

/** The columns of each table pair (by the target key), through the history's column and table renames. */
export const COLUMNS = slot<ReadonlyMap<string, Pairing<ColumnDef>>>('columns');

/** Pairs the columns of paired tables and records their renames. */
export function matchColumns(ctx: DiffContext): void {
  const columns = new Map<string, Pairing<ColumnDef>>();
  for (const p of ctx.matched(TABLES).pairs) {
    const cols = pairParts(ctx, 'column', p, byName(p.target.columns), byName(p.live.columns), true);
    for (const c of cols.pairs) if (c.renamed) ctx.names.renameColumn(p.live, c.liveKey, c.key);
    columns.set(p.key, cols);
  }
  ctx.setMatched(COLUMNS, columns);
}
