import type { TableRef } from '../../diff/change.js';
import type { TypeStep } from '../../diff/retype-path.js';
import type { ColumnDef } from '../../model/objects.js';

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
