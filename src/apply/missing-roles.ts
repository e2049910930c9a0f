import type { Database } from '../db/index.js';
import { UserError } from '../errors.js';
import type { Plan } from '../plan/types.js';

/** The roles a plan grants to or makes owner (PUBLIC aside), in first-use order. */
export function rolesOfPlan(plan: Plan): string[] {
  const out = new Set<string>();
  for (const c of plan.changes) if (c.kind === 'setPrivileges') for (const r of c.step.roles) out.add(r);
  return [...out];
}

/**
 * Roles are cluster-level and never created by schema-sync: before anything is written, every
 * role the plan grants to must exist (pg_roles), or apply stops naming the missing ones.
 */
export async function assertRolesExist(db: Database, plan: Plan): Promise<void> {
  const wanted = rolesOfPlan(plan);
  if (!wanted.length) return;
  const rows = await db.query<{ rolname: string }>('SELECT rolname FROM pg_catalog.pg_roles WHERE rolname = ANY ($1::text[])', [wanted]);
  const found = new Set(rows.map((r) => r.rolname));
  const missing = wanted.filter((r) => !found.has(r));
  if (!missing.length) return;
  const list = missing.map((r) => `"${r}"`).join(', ');
  throw new UserError(
    `the plan grants privileges to ${missing.length === 1 ? 'a role that does' : 'roles that do'} not exist on this server: ${list}; ` +
      'nothing was applied. Roles are cluster-level and schema-sync never creates them: create them first (CREATE ROLE ... NOLOGIN), then apply again',
  );
}
