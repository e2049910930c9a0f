import type { Change } from '../../diff/change.js';
import { concernField, originField } from '../../diff/make-change.js';
import type { FunctionDef } from '../../model/objects.js';

/** The changes the function kind emits (functions and procedures). */
export type FunctionChange = { readonly kind: 'createFunction'; readonly function: FunctionDef; readonly replace: boolean };

/** CREATE [OR REPLACE] FUNCTION: new functions are additive; replacing one changes behaviour. */
export const createFunction = (fn: FunctionDef, replace: boolean, review = replace): Change => ({
  kind: 'createFunction', function: fn, replace, ...concernField(review && 'changes behaviour'), ...originField(fn.origin),
});

