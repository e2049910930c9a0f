import { quoteLiteral, type QualifiedName } from '../../model/names.js';
import type { Change } from '../../diff/change.js';
import { createCollationSql } from '../../model/sql/index.js';
import { statement, type Action } from '../../plan/action.js';
import { describe, objectName } from '../../plan/describe.js';
import { guardedSql } from '../../plan/guarded-sql.js';
import { collationDeps } from './collation-deps.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { DROP_RANK, RANK } from '../../plan/rank.js';
import { CREATES } from '../../plan/statement-effects.js';
import { createdCommentActions } from '../comment/comment-actions.js';

/** Collations are created before the domains, columns and indexes that use them, dropped after them. */
export const COLLATION_RANK = { create: RANK.extension + 5, drop: DROP_RANK.enum - 2 } as const;

/** A collation of this name exists in the schema. */
export function collationExists(c: QualifiedName): string {
  return (
    'EXISTS (SELECT 1 FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace' +
    ` WHERE n.nspname = ${quoteLiteral(c.schema)} AND c.collname = ${quoteLiteral(c.name)})`
  );
}

/**
 * CREATE COLLATION, guarded by a pg_collation lookup (IF NOT EXISTS would leave a differing
 * collation of the name in place silently). An ICU collation on a server built without ICU fails
 * with PostgreSQL's "ICU is not supported in this build".
 */
export function createCollationActions(c: Extract<Change, { kind: 'createCollation' }>, index: number, ctx: PlanContext): Action[] {
  const name = objectName(c);
  return [
    {
      change: index,
      rank: COLLATION_RANK.create,
      name,
      statements: [statement(guardedSql(`NOT ${collationExists(c.collation)}`, [createCollationSql(c.collation)]), describe(c), CREATES)],
      deps: collationDeps(c.collation),
    },
    ...createdCommentActions(index, name, [{ object: 'collation', ref: c.collation, text: c.collation.comment }], ctx),
  ];
}
