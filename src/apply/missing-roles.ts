import type { Database } from '../db/index.js';
import { UserError } from '../errors.js';
import type { Plan } from '../plan/types.js';

/** The roles a plan grants to or makes owner (PUBLIC aside), in first-use order. */
export function rolesOfPlan(plan: Plan): string[] {
  const out = new Set<string>();
  for (const c of plan.changes) if (c.kind === 'setPrivileges') for (const r of c.step.roles) out.add(r);
  return [...out];
}

/** The roles a plan makes owner (`--owners`), in first-use order. */
export function newOwnersOfPlan(plan: Plan): string[] {
  const out = new Set<string>();
  for (const c of plan.changes) if (c.kind === 'setPrivileges' && c.step.newOwner !== undefined) out.add(c.step.newOwner);
  return [...out];
}

/**
 * Roles are cluster-level and never created by schema-sync: before anything is written, every
 * role the plan grants to must exist (pg_roles), or apply stops naming the missing ones. Then
 * every role the plan makes owner must be one the applying role may act as: PostgreSQL lets
 * ALTER ... OWNER TO give an object only to a role the current user is a member of (a superuser
 * is a member of every role), so a plan that would fail there is refused before it starts.
 */
export async function assertRolesExist(db: Database, plan: Plan): Promise<void> {
  const wanted = rolesOfPlan(plan);
  if (!wanted.length) return;
  const rows = await db.query<{ rolname: string }>('SELECT rolname FROM pg_catalog.pg_roles WHERE rolname = ANY ($1::text[])', [wanted]);
  const found = new Set(rows.map((r) => r.rolname));
  const missing = wanted.filter((r) => !found.has(r));
  if (missing.length) {
    const list = missing.map((r) => `"${r}"`).join(', ');
    throw new UserError(
      `the plan grants privileges to ${missing.length === 1 ? 'a role that does' : 'roles that do'} not exist on this server: ${list}; ` +
        'nothing was applied. Roles are cluster-level and schema-sync never creates them: create them first (CREATE ROLE ... NOLOGIN), then apply again',
    );
  }
  const owners = newOwnersOfPlan(plan);
  if (!owners.length) return;
  const denied = await db.query<{ role: string; me: string }>(
    `SELECT r AS role, current_user AS me FROM unnest($1::text[]) AS r WHERE NOT pg_catalog.pg_has_role(current_user, r, 'MEMBER')`,
    [owners],
  );
  if (!denied.length) return;
  const me = denied[0]!.me;
  const list = denied.map((r) => `"${r.role}"`).join(', ');
  throw new UserError(
    `the plan makes ${list} owner of objects (--owners), but the role applying it ("${me}") is not a member of ${denied.length === 1 ? 'that role' : 'those roles'} ` +
      'and not a superuser, so PostgreSQL would refuse ALTER ... OWNER TO; nothing was applied. ' +
      `Grant the membership first (GRANT ${denied.map((r) => `"${r.role}"`).join(', ')} TO "${me}"), apply as a superuser, or apply without --owners`,
  );
}
