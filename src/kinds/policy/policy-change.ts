import type { PolicyDef } from '../../model/objects.js';
import type { TableRef } from '../../diff/change.js';

/** The changes the policy kind emits (drops and renames are the generic `drop` and `rename`). */
export type PolicyChange =
  /** ALTER TABLE .. ENABLE/DISABLE (`enabled`) and FORCE/NO FORCE (`forced`) ROW LEVEL SECURITY; absent: unchanged. */
  | { readonly kind: 'setRowSecurity'; readonly table: TableRef; readonly enabled?: boolean; readonly forced?: boolean }
  /** CREATE POLICY (`replace`: the live one was dropped first, its command or kind differing). */
  | { readonly kind: 'createPolicy'; readonly policy: PolicyDef; readonly replace: boolean }
  /** ALTER POLICY .. TO / USING / WITH CHECK: what PostgreSQL can change in place. */
  | { readonly kind: 'alterPolicy'; readonly policy: PolicyDef; readonly live: PolicyDef };
