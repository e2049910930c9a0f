import { slot, type DiffContext } from '../../diff/diff-context.js';
import { pairPerTable } from '../../diff/match-states.js';
import type { Pairing } from '../../diff/pairing.js';
import type { TriggerDef } from '../../model/objects.js';
import { triggerKey } from '../../model/schema-state.js';

/** Triggers paired target-to-live (named per table) through the history's trigger and table renames. */
export const TRIGGERS = slot<Pairing<TriggerDef>>('triggers');

/** Pairs triggers. */
export function matchTriggers(ctx: DiffContext): void {
  ctx.setMatched(TRIGGERS, pairPerTable(ctx, 'trigger', ctx.target.triggers, ctx.live.triggers, triggerKey));
}
