import type { HistoryRef } from '../model/history.js';
import type {
  ColumnDef, ConstraintDef, EnumDef, ExtensionDef, FunctionDef, IndexDef, ObjectKind, QualifiedName, SchemaDef, SequenceDef,
  TableDef, TriggerDef, ViewDef,
} from '../model/objects.js';
import type { Origin } from '../model/origin.js';
import { assertNever, type Change, type Hazard, type TableRef } from './change.js';
import type { DropReason } from '../kinds/drop/drop-change.js';
import type { TypeStep } from './retype-path.js';
import { typeChangeOf } from './type-change.js';

/** `{ origin }` when there is one, so changes never carry an explicit `origin: undefined`. */
export const originField = (origin: Origin | undefined): { origin?: Origin } => (origin ? { origin } : {});

const tableRef = (t: QualifiedName): TableRef => ({ schema: t.schema, name: t.name });

/** A default that calls nextval() (serial, explicit sequences) is volatile: ADD COLUMN with it rewrites the table. */
export const volatileDefault = (c: ColumnDef): boolean => c.default !== undefined && /\bnextval\s*\(/i.test(c.default);

/** CREATE SCHEMA: additive. */
export const createSchema = (schema: SchemaDef): Change => ({ kind: 'createSchema', schema, safety: 'safe', hazards: [], ...originField(schema.origin) });

/** CREATE EXTENSION: additive. */
export const createExtension = (extension: ExtensionDef): Change => ({
  kind: 'createExtension', extension, safety: 'safe', hazards: [], ...originField(extension.origin),
});

/** CREATE TYPE .. AS ENUM: additive. */
export const createEnum = (e: EnumDef): Change => ({ kind: 'createEnum', enum: e, safety: 'safe', hazards: [], ...originField(e.origin) });

/** ALTER TYPE .. ADD VALUE: additive (PostgreSQL only ever adds labels). */
export const addEnumValue = (e: EnumDef, value: string, neighbor: { value: string; after: boolean } | undefined): Change => ({
  kind: 'addEnumValue', enum: { schema: e.schema, name: e.name }, value, ...(neighbor ? { neighbor } : {}),
  safety: 'safe', hazards: [], ...originField(e.origin),
});

/** CREATE SEQUENCE: additive. */
export const createSequence = (sequence: SequenceDef): Change => ({
  kind: 'createSequence', sequence, safety: 'safe', hazards: [], ...originField(sequence.origin),
});

/** ALTER SEQUENCE: review on a sequence in use (bounds and restarts affect the next values); safe on one just created. */
export const alterSequence = (sequence: SequenceDef, live: SequenceDef, isNew: boolean): Change => ({
  kind: 'alterSequence', sequence, live, safety: isNew ? 'safe' : 'review', hazards: [], ...originField(sequence.origin),
});

/** CREATE TABLE with its columns and non-FK constraints: additive. */
export const createTable = (table: TableDef): Change => ({ kind: 'createTable', table, safety: 'safe', hazards: [], ...originField(table.origin) });

/** Storage options (fillfactor, autovacuum_*): they apply to future writes, nothing is rewritten. */
export const setTableOptions = (table: TableDef, live: TableDef, origin: Origin | undefined): Change => {
  const name = (o: string): string => o.slice(0, o.indexOf('='));
  return {
    kind: 'setTableOptions', table: tableRef(table), options: table.options ?? [], reset: (live.options ?? []).map(name),
    safety: 'safe', hazards: [], ...originField(origin),
  };
};

/** SET LOGGED / SET UNLOGGED: PostgreSQL rewrites the table (and its indexes) under an exclusive lock. */
export const setLogged = (table: TableDef, origin: Origin | undefined): Change => ({
  kind: 'setLogged', table: tableRef(table), unlogged: table.unlogged,
  safety: 'review', hazards: ['table rewrite', 'access exclusive lock'], ...originField(origin),
});

/**
 * ADD COLUMN on an existing table. Nullable or defaulted columns are instant (PostgreSQL 11+
 * stores a constant default in the catalog); NOT NULL without a default fails on a non-empty
 * table; identity, stored generated and nextval() defaults compute a value per row: a rewrite.
 */
export function addColumn(table: QualifiedName, column: ColumnDef, origin: Origin | undefined): Change {
  const base = { kind: 'addColumn', table: tableRef(table), column, ...originField(column.origin ?? origin) } as const;
  if (column.identity || column.generated !== undefined || volatileDefault(column)) {
    return { ...base, safety: 'review', hazards: ['table rewrite', 'access exclusive lock'] };
  }
  if (column.notNull && column.default === undefined) return { ...base, safety: 'review', hazards: ['may fail on existing data'] };
  return { ...base, safety: 'safe', hazards: [] };
}

/**
 * ALTER COLUMN TYPE / COLLATE. A narrowing (shorter varchar, lower numeric scale, bigint ->
 * integer) fails on or rounds existing values: destructive, opt-in. A binary-coercible widening
 * (varchar(3) -> varchar(8), varchar -> text) only relabels the column: safe. Anything else,
 * and any step with a USING expression, rewrites the table and may fail: review.
 */
export function alterColumnType(table: QualifiedName, column: ColumnDef, from: string, steps: readonly TypeStep[], origin: Origin | undefined): Change {
  const base = { kind: 'alterColumnType', table: tableRef(table), column, from, steps, ...originField(column.origin ?? origin) } as const;
  switch (typeChangeOf(from, column.type, steps)) {
    case 'narrow':
      return { ...base, safety: 'destructive', hazards: ['data loss', 'may fail on existing data', 'table rewrite', 'access exclusive lock'] };
    case 'widen':
      return { ...base, safety: 'safe', hazards: ['access exclusive lock'] };
    case 'convert':
      return { ...base, safety: 'review', hazards: ['table rewrite', 'access exclusive lock', 'may fail on existing data'] };
  }
}

/** SET/DROP DEFAULT: adding one where none was is additive; changing or removing one changes what inserts get. */
export function setDefault(table: QualifiedName, column: ColumnDef, from: string | undefined, origin: Origin | undefined): Change {
  const to = column.default;
  return {
    kind: 'setDefault', table: tableRef(table), column: column.name, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}),
    ...(to !== undefined && column.defaultSql !== undefined ? { toSql: column.defaultSql } : {}),
    safety: from === undefined ? 'safe' : 'review', hazards: [], ...originField(column.origin ?? origin),
  };
}

