import type { Change } from '../diff/change.js';
import { qualify } from '../model/names.js';
import { createIndexSql } from '../model/sql/index.js';
import { statement, type Action, type Statement } from './action.js';
import { invalidIndexExists } from './catalog-conditions.js';
import { createdCommentActions } from './comment-actions.js';
import { describe, objectName } from './describe.js';
import { guardedSql } from './guarded-sql.js';
import { indexDeps } from './object-deps.js';
import type { PlanContext } from './plan-context.js';
import { RANK } from './rank.js';

/**
 * `CREATE [UNIQUE] INDEX IF NOT EXISTS`. With `concurrentIndexes` on an existing table:
 * CONCURRENTLY, outside the transaction. A failed concurrent build leaves an INVALID index that
 * IF NOT EXISTS would then keep, so on existing tables such a leftover is dropped first (the
 * introspection leaves invalid indexes out, so one shows up here as a missing index).
 */
export function createIndexActions(c: Extract<Change, { kind: 'createIndex' }>, index: number, ctx: PlanContext): Action[] {
  const idx = c.index;
  const name = objectName(c);
  let statements: Statement[];
  if (ctx.opts.concurrentIndexes && !c.newTable) {
    const cleanup = guardedSql(invalidIndexExists(idx), [`DROP INDEX ${qualify(idx)}`]);
    statements = [
      { sql: cleanup, transactional: false, description: `drop invalid leftover of index ${name}` },
      { sql: createIndexSql(idx, { concurrently: true, ifNotExists: true }), transactional: false, description: describe(c) },
    ];
  } else if (!c.newTable) {
    // IF NOT EXISTS would keep an invalid leftover of the same name: drop it first.
    const cleanup = guardedSql(invalidIndexExists(idx), [`DROP INDEX ${qualify(idx)}`]);
    statements = [statement(cleanup, `drop invalid leftover of index ${name}`), statement(createIndexSql(idx, { ifNotExists: true }), describe(c))];
  } else {
    statements = [statement(createIndexSql(idx, { ifNotExists: true }), describe(c))];
  }
  return [
    { change: index, rank: RANK.index, name, statements, deps: indexDeps(idx) },
    ...createdCommentActions(index, name, [{ object: 'index', ref: idx, text: idx.comment }], ctx),
  ];
}
