import type { Change } from '../../diff/change.js';
import { qualify, quoteLiteral, type QualifiedName } from '../../model/names.js';
import { createAggregateSql } from '../../model/sql/index.js';
import { statement, type Action } from '../../plan/action.js';
import { describe, objectName } from '../../plan/describe.js';
import { guardedSql } from '../../plan/guarded-sql.js';
import { aggregateDeps } from './aggregate-deps.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { DROP_RANK, RANK } from '../../plan/rank.js';
import { ALTERS_CATALOG, CREATES } from '../../plan/statement-effects.js';
import { createdCommentActions } from '../comment/comment-actions.js';

/** Aggregates are created after the functions they are built from, before views that call them; dropped before those functions. */
export const AGGREGATE_RANK = { create: RANK.functionSql + 5, drop: DROP_RANK.table + 5 } as const;

/** A routine of this signature exists (functions, procedures and aggregates share one name space in pg_proc). */
function signatureExists(fn: QualifiedName, identityArgs: string): string {
  return `pg_catalog.to_regprocedure(${quoteLiteral(`${qualify(fn)}(${identityArgs})`)}) IS NOT NULL`;
}

/**
 * CREATE AGGREGATE, which has no IF NOT EXISTS: guarded by a pg_proc lookup of the signature
 * (to_regprocedure, which also finds an aggregate); a replacement is CREATE OR REPLACE.
 */
export function createAggregateActions(c: Extract<Change, { kind: 'createAggregate' }>, index: number, ctx: PlanContext): Action[] {
  const a = c.aggregate;
  const name = objectName(c);
  const sql = c.replace ? createAggregateSql(a, true) : guardedSql(`NOT ${signatureExists(a, a.identityArgs)}`, [createAggregateSql(a)]);
  return [
    { change: index, rank: AGGREGATE_RANK.create, name, statements: [statement(sql, describe(c), c.replace ? ALTERS_CATALOG : CREATES)], deps: aggregateDeps(a) },
    ...createdCommentActions(index, name, [{ object: 'aggregate', ref: a, args: a.identityArgs, text: a.comment }], ctx),
  ];
}
