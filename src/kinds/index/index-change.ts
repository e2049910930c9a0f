import type { IndexDef } from '../../model/objects.js';

/** The changes the index kind emits. */
export type IndexChange = { readonly kind: 'createIndex'; readonly index: IndexDef; readonly newTable: boolean };
