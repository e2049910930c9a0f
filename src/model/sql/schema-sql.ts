import { quoteIdent } from '../names.js';
import type { ExtensionDef, SchemaDef } from '../objects.js';

/** `CREATE SCHEMA name`; `public` exists in every fresh database, so callers usually skip it. */
export function createSchemaSql(schema: SchemaDef, opts: { ifNotExists?: boolean } = {}): string {
  return `CREATE SCHEMA ${opts.ifNotExists ? 'IF NOT EXISTS ' : ''}${quoteIdent(schema.name)}`;
}

/**
 * `CREATE EXTENSION name [WITH SCHEMA s]`. IF NOT EXISTS matters for dumps: `plpgsql` is
 * preinstalled in every database, so an introspected state lists it and a plain CREATE would fail.
 */
export function createExtensionSql(ext: ExtensionDef, opts: { ifNotExists?: boolean } = {}): string {
  const schema = ext.schema !== undefined ? ` WITH SCHEMA ${quoteIdent(ext.schema)}` : '';
  return `CREATE EXTENSION ${opts.ifNotExists ? 'IF NOT EXISTS ' : ''}${quoteIdent(ext.name)}${schema}`;
}

/** ALTER EXTENSION .. SET SCHEMA (PostgreSQL moves every member object with it). */
export function alterExtensionSchemaSql(name: string, schema: string): string {
  return `ALTER EXTENSION ${quoteIdent(name)} SET SCHEMA ${quoteIdent(schema)}`;
}
