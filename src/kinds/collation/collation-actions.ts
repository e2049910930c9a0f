import type { Change } from '../../diff/change.js';
import { createCollationSql } from '../../model/sql/index.js';
import { statement, type Action } from '../../plan/action.js';
import { collationExists } from '../../plan/catalog-conditions.js';
import { describe, objectName } from '../../plan/describe.js';
import { guardedSql } from '../../plan/guarded-sql.js';
import { collationDeps } from '../../plan/object-deps.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { RANK } from '../../plan/rank.js';
import { CREATES } from '../../plan/statement-effects.js';
import { createdCommentActions } from '../comment/comment-actions.js';

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
      rank: RANK.collation,
      name,
      statements: [statement(guardedSql(`NOT ${collationExists(c.collation)}`, [createCollationSql(c.collation)]), describe(c), CREATES)],
      deps: collationDeps(c.collation),
    },
    ...createdCommentActions(index, name, [{ object: 'collation', ref: c.collation, text: c.collation.comment }], ctx),
  ];
}
