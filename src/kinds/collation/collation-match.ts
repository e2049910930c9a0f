import { slot, type DiffContext } from '../../diff/diff-context.js';
import { pairByName } from '../../diff/match-states.js';
import type { Pairing } from '../../diff/pairing.js';
import type { CollationDef } from '../../model/objects.js';
import { renameCollation } from './collation-names.js';

/** Collations paired target-to-live through the history's renames. */
export const COLLATIONS = slot<Pairing<CollationDef>>('collations');

/** Pairs collations and records their renames (columns, domains and index keys spell them). */
export function matchCollations(ctx: DiffContext): void {
  const collations = pairByName(ctx, 'collation', ctx.target.collations, ctx.live.collations);
  for (const p of collations.pairs) if (p.renamed) renameCollation(ctx.names, p.live, p.target);
  ctx.setMatched(COLLATIONS, collations);
}
