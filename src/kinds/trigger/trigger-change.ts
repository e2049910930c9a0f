import type { TriggerDef } from '../../model/objects.js';

/** The changes the trigger kind emits. */
export type TriggerChange = { readonly kind: 'createTrigger'; readonly trigger: TriggerDef; readonly replace: boolean };
