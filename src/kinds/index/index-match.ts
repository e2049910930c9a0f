import { slot, type DiffContext } from '../../diff/diff-context.js';
import { pairByName } from '../../diff/match-states.js';
import type { Pairing } from '../../diff/pairing.js';
import type { IndexDef } from '../../model/objects.js';

/** Indexes paired target-to-live through the history's renames (and their table's moves). */
export const INDEXES = slot<Pairing<IndexDef>>('indexes');

/** Pairs indexes. */
export function matchIndexes(ctx: DiffContext): void {
  ctx.setMatched(INDEXES, pairByName(ctx, 'index', ctx.target.indexes, ctx.live.indexes, (i) => i.table));
}
