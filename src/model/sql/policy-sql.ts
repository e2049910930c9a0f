import { qualify, quoteIdent } from '../names.js';
import type { PolicyDef } from '../objects.js';

const tableOf = (p: PolicyDef): string => qualify({ schema: p.schema, name: p.table });

/** `TO PUBLIC` for an empty role list (PostgreSQL stores PUBLIC as role 0), else the quoted names. */
export function policyRolesSql(roles: readonly string[]): string {
  return roles.length ? roles.map(quoteIdent).join(', ') : 'PUBLIC';
}

/** The USING / WITH CHECK clauses, as written where the history kept it (what it ran), else canonical. */
function clausesSql(p: PolicyDef): string {
  let sql = '';
  const using = p.usingSql ?? p.using;
  const check = p.withCheckSql ?? p.withCheck;
  if (using !== undefined) sql += ` USING (${using})`;
  if (check !== undefined) sql += ` WITH CHECK (${check})`;
  return sql;
}

/** `CREATE POLICY name ON s.t AS PERMISSIVE|RESTRICTIVE FOR cmd TO roles [USING (..)] [WITH CHECK (..)]`. */
export function createPolicySql(p: PolicyDef): string {
  return `CREATE POLICY ${quoteIdent(p.name)} ON ${tableOf(p)} AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'}` +
    ` FOR ${p.command.toUpperCase()} TO ${policyRolesSql(p.roles)}${clausesSql(p)}`;
}

/**
 * `ALTER POLICY name ON s.t TO roles [USING (..)] [WITH CHECK (..)]`: the roles always (the same
 * statement either way), and the clauses the target has. ALTER POLICY cannot remove a clause:
 * the diff drops and creates a policy that loses one.
 */
export function alterPolicySql(p: PolicyDef): string {
  return `ALTER POLICY ${quoteIdent(p.name)} ON ${tableOf(p)} TO ${policyRolesSql(p.roles)}${clausesSql(p)}`;
}

/** `ALTER TABLE s.t ENABLE|DISABLE ROW LEVEL SECURITY, FORCE|NO FORCE ROW LEVEL SECURITY` (those given). */
export function rowSecuritySql(table: { schema: string; name: string }, enabled: boolean | undefined, forced: boolean | undefined): string {
  const parts: string[] = [];
  if (enabled !== undefined) parts.push(`${enabled ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY`);
  if (forced !== undefined) parts.push(`${forced ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY`);
  return `ALTER TABLE ${qualify(table)} ${parts.join(', ')}`;
}
