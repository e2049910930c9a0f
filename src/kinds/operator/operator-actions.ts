import { quoteLiteral, type QualifiedName } from '../../model/names.js';
import type { Change } from '../../diff/change.js';
import { alterOperatorEstimatorsSql, createOperatorSql } from '../../model/sql/index.js';
import { statement, type Action } from '../../plan/action.js';
import { describe, objectName } from '../../plan/describe.js';
import { guardedSql } from '../../plan/guarded-sql.js';
import { deps } from '../../plan/object-deps.js';
import { operatorDep, operatorDeps } from './operator-deps.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { DROP_RANK, RANK } from '../../plan/rank.js';
import { CREATES, NO_TABLE_LOCK } from '../../plan/statement-effects.js';
import { operatorArgs } from '../../model/schema-state.js';
import { createdCommentActions } from '../comment/comment-actions.js';

/**
 * Operators are created after their functions, before the indexes and views that use them (checks
 * wait for them through their mentions), estimators set just after; dropped after the views,
 * constraints and indexes that use them, before their functions.
 */
export const OPERATOR_RANK = { create: RANK.functionSql + 5, alter: RANK.functionSql + 6, drop: DROP_RANK.table + 5 } as const;

/**
 * The operator is defined (a shell, which a COMMUTATOR or NEGATOR of another operator leaves
 * behind, has no function: CREATE OPERATOR fills it in).
 */
export function operatorExists(op: QualifiedName, left: string | undefined, right: string | undefined): string {
  const operand = (t: string | undefined): string => (t === undefined ? '0' : `pg_catalog.to_regtype(${quoteLiteral(t)})`);
  return (
    'EXISTS (SELECT 1 FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace' +
    ` WHERE n.nspname = ${quoteLiteral(op.schema)} AND o.oprname = ${quoteLiteral(op.name)}` +
    ` AND o.oprleft = ${operand(left)} AND o.oprright = ${operand(right)} AND o.oprcode <> 0)`
  );
}

/** CREATE OPERATOR, guarded by a pg_operator lookup (it has no IF NOT EXISTS; a shell is filled in). */
export function createOperatorActions(c: Extract<Change, { kind: 'createOperator' }>, index: number, ctx: PlanContext): Action[] {
  const op = c.operator;
  const name = objectName(c);
  const args = operatorArgs(op.left, op.right);
  return [
    {
      change: index,
      rank: OPERATOR_RANK.create,
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
      rank: OPERATOR_RANK.alter,
      name: objectName(c),
      statements: [statement(alterOperatorEstimatorsSql(op), describe(c), NO_TABLE_LOCK)],
      deps: deps({ requires: [operatorDep(op, operatorArgs(op.left, op.right)), ...operatorDeps(op).requires] }),
    },
  ];
}
