import type { Change } from '../../diff/change.js';
import { qualify, quoteIdent, quoteLiteral, type QualifiedName } from '../../model/names.js';
import type { PolicyDef } from '../../model/objects.js';
import { alterPolicySql, createPolicySql, rowSecuritySql } from '../../model/sql/index.js';
import { columnsInExpression } from '../../parse/index.js';
import { statement, type Action, type Statement } from '../../plan/action.js';
import { regclass } from '../../plan/catalog-conditions.js';
import { createdCommentActions } from '../comment/comment-actions.js';
import { columnDep, partOfDep, relationDep, type DepKey } from '../../plan/dependency-keys.js';
import { describe, objectName } from '../../plan/describe.js';
import { guardedSql } from '../../plan/guarded-sql.js';
import { expressionTexts } from '../../plan/mentions.js';
import { deps, type Deps } from '../../plan/object-deps.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { RANK } from '../../plan/rank.js';
// CREATE / ALTER POLICY and ALTER TABLE .. ROW LEVEL SECURITY take ACCESS EXCLUSIVE on the table, catalog only.
import { ALTERS_CATALOG } from '../../plan/statement-effects.js';

/** The table has a row-level security policy of this name (a missing table reads as "no policy"). */
export function policyExists(table: QualifiedName, name: string): string {
  return `EXISTS (SELECT 1 FROM pg_catalog.pg_policy WHERE polrelid = ${regclass(table)} AND polname = ${quoteLiteral(name)})`;
}

/** Key of a row-level security policy (names are unique per table). */
export function policyDep(table: QualifiedName, name: string): DepKey {
  return partOfDep('policy', table, name);
}

/**
 * A policy: its table, the table's columns its expressions name (so a policy is created after
 * them, and dropped before a column it uses is dropped), and what the expressions mention
 * (functions, other tables of a subquery).
 */
export function policyDeps(p: PolicyDef): Deps {
  const table = { schema: p.schema, name: p.table };
  const columns = [...new Set([p.using, p.withCheck].flatMap((e) => (e === undefined ? [] : columnsInExpression(e))))];
  return deps({
    provides: [policyDep(table, p.name)],
    requires: [relationDep(table), ...columns.map((c) => columnDep(table, c))],
    mentions: [...expressionTexts(p.using), ...expressionTexts(p.withCheck)],
  });
}

/**
 * Roles are cluster-level: the plan never creates them. A policy naming a missing role fails
 * with a message naming it and the policy (PostgreSQL's own says only `role "x" does not
 * exist`); the plan runs in one transaction, so nothing it wrote before stays.
 */
function rolesExistSql(p: PolicyDef, table: QualifiedName): string[] {
  return p.roles.map((r) => {
    const message = `role "${r}" does not exist: policy ${quoteIdent(p.name)} on ${qualify(table)} names it (roles are cluster-level; schema-sync never creates them)`;
    return `IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ${quoteLiteral(r)}) THEN RAISE EXCEPTION USING ERRCODE = 'undefined_object', MESSAGE = ${quoteLiteral(message)}; END IF`;
  });
}

/** The role checks and then `statements`, as one DO block guarded by `condition`. */
function withRoleChecks(p: PolicyDef, condition: string, statements: readonly string[]): string {
  const table = { schema: p.schema, name: p.table };
  return guardedSql(condition, [...rolesExistSql(p, table), ...statements]);
}

/**
 * CREATE POLICY, which has no IF NOT EXISTS nor OR REPLACE: guarded by a pg_policy lookup; a
 * replacement (command or kind changed) runs after the drop the diff planned before it.
 */
export function createPolicyActions(c: Extract<Change, { kind: 'createPolicy' }>, index: number, ctx: PlanContext): Action[] {
  const p = c.policy;
  const table = { schema: p.schema, name: p.table };
  const name = objectName(c);
  const sql = withRoleChecks(p, `NOT ${policyExists(table, p.name)}`, [createPolicySql(p)]);
  return [
    { change: index, rank: RANK.trigger, name, statements: [statement(sql, describe(c), ALTERS_CATALOG)], deps: policyDeps(p) },
    ...createdCommentActions(index, name, [{ object: 'policy', ref: { schema: p.schema, parent: p.table, name: p.name }, text: p.comment }], ctx),
  ];
}

/** ALTER POLICY .. TO .. USING .. WITH CHECK, in place. */
export function alterPolicyActions(c: Extract<Change, { kind: 'alterPolicy' }>, index: number): Action[] {
  const p = c.policy;
  const sql = withRoleChecks(p, policyExists({ schema: p.schema, name: p.table }, p.name), [alterPolicySql(p)]);
  return [{ change: index, rank: RANK.trigger, name: objectName(c), statements: [statement(sql, describe(c), ALTERS_CATALOG)], deps: policyDeps(p) }];
}

/** ALTER TABLE .. ENABLE/DISABLE, FORCE/NO FORCE ROW LEVEL SECURITY: idempotent as it is. */
export function setRowSecurityActions(c: Extract<Change, { kind: 'setRowSecurity' }>, index: number): Action[] {
  const statements: Statement[] = [statement(rowSecuritySql(c.table, c.enabled, c.forced), describe(c), ALTERS_CATALOG)];
  return [{ change: index, rank: RANK.trigger, name: objectName(c), statements, deps: deps({ requires: [relationDep(c.table)] }) }];
}
