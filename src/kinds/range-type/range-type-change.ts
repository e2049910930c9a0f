import type { RangeTypeDef } from '../../model/objects.js';

/**
 * The change the range type kind emits: CREATE TYPE .. AS RANGE. PostgreSQL cannot alter a range
 * type's definition: a different one is a drop (the shared change) and this creation.
 */
export type RangeTypeChange = { readonly kind: 'createRangeType'; readonly range: RangeTypeDef };
