import { slot, type DiffContext } from '../../diff/diff-context.js';
import { byName, pairParts } from '../../diff/match-states.js';
import type { Pairing } from '../../diff/pairing.js';
import type { ConstraintDef } from '../../model/objects.js';
import { TABLES } from '../table/table-match.js';

/** The constraints of each table pair (by the target key), through the history's constraint and table renames. */
export const CONSTRAINTS = slot<ReadonlyMap<string, Pairing<ConstraintDef>>>('constraints');

/** Pairs the constraints of paired tables. */
export function matchConstraints(ctx: DiffContext): void {
  const constraints = new Map<string, Pairing<ConstraintDef>>();
  for (const p of ctx.matched(TABLES).pairs) constraints.set(p.key, pairParts(ctx, 'constraint', p, byName(p.target.constraints), byName(p.live.constraints), true));
  ctx.setMatched(CONSTRAINTS, constraints);
}
