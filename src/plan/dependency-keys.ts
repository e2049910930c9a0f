import { objectSpecs } from '../kinds/kind-lookup.js';
import type { HistoryRef } from '../model/history.js';
import { qualify, quoteIdent, quoteLiteral, type QualifiedName } from '../model/names.js';
import type { ObjectKind } from '../model/objects.js';

/**
 * A name for something a planned action creates or needs (`relation public.users`,
 * `column public.users.email`): ordering joins actions whose keys meet. Tables, views, sequences
 * and indexes share one `relation` namespace because PostgreSQL keeps them all in pg_class.
 */
export type DepKey = string;

/** Key of a schema. */
export function schemaDep(name: string): DepKey {
  return `schema ${quoteIdent(name)}`;
}

/** Key of an extension. */
export function extensionDep(name: string): DepKey {
  return `extension ${quoteIdent(name)}`;
}

/** Key of a table, view, materialized view, sequence or index (one pg_class namespace). */
export function relationDep(rel: QualifiedName): DepKey {
  return `relation ${qualify(rel)}`;
}

/** Key of a type (enum or domain: they share pg_type's name space). */
export function typeDep(type: QualifiedName): DepKey {
  return `type ${qualify(type)}`;
}

/** Key of every overload of a function name: what expressions, triggers and comments can point at. */
export function functionDep(fn: QualifiedName): DepKey {
  return `function ${qualify(fn)}`;
}

/** Key of one overload (name plus identity argument types). */
export function routineDep(fn: QualifiedName, identityArgs: string): DepKey {
  return `routine ${qualify(fn)}(${identityArgs})`;
}

/** Key of a table column. */
export function columnDep(table: QualifiedName, column: string): DepKey {
  return `column ${qualify(table)}.${quoteIdent(column)}`;
}

/** Whether a key names a table column (see {@link columnDep}). */
export function isColumnDep(key: DepKey): boolean {
  return key.startsWith('column ');
}

/** Key of a table constraint (names are unique per table). */
export function constraintDep(table: QualifiedName, name: string): DepKey {
  return `constraint ${qualify(table)}.${quoteIdent(name)}`;
}

/** Key of a trigger (names are unique per table). */
export function triggerDep(table: QualifiedName, name: string): DepKey {
  return `trigger ${qualify(table)}.${quoteIdent(name)}`;
}

/**
 * Key of an object named per table (or per type) in a name space of its own, `space` naming it
 * (`policy public.t.p`): what a kind without a key helper of its own uses.
 */
export function partOfDep(space: string, parent: QualifiedName, name: string): DepKey {
  return `${space} ${qualify(parent)}.${quoteIdent(name)}`;
}

/** Key of an object in a name space of its own whose name the model spells (`operator public.===(integer, integer)`: operatorKey). */
export function textDep(space: string, text: string): DepKey {
  return `${space} ${text}`;
}

/** Key of a schema-level object in a name space of its own, `space` naming it (`collation public.c`). */
export function namedDep(space: string, name: QualifiedName): DepKey {
  return `${space} ${qualify(name)}`;
}

/** Key of one enum label. */
export function enumValueDep(type: QualifiedName, value: string): DepKey {
  return `enum value ${qualify(type)} ${quoteLiteral(value)}`;
}

/**
 * Key of "a unique key of this table": foreign keys need the referenced PRIMARY KEY, UNIQUE
 * constraint or unique index to exist first, and must go before it when both are dropped.
 */
export function uniqueKeysDep(table: QualifiedName): DepKey {
  return `unique keys of ${qualify(table)}`;
}

/** Key meaning "`key` is no longer taken": provided by drops and renames, needed by re-creations. */
export function freeDep(key: DepKey): DepKey {
  return `free ${key}`;
}

/**
 * Key of an object named the way history events and comments name it: sub-objects (columns,
 * constraints, triggers, enum values) by `parent`; functions by name, or by overload with `args`.
 * Each kind's ObjectSpec picks the key helper above that fits it.
 */
export function objectDep(object: ObjectKind, ref: HistoryRef, args?: string): DepKey {
  return objectSpecs()[object].dep(ref, args);
}

/** Whether a key names an object (a slot a drop or rename frees), rather than a fact like "has a unique key". */
export function isNameDep(key: DepKey): boolean {
  return !key.startsWith('free ') && !key.startsWith('unique keys of ');
}

/** Whether a key is a `free` key. */
export function isFreeDep(key: DepKey): boolean {
  return key.startsWith('free ');
}
