import type { Change } from '../../diff/change.js';
import { concernField, originField } from '../../diff/make-change.js';
import type { TriggerDef } from '../../model/objects.js';

/** The changes the trigger kind emits. */
export type TriggerChange = { readonly kind: 'createTrigger'; readonly trigger: TriggerDef; readonly replace: boolean };

/** CREATE [OR REPLACE] TRIGGER: new triggers are additive; replacing one changes behaviour. */
export const createTrigger = (trigger: TriggerDef, replace: boolean, review = replace): Change => ({
  kind: 'createTrigger', trigger, replace, ...concernField(review && 'changes behaviour'), ...originField(trigger.origin),
});

