import type { FunctionDef } from '../../model/objects.js';

/** The changes the function kind emits (functions and procedures). */
export type FunctionChange = { readonly kind: 'createFunction'; readonly function: FunctionDef; readonly replace: boolean };
