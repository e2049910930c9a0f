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

/**
 * What only row-level security changes risk: `weakens row-level security` (disables or un-forces
 * RLS, drops a policy or changes one, or adds a permissive one: rows may become visible) and
 * `changes which rows roles see` (enables or forces RLS, or adds a restrictive policy: rows roles
 * saw may disappear for them).
 */
export type PolicyHazard = 'weakens row-level security' | 'changes which rows roles see';

/**
 * Why a row-level security change needs a person's eye: `weakens row-level security` (review: a
 * policy dropped or changed, or a permissive one added, on an existing table), `changes which rows
 * roles see` (review: RLS enabled or forced, or a restrictive policy added), `opens every row`
 * (destructive: RLS disabled or un-forced on an existing table).
 */
export type PolicyConcern = 'weakens row-level security' | 'changes which rows roles see' | 'opens every row';
