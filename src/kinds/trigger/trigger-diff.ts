import type { DiffContext } from '../../diff/diff-context.js';
import { differs } from '../../diff/diff-context.js';
import { relationKey } from '../../model/schema-state.js';
import { rebuiltViews } from '../view/rebuilt-views.js';
import { drop } from '../drop/drop-change.js';
import { functionDrop } from '../function/function-match.js';
import { rename } from '../rename/rename-change.js';
import { createTrigger, setTriggerFiring } from './trigger-change.js';
import { TRIGGERS } from './trigger-match.js';
import { targetNamedTrigger } from './trigger-names.js';
/**
 * Triggers: create, rename, replace, comment, drop or report. Constraint triggers cannot be
 * replaced in place (PostgreSQL refuses CREATE OR REPLACE CONSTRAINT TRIGGER): drop and create.
 * A live-only trigger on a live-only relation goes with it; one whose function the history
 * drops is dropped first (DROP FUNCTION .. CASCADE took it along there). A trigger on a view
 * the diff drops and creates again (rebuiltViews: INSTEAD OF triggers) went with the old view:
 * it is created again.
 */
export function diffTriggers(ctx: DiffContext): void {
  const { out } = ctx;
  const rebuilt = rebuiltViews(ctx).live;
  const ref = (t: { schema: string; name: string; table: string }) => ({ schema: t.schema, name: t.name, parent: t.table });
  for (const { key, target } of ctx.matched(TRIGGERS).created) {
    out.add('trigger', key, createTrigger(target, false));
    ctx.comment('trigger', ref(target), target.comment, undefined, target.origin);
  }
  for (const { key, target, live } of ctx.matched(TRIGGERS).pairs) {
    if (rebuilt.has(relationKey(live.schema, live.table))) {
      out.add('trigger', key, createTrigger(target, false));
      ctx.comment('trigger', ref(target), target.comment, undefined, target.origin);
      continue;
    }
    if (live.name !== target.name) out.add('trigger', key, rename('trigger', { ...ref(target), name: live.name }, ref(target), target.origin));
    const normalized = targetNamedTrigger(ctx.names, live);
    // A trigger created again gets its firing state after the CREATE (createTriggerActions); one
    // that differs only in its firing state is altered in place (ALTER TABLE .. ENABLE / DISABLE).
    if (differs(target, normalized, ['table', 'enabled'])) {
      if (target.constraint || live.constraint) {
        out.add('trigger', key, drop('trigger', ref(target), 'replace', target.origin));
        out.add('trigger', key, createTrigger(target, false, true));
        ctx.comment('trigger', ref(target), target.comment, undefined, target.origin);
        continue;
      }
      out.add('trigger', key, createTrigger(target, true));
    } else if (target.enabled !== normalized.enabled) out.add('trigger', key, setTriggerFiring(target));
    ctx.comment('trigger', ref(target), target.comment, live.comment, target.origin);
  }
  for (const { key, live } of ctx.matched(TRIGGERS).liveOnly) ctx.liveOnlyPart('trigger', 'trigger', key, live, functionDrop(ctx, live.function));
}
