import type { SchemaDef } from '../../model/objects.js';

/** The changes the schema kind emits. */
export type SchemaChange = { readonly kind: 'createSchema'; readonly schema: SchemaDef };
