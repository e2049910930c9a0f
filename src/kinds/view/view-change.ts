import type { ViewDef } from '../../model/objects.js';

/**
 * The changes the view kind emits (views and materialized views): `replace` is CREATE OR
 * REPLACE VIEW; `rebuilt` a creation after the live view was dropped to be created again.
 */
export type ViewChange = { readonly kind: 'createView'; readonly view: ViewDef; readonly replace: boolean; readonly rebuilt?: boolean };
