import type { Change } from '../../diff/change.js';
import { qualify, quoteIdent } from '../../model/names.js';
import { attributeSql, createCompositeTypeSql } from '../../model/sql/index.js';
import { statement, type Action } from '../../plan/action.js';
import { columnExists, typeExists } from '../../plan/catalog-conditions.js';
import { columnDep, typeDep } from '../../plan/dependency-keys.js';
import { describe, objectName } from '../../plan/describe.js';
import { guardedSql } from '../../plan/guarded-sql.js';
import { deps } from '../../plan/object-deps.js';
import { compositeTypeDeps } from './composite-type-deps.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { DROP_RANK, RANK } from '../../plan/rank.js';
import { ALTERS_CATALOG, CREATES, DROPS_DATA } from '../../plan/statement-effects.js';
import { createdCommentActions } from '../comment/comment-actions.js';

type CompositeChange = Extract<Change, { kind: 'compositeType' }>;

/**
 * The SQL of one change, idempotent: CREATE TYPE has no IF NOT EXISTS (guarded by pg_type), ADD
 * ATTRIBUTE has none either (guarded by pg_attribute of the type's class), DROP ATTRIBUTE has IF EXISTS.
 */
function sqlOf(c: CompositeChange): string {
  const t = qualify(c.type);
  const op = c.op;
  switch (op.op) {
    case 'create':
      return guardedSql(`NOT ${typeExists(c.type)}`, [createCompositeTypeSql(op.type)]);
    case 'addAttribute':
      return guardedSql(`NOT ${columnExists(c.type, op.attribute.name)}`, [`ALTER TYPE ${t} ADD ATTRIBUTE ${attributeSql(op.attribute)}`]);
    case 'dropAttribute':
      return `ALTER TYPE ${t} DROP ATTRIBUTE IF EXISTS ${quoteIdent(op.name)}`;
    case 'alterAttribute': {
      const a = op.attribute;
      return `ALTER TYPE ${t} ALTER ATTRIBUTE ${quoteIdent(a.name)} SET DATA TYPE ${a.type}${a.collation !== undefined ? ` COLLATE ${a.collation}` : ''}`;
    }
  }
}

/** Rank per op: drops of attributes first (a name may come back), then type changes, then additions. */
/**
 * Where composite type statements run: created among the domains (after enum labels, before
 * sequences and tables; dependencies order them), attributes changed after the domains are altered;
 * dropped like domains, after the functions that take them, before the types they are built on.
 */
export const COMPOSITE_TYPE_RANK = { create: RANK.enumValue + 4, alter: RANK.enumValue + 7, drop: DROP_RANK.enum - 5 } as const;

const RANKS = {
  create: COMPOSITE_TYPE_RANK.create, dropAttribute: COMPOSITE_TYPE_RANK.alter, alterAttribute: COMPOSITE_TYPE_RANK.alter + 1, addAttribute: COMPOSITE_TYPE_RANK.alter + 2,
} as const;

/**
 * CREATE TYPE .. AS (before the tables, functions and domains of its type, after the types its
 * attributes use) or one ALTER TYPE on an existing composite. Dropping an attribute takes its
 * values out of every stored value of the type: the diff marks that destructive when a column
 * stores it.
 */
export function compositeTypeActions(c: CompositeChange, index: number, ctx: PlanContext): Action[] {
  const name = objectName(c);
  const op = c.op;
  const attr = op.op === 'create' ? undefined : op.op === 'dropAttribute' ? op.name : op.attribute.name;
  const base: Action = {
    change: index,
    rank: RANKS[op.op],
    name,
    statements: [statement(sqlOf(c), describe(c), op.op === 'create' ? CREATES : op.op === 'dropAttribute' && op.stored ? DROPS_DATA : ALTERS_CATALOG)],
    deps: op.op === 'create'
      ? compositeTypeDeps(op.type)
      : deps({
          provides: op.op === 'dropAttribute' ? [] : [columnDep(c.type, attr!)],
          requires: [typeDep(c.type)],
          mentions: op.op === 'dropAttribute' ? [] : [op.attribute.type],
        }),
  };
  if (op.op !== 'create') return [base];
  return [base, ...createdCommentActions(index, name, [{ object: 'composite type', ref: op.type, text: op.type.comment }], ctx)];
}
