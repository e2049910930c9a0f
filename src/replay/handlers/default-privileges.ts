import { defaultGrants, defaultObjectsKind, defaultPrivilegeKey, sameGrants, sortGrants } from '../../model/privileges.js';
import type { DefaultPrivilegesDdl } from '../../parse/ddl.js';
import type { ReplayContext } from '../context.js';
import { applyGrants, granteeName, notePrivilegeRoles, privilegesFor } from './privileges.js';

/**
 * ALTER DEFAULT PRIVILEGES. A global entry holds the resulting ACL and disappears when that is
 * the default again; a per-schema entry holds only what it adds (PostgreSQL: "it is not possible
 * to revoke privileges granted globally" per schema) and disappears when empty. FOR ROLE the
 * migration's own role (or none) is the current role's entry.
 */
export function alterDefaultPrivileges(ctx: ReplayContext, s: DefaultPrivilegesDdl): void {
  notePrivilegeRoles(ctx, [...s.roles, ...s.grantees]);
  if (s.objects === 'schemas' && s.schemas.length) {
    ctx.error('cannot use IN SCHEMA clause when using GRANT/REVOKE ON SCHEMAS');
    return;
  }
  for (const schema of s.schemas) {
    if (!ctx.draft.schemas.has(schema)) {
      ctx.error(`schema "${schema}" does not exist`);
      return;
    }
  }
  const kind = defaultObjectsKind(s.objects);
  const privileges = privilegesFor(ctx, kind, s.privileges, false);
  if (!privileges) return;
  const grantees = s.grantees.map(granteeName).filter((g): g is string => g !== undefined);
  const roles = s.roles.length ? s.roles.map(granteeName) : [undefined];
  const schemas: readonly (string | undefined)[] = s.schemas.length ? s.schemas : [undefined];
  const d = ctx.draft;
  for (const role of roles) {
    for (const schema of schemas) {
      const id = { ...(role !== undefined ? { role } : {}), ...(schema !== undefined ? { schema } : {}), objects: s.objects };
      const key = defaultPrivilegeKey(id);
      const base = schema === undefined ? defaultGrants(kind) : [];
      const grants = sortGrants(applyGrants(d.defaultPrivileges.get(key)?.grants ?? base, s, grantees, privileges));
      if (sameGrants(grants, base)) d.defaultPrivileges.delete(key);
      else d.defaultPrivileges.set(key, { ...id, grants });
    }
  }
}
