import { qualify, quoteLiteral, type QualifiedName } from '../model/names.js';

/**
 * SQL boolean conditions over the system catalogs, for guarded statements, that several kinds
 * (or the planner) share; a condition only one kind needs lives in its module (constraintExists
 * in kinds/constraint/constraint-actions.ts). Names are compared as string literals against
 * pg_namespace/pg_class/... so any identifier (capitals, quotes, non-ASCII) matches exactly;
 * `to_regclass` is used where a missing table must read as "absent".
 */

/** The table's OID, or NULL when it does not exist (to_regclass of its qualified name). */
export function regclass(table: QualifiedName): string {
  return `pg_catalog.to_regclass(${quoteLiteral(qualify(table))})`;
}

/** A relation (table, view, sequence, index) of this name exists in the schema. */
export function relationExists(rel: QualifiedName): string {
  return (
    'EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace' +
    ` WHERE n.nspname = ${quoteLiteral(rel.schema)} AND c.relname = ${quoteLiteral(rel.name)})`
  );
}

/** A type of this name exists in the schema. */
export function typeExists(type: QualifiedName): string {
  return (
    'EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace' +
    ` WHERE n.nspname = ${quoteLiteral(type.schema)} AND t.typname = ${quoteLiteral(type.name)})`
  );
}

/** The table has a (not dropped) column of this name. */
export function columnExists(table: QualifiedName, column: string): string {
  return (
    `EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = ${regclass(table)}` +
    ` AND attname = ${quoteLiteral(column)} AND attnum > 0 AND NOT attisdropped)`
  );
}

/** The column is an identity column. */
export function identityColumnExists(table: QualifiedName, column: string): string {
  return (
    `EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = ${regclass(table)}` +
    ` AND attname = ${quoteLiteral(column)} AND attidentity <> '')`
  );
}

/** A function or procedure of this name (any arguments) exists in the schema. */
export function routineExists(fn: QualifiedName): string {
  return (
    'EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace' +
    ` WHERE n.nspname = ${quoteLiteral(fn.schema)} AND p.proname = ${quoteLiteral(fn.name)})`
  );
}
