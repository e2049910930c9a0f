import type { Change, TableRef } from '../../diff/change.js';
import { concernField, originField, tableRef } from '../../diff/make-change.js';
import type { TypeStep } from './column-retypes.js';
import type { Origin } from '../../model/origin.js';
import type { ColumnDef, QualifiedName } from '../../model/objects.js';

/** The changes the column kind emits. */
export type ColumnChange =
  | { readonly kind: 'addColumn'; readonly table: TableRef; readonly column: ColumnDef }
  | {
      readonly kind: 'alterColumnType';
      readonly table: TableRef;
      readonly column: ColumnDef;
      readonly from: string;
      /** The `TYPE` statements to run, in order, with the history's USING (or the cast PostgreSQL needs: see usingCast); the last goes to `column.type`. */
      readonly steps: readonly TypeStep[];
    }
  | {
      readonly kind: 'setDefault'; readonly table: TableRef; readonly column: string; readonly from?: string; readonly to?: string;
      /** `to` as the migration wrote it, which is what runs (see ColumnDef.defaultSql). */
      readonly toSql?: string;
    }
  | { readonly kind: 'setNotNull'; readonly table: TableRef; readonly column: string; readonly notNull: boolean }
  | { readonly kind: 'alterIdentity'; readonly table: TableRef; readonly column: ColumnDef; readonly live: ColumnDef }
  | { readonly kind: 'setGenerated'; readonly table: TableRef; readonly column: ColumnDef; readonly live: ColumnDef };

/** A default that calls nextval() (serial, explicit sequences) is volatile: ADD COLUMN with it rewrites the table. */
export const volatileDefault = (c: ColumnDef): boolean => c.default !== undefined && /\bnextval\s*\(/i.test(c.default);

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

