import type { HistoryRef } from '../model/history.js';
import type {
  CheckConstraint, ColumnDef, ConstraintDef, EnumDef, ExtensionDef, FunctionDef, IndexDef, ObjectKind, QualifiedName, SchemaDef, SequenceDef,
  TableDef, TriggerDef, ViewDef,
} from '../model/objects.js';
import type { Origin } from '../model/origin.js';
import type { Change, Concern, TableRef } from './change.js';
import type { DropReason } from '../kinds/drop/drop-change.js';
import type { TypeStep } from './retype-path.js';

/** `{ origin }` when there is one, so changes never carry an explicit `origin: undefined`. */
export const originField = (origin: Origin | undefined): { origin?: Origin } => (origin ? { origin } : {});

const tableRef = (t: QualifiedName): TableRef => ({ schema: t.schema, name: t.name });

/** A default that calls nextval() (serial, explicit sequences) is volatile: ADD COLUMN with it rewrites the table. */
export const volatileDefault = (c: ColumnDef): boolean => c.default !== undefined && /\bnextval\s*\(/i.test(c.default);

/** `{ concern }` when the change has one (see Concern). */
const concernField = (concern: Concern | undefined | false): { concern?: Concern } => (concern ? { concern } : {});

/** CREATE SCHEMA: additive. */
export const createSchema = (schema: SchemaDef): Change => ({ kind: 'createSchema', schema, ...originField(schema.origin) });

/** CREATE EXTENSION: additive. */
export const createExtension = (extension: ExtensionDef): Change => ({
  kind: 'createExtension', extension, ...originField(extension.origin),
});

/** CREATE TYPE .. AS ENUM: additive. */
export const createEnum = (e: EnumDef): Change => ({ kind: 'createEnum', enum: e, ...originField(e.origin) });

/** ALTER TYPE .. ADD VALUE: additive (PostgreSQL only ever adds labels). */
export const addEnumValue = (e: EnumDef, value: string, neighbor: { value: string; after: boolean } | undefined): Change => ({
  kind: 'addEnumValue', enum: { schema: e.schema, name: e.name }, value, ...(neighbor ? { neighbor } : {}), ...originField(e.origin),
});

/** CREATE SEQUENCE: additive. */
export const createSequence = (sequence: SequenceDef): Change => ({
  kind: 'createSequence', sequence, ...originField(sequence.origin),
});

/** ALTER SEQUENCE: changes behaviour of a sequence in use (bounds and restarts affect the next values); not of one just created. */
export const alterSequence = (sequence: SequenceDef, live: SequenceDef, isNew: boolean): Change => ({
  kind: 'alterSequence', sequence, live, ...concernField(!isNew && 'changes behaviour'), ...originField(sequence.origin),
});

/** CREATE TABLE with its columns and non-FK constraints: additive. */
export const createTable = (table: TableDef): Change => ({ kind: 'createTable', table, ...originField(table.origin) });

/** Storage options (fillfactor, autovacuum_*): they apply to future writes, nothing is rewritten. */
export const setTableOptions = (table: TableDef, live: TableDef, origin: Origin | undefined): Change => {
  const name = (o: string): string => o.slice(0, o.indexOf('='));
  return {
    kind: 'setTableOptions', table: tableRef(table), options: table.options ?? [], reset: (live.options ?? []).map(name), ...originField(origin),
  };
};

/**
 * ATTACH PARTITION: its statements say what PostgreSQL does (a scan of the table to check every
 * row fits the bound, unless a CHECK already proves it, and of the default partition, under an
 * ACCESS EXCLUSIVE lock on the table; it fails on a row that does not fit).
 */
export const attachPartition = (table: TableDef, checks: readonly CheckConstraint[], origin: Origin | undefined): Change => ({
  kind: 'attachPartition', table: tableRef(table), parent: tableRef(table.partitionOf!.parent), bound: table.partitionOf!.bound, checks, ...originField(origin),
});

/** DETACH PARTITION: catalog only, but the table's rows leave the partitioned table's queries (review). */
export const detachPartition = (table: QualifiedName, parent: QualifiedName, origin: Origin | undefined): Change => ({
  kind: 'detachPartition', table: tableRef(table), parent: tableRef(parent), ...concernField('changes behaviour'), ...originField(origin),
});

/** SET LOGGED / SET UNLOGGED (PostgreSQL rewrites the table and its indexes; its statement says so). */
export const setLogged = (table: TableDef, origin: Origin | undefined): Change => ({
  kind: 'setLogged', table: tableRef(table), unlogged: table.unlogged, ...originField(origin),
});

/**
 * ADD COLUMN on an existing table (its statement says what PostgreSQL does: catalog-only for a
 * nullable or constant-defaulted column, a rewrite for identity, stored generated and nextval()
 * defaults, a failure on a non-empty table for NOT NULL without a default).
 */
export const addColumn = (table: QualifiedName, column: ColumnDef, origin: Origin | undefined): Change => ({
  kind: 'addColumn', table: tableRef(table), column, ...originField(column.origin ?? origin),
});

/**
 * ALTER COLUMN TYPE / COLLATE along the history's steps. Its statements carry the risk: a
 * binary-coercible widening (varchar(3) -> varchar(8), varchar -> text) only relabels the column,
 * a conversion rewrites and may fail, a narrowing also loses data (see column-actions.ts).
 */
export const alterColumnType = (table: QualifiedName, column: ColumnDef, from: string, steps: readonly TypeStep[], origin: Origin | undefined): Change => ({
  kind: 'alterColumnType', table: tableRef(table), column, from, steps, ...originField(column.origin ?? origin),
});

/** SET/DROP DEFAULT: adding one where none was is additive; changing or removing one changes what inserts get. */
export function setDefault(table: QualifiedName, column: ColumnDef, from: string | undefined, origin: Origin | undefined): Change {
  const to = column.default;
  return {
    kind: 'setDefault', table: tableRef(table), column: column.name, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}),
    ...(to !== undefined && column.defaultSql !== undefined ? { toSql: column.defaultSql } : {}),
    ...concernField(from !== undefined && 'changes behaviour'), ...originField(column.origin ?? origin),
  };
}

