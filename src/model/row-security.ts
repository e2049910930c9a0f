import type { Mutable } from './mutable.js';
import type { TableDef } from './objects.js';

/**
 * The table with row-level security switched as given (undefined: left as is). Both flags are
 * kept only when set, so a table that never used RLS looks as it always did. FORCE is a separate
 * flag in PostgreSQL: DISABLE leaves it set (it takes effect again on ENABLE).
 */
export function withRowSecurity(table: TableDef, enabled: boolean | undefined, forced: boolean | undefined): TableDef {
  const { rowSecurity, forceRowSecurity, ...rest } = table;
  const out: Mutable<TableDef> = rest;
  if (enabled ?? rowSecurity) out.rowSecurity = true;
  if (forced ?? forceRowSecurity) out.forceRowSecurity = true;
  return out;
}
