import { slot, type DiffContext } from '../../diff/diff-context.js';
import { byName, pairByName, pairParts } from '../../diff/match-states.js';
import type { Pairing } from '../../diff/pairing.js';
import type { CompositeTypeDef, TypeAttribute } from '../../model/objects.js';

/** Composite types paired target-to-live through the history's renames. */
export const COMPOSITE_TYPES = slot<Pairing<CompositeTypeDef>>('composite types');
/** Attributes of each paired composite type, by its target key (renamed through the history). */
export const ATTRIBUTES = slot<ReadonlyMap<string, Pairing<TypeAttribute>>>('attributes');

/** Pairs composite types and their attributes, and records type renames (column types spell them). */
export function matchCompositeTypes(ctx: DiffContext): void {
  const types = pairByName(ctx, 'composite type', ctx.target.compositeTypes, ctx.live.compositeTypes);
  const attributes = new Map<string, Pairing<TypeAttribute>>();
  for (const p of types.pairs) {
    if (p.renamed) ctx.names.renameType(p.live, p.target);
    attributes.set(p.key, pairParts(ctx, 'attribute', p, byName(p.target.attributes), byName(p.live.attributes), false));
  }
  ctx.setMatched(COMPOSITE_TYPES, types);
  ctx.setMatched(ATTRIBUTES, attributes);
}
