import type { Change } from '../../diff/change.js';
import { originField } from '../../diff/make-change.js';
import type { SchemaDef } from '../../model/objects.js';

/** The changes the schema kind emits. */
export type SchemaChange = { readonly kind: 'createSchema'; readonly schema: SchemaDef };

/** CREATE SCHEMA: additive. */
export const createSchema = (schema: SchemaDef): Change => ({ kind: 'createSchema', schema, ...originField(schema.origin) });

