import { slot, type DiffContext } from '../../diff/diff-context.js';
import { pairByName } from '../../diff/match-states.js';
import type { Pairing } from '../../diff/pairing.js';
import type { ViewDef } from '../../model/objects.js';

/** Views and materialized views paired target-to-live through the history's renames. */
export const VIEWS = slot<Pairing<ViewDef>>('views');

/** Pairs views, records their renames, and that live-only ones go with their parts. */
export function matchViews(ctx: DiffContext): void {
  const views = pairByName(ctx, 'view', ctx.target.views, ctx.live.views);
  for (const p of views.pairs) if (p.renamed) ctx.names.renameRelation(p.live, p.target);
  ctx.relationsGo(views);
  ctx.setMatched(VIEWS, views);
}
