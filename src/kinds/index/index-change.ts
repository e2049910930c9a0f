import type { Change } from '../../diff/change.js';
import { concernField, originField } from '../../diff/make-change.js';
import type { IndexDef } from '../../model/objects.js';

/** The changes the index kind emits. */
export type IndexChange = { readonly kind: 'createIndex'; readonly index: IndexDef; readonly newTable: boolean };

/**
 * CREATE INDEX. Its statement carries the risk the planner chose (a plain build blocks writes,
 * CONCURRENTLY runs outside the transaction, UNIQUE may fail); `replace` marks a rebuild of a
 * live index, which changes the queries it serves.
 */
export const createIndex = (index: IndexDef, newTable: boolean, replace = false): Change => ({
  kind: 'createIndex', index, newTable, ...concernField(replace && 'changes behaviour'), ...originField(index.origin),
});

