import type { Change } from '../../diff/change.js';
import { concernField, originField } from '../../diff/make-change.js';
import type { TriggerDef } from '../../model/objects.js';

/** The changes the trigger kind emits (drops and renames are the generic `drop` and `rename`). */
export type TriggerChange =
  | { readonly kind: 'createTrigger'; readonly trigger: TriggerDef; readonly replace: boolean }
  /** ALTER TABLE .. ENABLE / DISABLE [REPLICA | ALWAYS] TRIGGER: only how an existing trigger fires differs. */
  | { readonly kind: 'setTriggerFiring'; readonly trigger: TriggerDef };

/** CREATE [OR REPLACE] TRIGGER: new triggers are additive; replacing one changes behaviour. */
export const createTrigger = (trigger: TriggerDef, replace: boolean, review = replace): Change => ({
  kind: 'createTrigger', trigger, replace, ...concernField(review && 'changes behaviour'), ...originField(trigger.origin),
});


/** How a trigger fires, changed in place: no drop, but whether it runs on writes changes behaviour. */
export const setTriggerFiring = (trigger: TriggerDef): Change => ({
  kind: 'setTriggerFiring', trigger, concern: 'changes behaviour', ...originField(trigger.origin),
});
