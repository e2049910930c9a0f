import type { TableRef } from '../../diff/change.js';
import type { ConstraintDef } from '../../model/objects.js';

/** The changes the constraint kind emits. */
export type ConstraintChange =
  | { readonly kind: 'addConstraint'; readonly table: TableRef; readonly constraint: ConstraintDef; readonly newTable: boolean }
  | { readonly kind: 'validateConstraint'; readonly table: TableRef; readonly constraint: string };
