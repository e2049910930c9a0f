import type { Ddl, RuleDdl } from '../ddl.js';
import { type AstNode, deparseNode } from '../libpg.js';
import { canonicalExprNode, writtenExprNode } from '../normalize-expr.js';
import { ruleWhereNames } from '../range-names.js';
import { rangeVarName } from './constraint.js';

const EVENTS: Record<string, RuleDdl['event']> = { CMD_SELECT: 'select', CMD_INSERT: 'insert', CMD_UPDATE: 'update', CMD_DELETE: 'delete' };

/** Lowers CREATE [OR REPLACE] RULE; the actions stay statements as written (replay makes them canonical). */
export function lowerRule(s: AstNode): Ddl {
  const event = EVENTS[String(s.event)];
  if (!event) return { kind: 'unsupported', what: `CREATE RULE .. ON ${String(s.event)}` };
  return {
    kind: 'createRule', name: s.rulename, table: rangeVarName(s.relation), orReplace: !!s.replace, event, instead: !!s.instead,
    ...(s.whereClause ? { where: canonicalExprNode(s.whereClause, ruleWhereNames(s.actions ?? [])), whereSql: writtenExprNode(s.whereClause) } : {}),
    actions: (s.actions ?? []).map((a: AstNode) => deparseNode(a)),
  };
}
