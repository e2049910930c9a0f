import type { Change, TableRef } from '../../diff/change.js';
import { originField, tableRef } from '../../diff/make-change.js';
import type { Origin } from '../../model/origin.js';
import type { ConstraintDef, QualifiedName } from '../../model/objects.js';

/** The changes the constraint kind emits. */
export type ConstraintChange =
  | { readonly kind: 'addConstraint'; readonly table: TableRef; readonly constraint: ConstraintDef; readonly newTable: boolean }
  | { readonly kind: 'validateConstraint'; readonly table: TableRef; readonly constraint: string };

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