/** SET NOT NULL scans the whole table and fails on a NULL; DROP NOT NULL is catalog-only. */
export function setNotNull(table: QualifiedName, column: ColumnDef, origin: Origin | undefined): Change {
  const base = { kind: 'setNotNull', table: tableRef(table), column: column.name, notNull: column.notNull, ...originField(column.origin ?? origin) } as const;
  return column.notNull ? { ...base, safety: 'review', hazards: ['full table scan', 'may fail on existing data'] } : { ...base, safety: 'safe', hazards: [] };
}

/** ADD/SET/DROP IDENTITY: changes how the column gets its values. */
export const alterIdentity = (table: QualifiedName, column: ColumnDef, live: ColumnDef, origin: Origin | undefined): Change => ({
  kind: 'alterIdentity', table: tableRef(table), column, live, safety: 'review', hazards: [], ...originField(column.origin ?? origin),
});

/**
 * A generated expression PostgreSQL cannot change in place (before 17): drop and re-add the
 * column. Turning a plain column into a generated one replaces its stored values.
 */
export function setGenerated(table: QualifiedName, column: ColumnDef, live: ColumnDef, origin: Origin | undefined): Change {
  const hazards: Hazard[] = live.generated === undefined ? ['data loss', 'table rewrite', 'access exclusive lock'] : ['table rewrite', 'access exclusive lock'];
  return { kind: 'setGenerated', table: tableRef(table), column, live, safety: 'destructive', hazards, ...originField(column.origin ?? origin) };
}

/**
 * ADD CONSTRAINT. On a new table: additive. On an existing one PK/UNIQUE/EXCLUDE build an index
 * under an exclusive lock and FK/CHECK scan the table; all may fail on existing rows, except a
 * NOT VALID FK/CHECK, which checks only new rows.
 */
export function addConstraint(table: QualifiedName, constraint: ConstraintDef, newTable: boolean, origin: Origin | undefined): Change {
  const base = { kind: 'addConstraint', table: tableRef(table), constraint, newTable, ...originField(constraint.origin ?? origin) } as const;
  if (newTable) return { ...base, safety: 'safe', hazards: [] };
  switch (constraint.type) {
    case 'primary key':
    case 'unique':
    case 'exclude':
      return { ...base, safety: 'review', hazards: ['full table scan', 'access exclusive lock', 'may fail on existing data'] };
    case 'foreign key':
    case 'check':
      return constraint.validated
        ? { ...base, safety: 'review', hazards: ['full table scan', 'may fail on existing data'] }
        : { ...base, safety: 'safe', hazards: [] };
    default:
      return assertNever(constraint, 'constraint type');
  }
}

