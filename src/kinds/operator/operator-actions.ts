import type { Change } from '../../diff/change.js';
import { alterOperatorEstimatorsSql, createOperatorSql } from '../../model/sql/index.js';
import { statement, type Action } from '../../plan/action.js';
import { operatorExists } from '../../plan/catalog-conditions.js';
import { operatorDep } from '../../plan/dependency-keys.js';
import { describe, objectName } from '../../plan/describe.js';
import { guardedSql } from '../../plan/guarded-sql.js';
import { deps, operatorDeps } from '../../plan/object-deps.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { RANK } from '../../plan/rank.js';
import { CREATES, NO_TABLE_LOCK } from '../../plan/statement-effects.js';
import { operatorArgs } from '../../model/schema-state.js';
import { createdCommentActions } from '../comment/comment-actions.js';

/** CREATE OPERATOR, guarded by a pg_operator lookup (it has no IF NOT EXISTS; a shell is filled in). */
export function createOperatorActions(c: Extract<Change, { kind: 'createOperator' }>, index: number, ctx: PlanContext): Action[] {
  const op = c.operator;
  const name = objectName(c);
  const args = operatorArgs(op.left, op.right);
  return [
    {
      change: index,
      rank: RANK.operator,
      name,
      statements: [statement(guardedSql(`NOT ${operatorExists(op, op.left, op.right)}`, [createOperatorSql(op)]), describe(c), CREATES)],
      deps: operatorDeps(op, c.after.map((a) => operatorDep(a, a.args))),
    },
    ...createdCommentActions(index, name, [{ object: 'operator', ref: op, args, text: op.comment }], ctx),
  ];
}

/** ALTER OPERATOR .. SET (RESTRICT = .., JOIN = ..): catalog only. */
export function alterOperatorActions(c: Extract<Change, { kind: 'alterOperator' }>, index: number): Action[] {
  const op = c.operator;
  return [
    {
      change: index,
      rank: RANK.operatorAlter,
      name: objectName(c),
      statements: [statement(alterOperatorEstimatorsSql(op), describe(c), NO_TABLE_LOCK)],
      deps: deps({ requires: [operatorDep(op, operatorArgs(op.left, op.right)), ...operatorDeps(op).requires] }),
    },
  ];
}
