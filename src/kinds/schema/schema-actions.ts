import type { Change } from '../../diff/change.js';
import { createSchemaSql } from '../../model/sql/index.js';
import { statement, type Action } from '../../plan/action.js';
import { createdCommentActions } from '../comment/comment-actions.js';
import { describe, objectName } from '../../plan/describe.js';
import { schemaDeps } from './schema-deps.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { RANK } from '../../plan/rank.js';
import { CREATES } from '../../plan/statement-effects.js';

/** `CREATE SCHEMA IF NOT EXISTS`, then its comment. */
export function createSchemaActions(c: Extract<Change, { kind: 'createSchema' }>, index: number, ctx: PlanContext): Action[] {
  const name = objectName(c);
  return [
    { change: index, rank: RANK.schema, name, statements: [statement(createSchemaSql(c.schema, { ifNotExists: true }), describe(c), CREATES)], deps: schemaDeps(c.schema) },
    ...createdCommentActions(index, name, [{ object: 'schema', ref: { schema: c.schema.name, name: c.schema.name }, text: c.schema.comment }], ctx),
  ];
}
