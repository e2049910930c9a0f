import { slot, type DiffContext } from '../../diff/diff-context.js';
import { pairByName } from '../../diff/match-states.js';
import type { Pairing } from '../../diff/pairing.js';
import type { RangeTypeDef } from '../../model/objects.js';

/** Range types paired target-to-live through the history's renames. */
export const RANGE_TYPES = slot<Pairing<RangeTypeDef>>('range types');

/** Pairs range types and records their renames (column types spell them). */
export function matchRangeTypes(ctx: DiffContext): void {
  const ranges = pairByName(ctx, 'range type', ctx.target.rangeTypes, ctx.live.rangeTypes);
  for (const p of ranges.pairs) if (p.renamed) ctx.names.renameType(p.live, p.target);
  ctx.setMatched(RANGE_TYPES, ranges);
}
