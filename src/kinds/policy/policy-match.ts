import { slot, type DiffContext } from '../../diff/diff-context.js';
import { pairPerTable } from '../../diff/match-states.js';
import type { Pairing } from '../../diff/pairing.js';
import type { PolicyDef } from '../../model/objects.js';
import { policyKey } from '../../model/schema-state.js';

/** Policies paired target-to-live (named per table) through the history's renames of them and of their tables. */
export const POLICIES = slot<Pairing<PolicyDef>>('policies');

/** Pairs policies. */
export function matchPolicies(ctx: DiffContext): void {
  ctx.setMatched(POLICIES, pairPerTable(ctx, 'policy', ctx.target.policies, ctx.live.policies, policyKey));
}
