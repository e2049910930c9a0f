import type { Change } from '../../diff/change.js';
import { qualify, type QualifiedName } from '../../model/names.js';
import { createIndexSql } from '../../model/sql/index.js';
import { statement, type Action, type Statement } from '../../plan/action.js';
import { regclass } from '../../plan/catalog-conditions.js';
import { createdCommentActions } from '../comment/comment-actions.js';
import { describe, objectName } from '../../plan/describe.js';
import { guardedSql } from '../../plan/guarded-sql.js';
import { indexDeps } from './index-deps.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { RANK } from '../../plan/rank.js';
import {
  ALTERS_CATALOG, BUILDS_INDEX, CREATES, BUILDS_INDEX_CONCURRENTLY, BUILDS_UNIQUE_INDEX, BUILDS_UNIQUE_INDEX_CONCURRENTLY,
} from '../../plan/statement-effects.js';

/** The index exists but is invalid (left behind by a failed CREATE INDEX CONCURRENTLY). */
function invalidIndexExists(index: QualifiedName): string {
  return `EXISTS (SELECT 1 FROM pg_catalog.pg_index WHERE indexrelid = ${regclass(index)} AND NOT indisvalid)`;
}

/**
 * `CREATE [UNIQUE] INDEX IF NOT EXISTS`. With `concurrentIndexes`, or for an index the migration
 * created CONCURRENTLY, on an existing table:
 * CONCURRENTLY, outside the transaction. A failed concurrent build leaves an INVALID index that
 * IF NOT EXISTS would then keep, so on existing tables such a leftover is dropped first (the
 * introspection leaves invalid indexes out, so one shows up here as a missing index).
 */
export function createIndexActions(c: Extract<Change, { kind: 'createIndex' }>, index: number, ctx: PlanContext): Action[] {
  const idx = c.index;
  const name = objectName(c);
  let statements: Statement[];
  // The change's hazards follow the statement chosen (derive-hazards.ts): CONCURRENTLY takes no
  // write lock but runs outside the transaction; a plain build blocks writes; a UNIQUE one fails
  // on duplicates either way; on a table the plan creates nobody else sees the lock.
  // CONCURRENTLY when asked (--concurrent-indexes) or when the migration itself built it so.
  if ((ctx.opts.concurrentIndexes || idx.concurrently === true) && !c.newTable) {
    const cleanup = guardedSql(invalidIndexExists(idx), [`DROP INDEX ${qualify(idx)}`]);
    statements = [
      { sql: cleanup, effects: ALTERS_CATALOG, transactional: false, description: `drop invalid leftover of index ${name}` },
      { sql: createIndexSql(idx, { concurrently: true, ifNotExists: true }), effects: idx.unique ? BUILDS_UNIQUE_INDEX_CONCURRENTLY : BUILDS_INDEX_CONCURRENTLY, transactional: false, description: describe(c), buildsIndex: true },
    ];
  } else if (!c.newTable) {
    // IF NOT EXISTS would keep an invalid leftover of the same name: drop it first.
    const cleanup = guardedSql(invalidIndexExists(idx), [`DROP INDEX ${qualify(idx)}`]);
    statements = [
      statement(cleanup, `drop invalid leftover of index ${name}`, ALTERS_CATALOG),
      { ...statement(createIndexSql(idx, { ifNotExists: true }), describe(c), idx.unique ? BUILDS_UNIQUE_INDEX : BUILDS_INDEX), buildsIndex: true },
    ];
  } else {
    statements = [{ ...statement(createIndexSql(idx, { ifNotExists: true }), describe(c), CREATES), buildsIndex: true }];
  }
  return [
    { change: index, rank: RANK.index, name, statements, deps: indexDeps(idx) },
    ...createdCommentActions(index, name, [{ object: 'index', ref: idx, text: idx.comment }], ctx),
  ];
}