/** SET NOT NULL (its statement scans the table and may fail on a NULL) or DROP NOT NULL (catalog-only). */
export const setNotNull = (table: QualifiedName, column: ColumnDef, origin: Origin | undefined): Change => ({
  kind: 'setNotNull', table: tableRef(table), column: column.name, notNull: column.notNull, ...originField(column.origin ?? origin),
});

/** ADD/SET/DROP IDENTITY: changes how the column gets its values. */
export const alterIdentity = (table: QualifiedName, column: ColumnDef, live: ColumnDef, origin: Origin | undefined): Change => ({
  kind: 'alterIdentity', table: tableRef(table), column, live, concern: 'changes behaviour', ...originField(column.origin ?? origin),
});

/**
 * A generated expression PostgreSQL cannot change in place (before 17): drop and re-add the
 * column, which recomputes it; turning a plain column into a generated one replaces its stored
 * values (its statement loses data). Either way what the column holds changes.
 */
export const setGenerated = (table: QualifiedName, column: ColumnDef, live: ColumnDef, origin: Origin | undefined): Change => ({
  kind: 'setGenerated', table: tableRef(table), column, live, concern: 'changes behaviour', ...originField(column.origin ?? origin),
});

/**
 * ADD CONSTRAINT. Its statements carry the risk: on a new table nothing; on an existing one
 * PK/UNIQUE/EXCLUDE build an index under ACCESS EXCLUSIVE, FK/CHECK are validated in a scan, all
 * may fail on existing rows, except a NOT VALID FK/CHECK, which checks only new rows.
 */
export const addConstraint = (table: QualifiedName, constraint: ConstraintDef, newTable: boolean, origin: Origin | undefined): Change => ({
  kind: 'addConstraint', table: tableRef(table), constraint, newTable, ...originField(constraint.origin ?? origin),
});