/** VALIDATE CONSTRAINT: scans the table (under a weak lock) and fails on a violating row. */
export const validateConstraint = (table: QualifiedName, constraint: ConstraintDef, origin: Origin | undefined): Change => ({
  kind: 'validateConstraint', table: tableRef(table), constraint: constraint.name,
  safety: 'review', hazards: ['full table scan', 'may fail on existing data'], ...originField(constraint.origin ?? origin),
});

/**
 * CREATE INDEX. On an existing table it blocks writes while it builds (unless the planner uses
 * CONCURRENTLY), and a UNIQUE one fails on duplicates already there; `replace` marks a rebuild.
 */
export function createIndex(index: IndexDef, newTable: boolean, replace = false): Change {
  const base = { kind: 'createIndex', index, newTable, ...originField(index.origin) } as const;
  if (newTable) return { ...base, safety: 'safe', hazards: [] };
  if (index.unique) return { ...base, safety: 'review', hazards: ['blocks writes while building', 'may fail on existing data'] };
  return { ...base, safety: replace ? 'review' : 'safe', hazards: ['blocks writes while building'] };
}

/** CREATE [OR REPLACE] VIEW: new views are additive; replacing one changes what readers see. */
export const createView = (view: ViewDef, replace: boolean, review = replace): Change => ({
  kind: 'createView', view, replace, safety: review ? 'review' : 'safe', hazards: [], ...originField(view.origin),
});

/** CREATE [OR REPLACE] FUNCTION: new functions are additive; replacing one changes behaviour. */
export const createFunction = (fn: FunctionDef, replace: boolean, review = replace): Change => ({
  kind: 'createFunction', function: fn, replace, safety: review ? 'review' : 'safe', hazards: [], ...originField(fn.origin),
});

/** CREATE [OR REPLACE] TRIGGER: new triggers are additive; replacing one changes behaviour. */
export const createTrigger = (trigger: TriggerDef, replace: boolean, review = replace): Change => ({
  kind: 'createTrigger', trigger, replace, safety: review ? 'review' : 'safe', hazards: [], ...originField(trigger.origin),
});

/** The COMMENT ON change. */
export type SetCommentChange = Extract<Change, { kind: 'setComment' }>;

/** COMMENT ON: metadata only (`null` removes the comment). */
export const setComment = (object: ObjectKind, ref: HistoryRef, comment: string | null, origin: Origin | undefined, args?: string): SetCommentChange => ({
  kind: 'setComment', object, ref, ...(args !== undefined ? { args } : {}), comment, safety: 'safe', hazards: [], ...originField(origin),
});

/** ALTER .. RENAME (or SET SCHEMA): keeps the data, but anything using the old name breaks. */
export const rename = (object: ObjectKind, from: HistoryRef, to: HistoryRef, origin: Origin | undefined): Change => ({
  kind: 'rename', object, from, to, safety: 'review', hazards: [], ...originField(origin),
});

/**
 * DROP. A drop made to rebuild a changed object (`replace`) is followed by its re-creation:
 * review. So is a history drop of a constraint or an index: it loses no rows (and a database far
 * behind often must drop an old primary key before the history's new one can be added). Other
 * history drops are destructive (tables and columns take their rows with them).
 */
export function drop(object: ObjectKind, ref: HistoryRef, reason: DropReason, origin: Origin | undefined, args?: string, differ?: readonly string[]): Change {
  const base = { kind: 'drop', object, ref, ...(args !== undefined ? { args } : {}), reason, ...(differ?.length ? { differs: differ } : {}), ...originField(origin) } as const;
  if (reason === 'replace' || losesNoRows(object)) return { ...base, safety: 'review', hazards: [] };
  return { ...base, safety: 'destructive', hazards: object === 'table' || object === 'column' ? ['data loss'] : [] };
}

/** Object kinds whose drop keeps every row (PostgreSQL rebuilds an index from the table). */
export function losesNoRows(object: ObjectKind): boolean {
  return object === 'constraint' || object === 'index';
}
