import type { Change } from '../../diff/change.js';
import { quoteLiteral, type QualifiedName } from '../../model/names.js';
import { createRuleSql, ruleFiringSql } from '../../model/sql/index.js';
import { statement, type Action, type Statement } from '../../plan/action.js';
import type { RuleDef } from '../../model/objects.js';
import { deps } from '../../plan/object-deps.js';
import { regclass } from '../../plan/catalog-conditions.js';
import { describe, objectName } from '../../plan/describe.js';
import { guardedSql } from '../../plan/guarded-sql.js';
import { ruleDep, ruleDeps } from './rule-deps.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { DROP_RANK, RANK } from '../../plan/rank.js';
import { ALTERS_CATALOG } from '../../plan/statement-effects.js';
import { createdCommentActions } from '../comment/comment-actions.js';

/** Rules are created after the triggers of their relation, dropped right after triggers (before views and constraints). */
export const RULE_RANK = { create: RANK.trigger + 5, drop: DROP_RANK.trigger + 2 } as const;

/** The relation has a rewrite rule of this name (a missing relation reads as "no rule"). */
export function ruleExists(table: QualifiedName, name: string): string {
  return `EXISTS (SELECT 1 FROM pg_catalog.pg_rewrite WHERE ev_class = ${regclass(table)} AND rulename = ${quoteLiteral(name)})`;
}

/**
 * CREATE RULE, which has no IF NOT EXISTS: guarded by a pg_rewrite lookup; a replacement is
 * CREATE OR REPLACE RULE (ACCESS EXCLUSIVE on the relation, catalog only).
 */
export function createRuleActions(c: Extract<Change, { kind: 'createRule' }>, index: number, ctx: PlanContext): Action[] {
  const r = c.rule;
  const table = { schema: r.schema, name: r.table };
  const name = objectName(c);
  const sql = c.replace ? createRuleSql(r, true) : guardedSql(`NOT ${ruleExists(table, r.name)}`, [createRuleSql(r)]);
  // CREATE OR REPLACE keeps the live firing state: a differing one is its own setRuleFiring change.
  const firing = r.enabled && !c.replace ? [firingStatement(r, name)] : [];
  return [
    { change: index, rank: RULE_RANK.create, name, statements: [statement(sql, describe(c), ALTERS_CATALOG), ...firing], deps: ruleDeps(r) },
    ...createdCommentActions(index, name, [{ object: 'rule', ref: { schema: r.schema, parent: r.table, name: r.name }, text: r.comment }], ctx),
  ];
}

/** ALTER TABLE .. ENABLE / DISABLE RULE (ACCESS EXCLUSIVE on the table, catalog only). */
function firingStatement(r: RuleDef, name: string): Statement {
  return statement(ruleFiringSql(r), `${r.enabled === 'disabled' ? 'disable' : `enable ${r.enabled ?? ''}`.trimEnd()} rule ${name}`, ALTERS_CATALOG);
}

/** How an existing rule fires, changed in place: after the rule (created, renamed or replaced) is there. */
export function setRuleFiringActions(c: Extract<Change, { kind: 'setRuleFiring' }>, index: number): Action[] {
  const r = c.rule;
  const name = objectName(c);
  return [{ change: index, rank: RULE_RANK.create, name, statements: [firingStatement(r, name)], deps: deps({ requires: [ruleDep({ schema: r.schema, name: r.table }, r.name)] }) }];
}
