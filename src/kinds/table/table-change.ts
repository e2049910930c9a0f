import type { TableRef } from '../../diff/change.js';
import type { CheckConstraint, QualifiedName, TableDef } from '../../model/objects.js';

/** The changes the table kind emits (its columns and constraints are kinds of their own). */
export type TableChange =
  | { readonly kind: 'createTable'; readonly table: TableDef }
  /** ALTER TABLE RESET (`reset` names) then SET (`options`, the target's, in order). */
  | { readonly kind: 'setTableOptions'; readonly table: TableRef; readonly options: readonly string[]; readonly reset: readonly string[] }
  /** ALTER TABLE SET LOGGED / SET UNLOGGED: `unlogged` is the target persistence. */
  | { readonly kind: 'setLogged'; readonly table: TableRef; readonly unlogged: boolean }
  /**
   * ALTER TABLE parent ATTACH PARTITION table FOR VALUES ...: `checks` are the parent's CHECKs the
   * table lacks, added first (PostgreSQL refuses a partition without them).
   */
  | { readonly kind: 'attachPartition'; readonly table: TableRef; readonly parent: QualifiedName; readonly bound: string; readonly checks: readonly CheckConstraint[] }
  /** ALTER TABLE parent DETACH PARTITION table (`parent` as the live database names it). */
  | { readonly kind: 'detachPartition'; readonly table: TableRef; readonly parent: QualifiedName };
