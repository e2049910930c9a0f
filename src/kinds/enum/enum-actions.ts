import type { Change } from '../../diff/change.js';
import { qualify, quoteLiteral } from '../../model/names.js';
import { createEnumSql } from '../../model/sql/index.js';
import { statement, type Action } from '../../plan/action.js';
import { typeExists } from '../../plan/catalog-conditions.js';
import { createdCommentActions } from '../comment/comment-actions.js';
import { enumValueDep, typeDep } from '../../plan/dependency-keys.js';
import { describe, objectName } from '../../plan/describe.js';
import { guardedSql } from '../../plan/guarded-sql.js';
import { deps } from '../../plan/object-deps.js';
import { enumDeps } from './enum-deps.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { RANK } from '../../plan/rank.js';
import { CREATES, NO_TABLE_LOCK } from '../../plan/statement-effects.js';

/** CREATE TYPE .. AS ENUM, which has no IF NOT EXISTS: guarded by a pg_type lookup. */
export function createEnumActions(c: Extract<Change, { kind: 'createEnum' }>, index: number, ctx: PlanContext): Action[] {
  const name = objectName(c);
  return [
    {
      change: index,
      rank: RANK.enum,
      name,
      statements: [statement(guardedSql(`NOT ${typeExists(c.enum)}`, [createEnumSql(c.enum)]), describe(c), CREATES)],
      deps: enumDeps(c.enum),
    },
    ...createdCommentActions(index, name, [{ object: 'enum', ref: c.enum, text: c.enum.comment }], ctx),
  ];
}

/**
 * `ALTER TYPE .. ADD VALUE IF NOT EXISTS 'v' [BEFORE|AFTER 'n']`, after the label it is placed
 * next to. PostgreSQL 12+ accepts it in a transaction block, but the new label cannot be used
 * until the transaction commits: the label is committed first, in a transaction of its own (plan.ts).
 */
export function addEnumValueActions(c: Extract<Change, { kind: 'addEnumValue' }>, index: number): Action[] {
  let sql = `ALTER TYPE ${qualify(c.enum)} ADD VALUE IF NOT EXISTS ${quoteLiteral(c.value)}`;
  if (c.neighbor) sql += ` ${c.neighbor.after ? 'AFTER' : 'BEFORE'} ${quoteLiteral(c.neighbor.value)}`;
  return [
    {
      change: index,
      rank: RANK.enumValue,
      name: objectName(c),
      statements: [statement(sql, describe(c), NO_TABLE_LOCK)],
      newEnumLabel: quoteLiteral(c.value),
      deps: deps({
        provides: [enumValueDep(c.enum, c.value)],
        requires: [typeDep(c.enum), ...(c.neighbor ? [enumValueDep(c.enum, c.neighbor.value)] : [])],
      }),
    },
  ];
}
