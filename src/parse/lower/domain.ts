import type { Mutable } from '../../model/mutable.js';
import type { AlterDomainCommand, Ddl, DomainCheckSpec } from '../ddl.js';
import { type AstNode, strList } from '../libpg.js';
import { canonicalExprNode, writtenExprNode } from '../normalize-expr.js';
import { lowerTypeName } from '../type-names.js';
import { lowerCollation } from './column.js';
import { namesToRef } from './objects.js';

/** A domain CHECK node (`VALUE` is a plain column reference until PostgreSQL analyses it). */
function lowerCheck(c: AstNode): DomainCheckSpec {
  return {
    ...(c.conname ? { name: c.conname as string } : {}),
    expression: canonicalExprNode(c.raw_expr),
    expressionSql: writtenExprNode(c.raw_expr),
    notValid: !!c.skip_validation,
  };
}

/** Lowers CREATE DOMAIN with its DEFAULT, [NOT] NULL and CHECK clauses, in the order written. */
export function lowerCreateDomain(s: AstNode): Ddl {
  const ddl: Mutable<Extract<Ddl, { kind: 'createDomain' }>> = {
    kind: 'createDomain', domain: namesToRef(strList(s.domainname)), baseType: lowerTypeName(s.typeName), notNull: false, checks: [],
  };
  const checks: DomainCheckSpec[] = [];
  for (const node of s.constraints ?? []) {
    const c = node.Constraint;
    switch (c.contype) {
      case 'CONSTR_NOTNULL': ddl.notNull = true; break;
      case 'CONSTR_NULL': ddl.notNull = false; break;
      case 'CONSTR_DEFAULT':
        ddl.default = canonicalExprNode(c.raw_expr);
        ddl.defaultSql = writtenExprNode(c.raw_expr);
        break;
      case 'CONSTR_CHECK': checks.push(lowerCheck(c)); break;
      default: return { kind: 'unsupported', what: `CREATE DOMAIN with ${String(c.contype).replace(/^CONSTR_/, '')}` };
    }
  }
  ddl.checks = checks;
  const collation = lowerCollation(s.collClause);
  if (collation) ddl.collation = collation;
  return ddl;
}

/** Lowers ALTER DOMAIN (`subtype` is PostgreSQL's one-letter action code). */
export function lowerAlterDomain(s: AstNode): Ddl {
  const domain = namesToRef(strList(s.typeName));
  let command: AlterDomainCommand;
  switch (s.subtype) {
    case 'T':
      command = s.def
        ? { op: 'setDefault', expression: canonicalExprNode(s.def), expressionSql: writtenExprNode(s.def) }
        : { op: 'setDefault', expression: null };
      break;
    case 'O': command = { op: 'setNotNull' }; break;
    case 'N': command = { op: 'dropNotNull' }; break;
    case 'C':
      command = s.def?.Constraint?.contype === 'CONSTR_CHECK'
        ? { op: 'addCheck', check: lowerCheck(s.def.Constraint) }
        : { op: 'unsupported', what: 'ALTER DOMAIN .. ADD NOT NULL constraint' };
      break;
    case 'X': command = { op: 'dropConstraint', name: s.name, ifExists: !!s.missing_ok, cascade: s.behavior === 'DROP_CASCADE' }; break;
    case 'V': command = { op: 'validateConstraint', name: s.name }; break;
    default: command = { op: 'unsupported', what: `ALTER DOMAIN subcommand ${String(s.subtype)}` };
  }
  return { kind: 'alterDomain', domain, command };
}
