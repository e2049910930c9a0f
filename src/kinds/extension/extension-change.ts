import type { Change } from '../../diff/change.js';
import { originField } from '../../diff/make-change.js';
import type { ExtensionDef } from '../../model/objects.js';

/** The changes the extension kind emits (drops are the generic `drop`). */
export type ExtensionChange =
  | { readonly kind: 'createExtension'; readonly extension: ExtensionDef }
  /** ALTER EXTENSION .. SET SCHEMA: the live extension is in `from`, the target's in `extension.schema`. */
  | { readonly kind: 'setExtensionSchema'; readonly extension: ExtensionDef & { readonly schema: string }; readonly from: string };

/** CREATE EXTENSION: additive. */
export const createExtension = (extension: ExtensionDef): Change => ({
  kind: 'createExtension', extension, ...originField(extension.origin),
});

/**
 * ALTER EXTENSION .. SET SCHEMA: review. It moves only the extension's own objects (catalog rows;
 * no table is locked or rewritten, and columns of its types keep their data, PostgreSQL holds the
 * types' OIDs), but queries that name its functions or types with the old schema, or find them
 * through a search_path that held it, stop finding them.
 */
export const setExtensionSchema = (extension: ExtensionDef, schema: string, from: string): Change => ({
  kind: 'setExtensionSchema', extension: { ...extension, schema }, from, concern: 'changes behaviour', ...originField(extension.origin),
});
