import type { Change } from '../../diff/change.js';
import { qualify } from '../../model/names.js';
import { createViewSql, viewColumnDefaultSql } from '../../model/sql/index.js';
import { statement, type Action, type Statement } from '../../plan/action.js';
import { createdCommentActions } from '../comment/comment-actions.js';
import { describe, objectName } from '../../plan/describe.js';
import { CREATE_MATERIALIZED_VIEW_HEAD, withIfNotExists } from '../../plan/if-not-exists.js';
import { viewDeps } from './view-deps.js';
import { relationDep } from '../../plan/dependency-keys.js';
import { expressionTexts } from '../../plan/mentions.js';
import { deps } from '../../plan/object-deps.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { RANK } from '../../plan/rank.js';
import { ALTERS_CATALOG, CREATES, RUNS_QUERY } from '../../plan/statement-effects.js';

/**
 * `CREATE OR REPLACE VIEW` with the executable definition, after what its query mentions. A
 * materialized view has no OR REPLACE: CREATE MATERIALIZED VIEW IF NOT EXISTS, preceded by
 * DROP MATERIALIZED VIEW IF EXISTS when it replaces one (which a re-run repeats, rebuilding it).
 */
export function createViewActions(c: Extract<Change, { kind: 'createView' }>, index: number, ctx: PlanContext): Action[] {
  const v = c.view;
  const name = objectName(c);
  let statements: Statement[];
  if (v.materialized) {
    // Created again after its drop (WITH DATA), it recomputes its rows from the tables it reads.
    const create = statement(withIfNotExists(createViewSql(v), CREATE_MATERIALIZED_VIEW_HEAD), describe(c), c.rebuilt ? RUNS_QUERY : CREATES);
    statements = c.replace ? [statement(`DROP MATERIALIZED VIEW IF EXISTS ${qualify(v)}`, `drop materialized view ${name}`, ALTERS_CATALOG), create] : [create];
  } else {
    statements = [statement(createViewSql(v, { orReplace: true }), describe(c), c.replace ? ALTERS_CATALOG : CREATES)];
  }
  return [
    { change: index, rank: RANK.view, name, statements, deps: viewDeps(v) },
    ...createdCommentActions(index, name, [{ object: v.materialized ? 'materialized view' : 'view', ref: v, text: v.comment }], ctx),
  ];
}

/** Column defaults are set once the view is created or replaced (a rebuilt view lost its own). */
export const VIEW_COLUMN_RANK = RANK.view + 2;

/** ALTER VIEW .. ALTER COLUMN .. SET / DROP DEFAULT, already idempotent, after the view and what the default mentions. */
export function setViewColumnDefaultActions(c: Extract<Change, { kind: 'setViewColumnDefault' }>, index: number): Action[] {
  return [
    {
      change: index,
      rank: VIEW_COLUMN_RANK,
      name: objectName(c),
      statements: [statement(viewColumnDefaultSql(c.view, c.column, c.toSql ?? c.to), describe(c), ALTERS_CATALOG)],
      deps: deps({ requires: [relationDep(c.view)], mentions: expressionTexts(c.to) }),
    },
  ];
}
