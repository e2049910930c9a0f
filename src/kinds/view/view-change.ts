import type { Change } from '../../diff/change.js';
import { concernField, originField } from '../../diff/make-change.js';
import type { ViewDef } from '../../model/objects.js';

/**
 * The changes the view kind emits (views and materialized views): `replace` is CREATE OR
 * REPLACE VIEW; `rebuilt` a creation after the live view was dropped to be created again.
 */
export type ViewChange = { readonly kind: 'createView'; readonly view: ViewDef; readonly replace: boolean; readonly rebuilt?: boolean };

/**
 * CREATE [OR REPLACE] VIEW: new views are additive; replacing one changes what readers see. A
 * view created again after its drop (`rebuilt`) is reviewed too (a materialized one runs its
 * query again: see createViewActions).
 */
export const createView = (view: ViewDef, replace: boolean, rebuilt = false): Change => ({
  kind: 'createView', view, replace, ...(rebuilt ? { rebuilt } : {}), ...concernField((replace || rebuilt) && 'changes behaviour'), ...originField(view.origin),
});
