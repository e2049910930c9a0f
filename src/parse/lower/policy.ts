import type { Mutable } from '../../model/mutable.js';
import type { PolicyCommand, PolicyDdl, PolicyRole } from '../ddl.js';
import type { AstNode } from '../libpg.js';
import { canonicalExprNode, writtenExprNode } from '../normalize-expr.js';
import { rangeVarName } from './constraint.js';

const KEYWORDS: Record<string, Extract<PolicyRole, { keyword: string }>['keyword']> = {
  ROLESPEC_PUBLIC: 'public', ROLESPEC_CURRENT_USER: 'current_user', ROLESPEC_CURRENT_ROLE: 'current_role',
  ROLESPEC_SESSION_USER: 'session_user',
};

function roles(list: AstNode[]): PolicyRole[] {
  return list.map((r: AstNode) => {
    const spec = r.RoleSpec;
    const keyword = KEYWORDS[spec.roletype as string];
    return keyword ? { keyword } : { name: spec.rolename as string };
  });
}

type Clauses = { using?: string; usingSql?: string; withCheck?: string; withCheckSql?: string };

/**
 * USING and WITH CHECK, canonical (compared) and as written (executed), those given only. The
 * catalog prints them under the table's name: a sub-select's FROM item of that name becomes `t_1`.
 */
function clauses(s: AstNode): Clauses {
  const out: Clauses = {};
  const outer = [s.table.relname as string];
  if (s.qual) {
    out.using = canonicalExprNode(s.qual, outer);
    out.usingSql = writtenExprNode(s.qual);
  }
  if (s.with_check) {
    out.withCheck = canonicalExprNode(s.with_check, outer);
    out.withCheckSql = writtenExprNode(s.with_check);
  }
  return out;
}

/** Lowers CREATE POLICY; the parser fills in PostgreSQL's defaults (PERMISSIVE, FOR ALL, TO PUBLIC). */
export function lowerCreatePolicy(s: AstNode): PolicyDdl {
  return {
    kind: 'createPolicy', name: s.policy_name, table: rangeVarName(s.table), permissive: !!s.permissive,
    command: (s.cmd_name ?? 'all') as PolicyCommand,
    roles: roles(s.roles ?? [{ RoleSpec: { roletype: 'ROLESPEC_PUBLIC' } }]),
    ...clauses(s),
  };
}

/** Lowers ALTER POLICY .. [TO ..] [USING ..] [WITH CHECK ..] (RENAME is a RenameStmt). */
export function lowerAlterPolicy(s: AstNode): PolicyDdl {
  const ddl: Mutable<Extract<PolicyDdl, { kind: 'alterPolicy' }>> = {
    kind: 'alterPolicy', name: s.policy_name, table: rangeVarName(s.table), ...clauses(s),
  };
  if (s.roles) ddl.roles = roles(s.roles);
  return ddl;
}
