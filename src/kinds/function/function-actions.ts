import type { Change } from '../../diff/change.js';
import { createFunctionSql } from '../../model/sql/index.js';
import { statement, type Action } from '../../plan/action.js';
import { createdCommentActions } from '../comment/comment-actions.js';
import { describe, objectName } from '../../plan/describe.js';
import { functionDeps, isSqlFunction } from './function-deps.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { RANK } from '../../plan/rank.js';
import { ALTERS_CATALOG, CREATES } from '../../plan/statement-effects.js';

/**
 * `CREATE OR REPLACE FUNCTION|PROCEDURE`. LANGUAGE sql bodies are checked against existing
 * tables when created, so they rank after tables; other languages only at call time, so they
 * rank early (column defaults and triggers may call them).
 */
export function createFunctionActions(c: Extract<Change, { kind: 'createFunction' }>, index: number, ctx: PlanContext): Action[] {
  const f = c.function;
  const name = objectName(c);
  return [
    {
      change: index,
      rank: isSqlFunction(f) ? RANK.functionSql : RANK.functionEarly,
      name,
      statements: [statement(createFunctionSql(f), describe(c), c.replace ? ALTERS_CATALOG : CREATES)],
      deps: functionDeps(f),
    },
    ...createdCommentActions(index, name, [{ object: 'function', ref: f, args: f.identityArgs, text: f.comment }], ctx),
  ];
}
