import { qualify, quoteLiteral, type QualifiedName } from '../model/names.js';

/**
 * SQL boolean conditions over the system catalogs, for guarded statements. Names are compared
 * as string literals against pg_namespace/pg_class/... so any identifier (capitals, quotes,
 * non-ASCII) matches exactly; `to_regclass` is used where a missing table must read as "absent".
 */

export function regclass(table: QualifiedName): string {
  return `pg_catalog.to_regclass(${quoteLiteral(qualify(table))})`;
}

/** A schema exists. */
export function schemaExists(name: string): string {
  return `EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ${quoteLiteral(name)})`;
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

/** The enum type has this label. */
export function enumValueExists(type: QualifiedName, value: string): string {
  return (
    'EXISTS (SELECT 1 FROM pg_catalog.pg_enum e JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid' +
    ' JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace' +
    ` WHERE n.nspname = ${quoteLiteral(type.schema)} AND t.typname = ${quoteLiteral(type.name)}` +
    ` AND e.enumlabel = ${quoteLiteral(value)})`
  );
}

/**
 * The table has a constraint of this name. `strict`: the table must exist (`'t'::regclass`, an
 * error otherwise: right before ADD CONSTRAINT); else a missing table reads as "no constraint".
 */
export function constraintExists(table: QualifiedName, name: string, strict = false): string {
  const rel = strict ? `${quoteLiteral(qualify(table))}::pg_catalog.regclass` : regclass(table);
  return `EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = ${rel} AND conname = ${quoteLiteral(name)})`;
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

/** The table has a user-defined trigger of this name. */
export function triggerExists(table: QualifiedName, name: string): string {
  return (
    `EXISTS (SELECT 1 FROM pg_catalog.pg_trigger WHERE tgrelid = ${regclass(table)}` +
    ` AND tgname = ${quoteLiteral(name)} AND NOT tgisinternal)`
  );
}

/** A function or procedure of this name (any arguments) exists in the schema. */
export function routineExists(fn: QualifiedName): string {
  return (
    'EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace' +
    ` WHERE n.nspname = ${quoteLiteral(fn.schema)} AND p.proname = ${quoteLiteral(fn.name)})`
  );
}

/** The index exists but is invalid (left behind by a failed CREATE INDEX CONCURRENTLY). */
export function invalidIndexExists(index: QualifiedName): string {
  return `EXISTS (SELECT 1 FROM pg_catalog.pg_index WHERE indexrelid = ${regclass(index)} AND NOT indisvalid)`;
}

/**
 * The column already has this type (in the model's format_type spelling) and collation (quoted
 * name; undefined: the type's default). Built-in types are compared as format_type prints them,
 * typmod included; others by type OID when the text carries no typmod (format_type would qualify
 * them or not depending on search_path).
 */
export function columnHasType(table: QualifiedName, column: string, type: string, collation: string | undefined): string {
  const typeMatches = /\)(\[\])*$/.test(type)
    ? `pg_catalog.format_type(a.atttypid, a.atttypmod) = ${quoteLiteral(type)}`
    : `(pg_catalog.format_type(a.atttypid, a.atttypmod) = ${quoteLiteral(type)} OR (a.atttypid = pg_catalog.to_regtype(${quoteLiteral(type)}) AND a.atttypmod < 0))`;
  const collationMatches =
    collation !== undefined
      ? `a.attcollation = pg_catalog.to_regcollation(${quoteLiteral(collation)})`
      : 'a.attcollation = (SELECT t.typcollation FROM pg_catalog.pg_type t WHERE t.oid = a.atttypid)';
  return (
    `EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = ${regclass(table)} AND a.attname = ${quoteLiteral(column)}` +
    ` AND NOT a.attisdropped AND ${typeMatches} AND ${collationMatches})`
  );
}

/** The column is a stored generated column. */
export function generatedColumnExists(table: QualifiedName, column: string): string {
  return (
    `EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = ${regclass(table)}` +
    ` AND attname = ${quoteLiteral(column)} AND NOT attisdropped AND attgenerated = 's')`
  );
}