/** VALIDATE CONSTRAINT (its statement scans under SHARE UPDATE EXCLUSIVE and may fail on a violating row). */
export const validateConstraint = (table: QualifiedName, constraint: ConstraintDef, origin: Origin | undefined): Change => ({
  kind: 'validateConstraint', table: tableRef(table), constraint: constraint.name, ...originField(constraint.origin ?? origin),
});

/**
 * CREATE INDEX. Its statement carries the risk the planner chose (a plain build blocks writes,
 * CONCURRENTLY runs outside the transaction, UNIQUE may fail); `replace` marks a rebuild of a
 * live index, which changes the queries it serves.
 */
export const createIndex = (index: IndexDef, newTable: boolean, replace = false): Change => ({
  kind: 'createIndex', index, newTable, ...concernField(replace && 'changes behaviour'), ...originField(index.origin),
});

/**
 * CREATE [OR REPLACE] VIEW: new views are additive; replacing one changes what readers see. A
 * view created again after its drop (`rebuilt`) is reviewed too (a materialized one runs its
 * query again: see createViewActions).
 */
export const createView = (view: ViewDef, replace: boolean, rebuilt = false): Change => ({
  kind: 'createView', view, replace, ...(rebuilt ? { rebuilt } : {}), ...concernField((replace || rebuilt) && 'changes behaviour'), ...originField(view.origin),
});

/** CREATE [OR REPLACE] FUNCTION: new functions are additive; replacing one changes behaviour. */
export const createFunction = (fn: FunctionDef, replace: boolean, review = replace): Change => ({
  kind: 'createFunction', function: fn, replace, ...concernField(review && 'changes behaviour'), ...originField(fn.origin),
});

/** CREATE [OR REPLACE] TRIGGER: new triggers are additive; replacing one changes behaviour. */
export const createTrigger = (trigger: TriggerDef, replace: boolean, review = replace): Change => ({
  kind: 'createTrigger', trigger, replace, ...concernField(review && 'changes behaviour'), ...originField(trigger.origin),
});

/** The COMMENT ON change. */
export type SetCommentChange = Extract<Change, { kind: 'setComment' }>;

/** COMMENT ON: metadata only (`null` removes the comment). */
export const setComment = (object: ObjectKind, ref: HistoryRef, comment: string | null, origin: Origin | undefined, args?: string): SetCommentChange => ({
  kind: 'setComment', object, ref, ...(args !== undefined ? { args } : {}), comment, ...originField(origin),
});

/** ALTER .. RENAME (or SET SCHEMA): keeps the data, but anything using the old name breaks. */
export const rename = (object: ObjectKind, from: HistoryRef, to: HistoryRef, origin: Origin | undefined): Change => ({
  kind: 'rename', object, from, to, concern: 'changes behaviour', ...originField(origin),
});

/**
 * DROP. A drop made to rebuild a changed object (`replace`) is followed by its re-creation, and
 * a history drop of a constraint or an index loses no rows (a database far behind often must
 * drop an old primary key before the history's new one can be added): they change behaviour.
 * Other history drops remove an object. A table's or column's DROP statement loses data itself
 * (a replaced column's old generation included), which makes the change destructive.
 */
export function drop(object: ObjectKind, ref: HistoryRef, reason: DropReason, origin: Origin | undefined, args?: string, differ?: readonly string[]): Change {
  return {
    kind: 'drop', object, ref, ...(args !== undefined ? { args } : {}), reason, ...(differ?.length ? { differs: differ } : {}),
    concern: reason === 'replace' || losesNoRows(object) ? 'changes behaviour' : 'removes an object', ...originField(origin),
  };
}

/** Object kinds whose drop keeps every row (PostgreSQL rebuilds an index from the table). */
export function losesNoRows(object: ObjectKind): boolean {
  return object === 'constraint' || object === 'index';
}
