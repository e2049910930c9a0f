import { assertNever } from '../diff/change.js';
import type { HistoryRef } from '../model/history.js';
import { qualify, quoteIdent, quoteLiteral, type QualifiedName } from '../model/names.js';
import { operatorKey } from '../model/schema-state.js';
import { qualifyOperator } from '../model/names.js';
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

/** Key of a collation (its own name space per schema). */
export function collationDep(c: QualifiedName): DepKey {
  return `collation ${qualify(c)}`;
}

/** Key of every operator of a symbol in a schema: what expressions can point at. */
export function operatorNameDep(op: QualifiedName): DepKey {
  return `operators ${qualifyOperator(op)}`;
}

/** Key of one operator (symbol and operand types, see operatorArgs). */
export function operatorDep(op: QualifiedName, args: string): DepKey {
  return `operator ${operatorKey(op.schema, op.name, args)}`;
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

/** Key of a row-level security policy (names are unique per table). */
export function policyDep(table: QualifiedName, name: string): DepKey {
  return `policy ${qualify(table)}.${quoteIdent(name)}`;
}

/** Key of a rewrite rule (names are unique per relation). */
export function ruleDep(table: QualifiedName, name: string): DepKey {
  return `rule ${qualify(table)}.${quoteIdent(name)}`;
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
 */
export function objectDep(object: ObjectKind, ref: HistoryRef, args?: string): DepKey {
  const parent = { schema: ref.schema, name: ref.parent ?? '' };
  switch (object) {
    case 'schema':
      return schemaDep(ref.name);
    case 'extension':
      return extensionDep(ref.name);
    case 'table':
    case 'view':
    case 'materialized view':
    case 'sequence':
    case 'index':
      return relationDep(ref);
    case 'column':
    case 'attribute':
      return columnDep(parent, ref.name);
    case 'constraint':
      return constraintDep(parent, ref.name);
    case 'trigger':
      return triggerDep(parent, ref.name);
    case 'policy':
      return policyDep(parent, ref.name);
    case 'enum':
    case 'domain':
    case 'composite type':
    case 'range type':
      return typeDep(ref);
    case 'enum value':
      return enumValueDep(parent, ref.name);
    case 'function':
    case 'aggregate':
      return args !== undefined ? routineDep(ref, args) : functionDep(ref);
    case 'collation':
      return collationDep(ref);
    case 'operator':
      return args !== undefined ? operatorDep(ref, args) : operatorNameDep(ref);
    case 'rule':
      return ruleDep(parent, ref.name);
    default:
      return assertNever(object, 'object kind');
  }
}

/** Whether a key names an object (a slot a drop or rename frees), rather than a fact like "has a unique key". */
export function isNameDep(key: DepKey): boolean {
  return !key.startsWith('free ') && !key.startsWith('unique keys of ');
}

/** Whether a key is a `free` key. */
export function isFreeDep(key: DepKey): boolean {
  return key.startsWith('free ');
}
