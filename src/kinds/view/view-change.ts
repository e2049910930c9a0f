import type { ViewDef } from '../../model/objects.js';

/** The changes the view kind emits (views and materialized views). */
export type ViewChange = { readonly kind: 'createView'; readonly view: ViewDef; readonly replace: boolean };
