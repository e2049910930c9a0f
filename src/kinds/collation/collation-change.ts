import type { CollationDef } from '../../model/objects.js';

/** The change the collation kind emits: CREATE COLLATION (renames and drops use the shared changes). */
export type CollationChange = { readonly kind: 'createCollation'; readonly collation: CollationDef };
