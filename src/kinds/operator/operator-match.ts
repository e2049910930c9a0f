import { slot, type DiffContext } from '../../diff/diff-context.js';
import { pairObjects, type Pairing } from '../../diff/pairing.js';
import type { OperatorDef } from '../../model/objects.js';

/** Operators paired target-to-live by key (PostgreSQL cannot rename one). */
export const OPERATORS = slot<Pairing<OperatorDef>>('operators');

/** Pairs operators. */
export function matchOperators(ctx: DiffContext): void {
  ctx.setMatched(OPERATORS, pairObjects(ctx.target.operators, ctx.live.operators, () => []));
}
