import type { TableRef } from '../../diff/change.js';
import type { TableDef } from '../../model/objects.js';

/** The changes the table kind emits (its columns and constraints are kinds of their own). */
export type TableChange =
  | { readonly kind: 'createTable'; readonly table: TableDef }
  /** ALTER TABLE RESET (`reset` names) then SET (`options`, the target's, in order). */
  | { readonly kind: 'setTableOptions'; readonly table: TableRef; readonly options: readonly string[]; readonly reset: readonly string[] }
  /** ALTER TABLE SET LOGGED / SET UNLOGGED: `unlogged` is the target persistence. */
  | { readonly kind: 'setLogged'; readonly table: TableRef; readonly unlogged: boolean };
