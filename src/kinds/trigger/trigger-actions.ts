import type { Change } from '../../diff/change.js';
import { qualify, quoteIdent, quoteLiteral, type QualifiedName } from '../../model/names.js';
import type { TriggerDef } from '../../model/objects.js';
import { relationDep, triggerDep } from '../../plan/dependency-keys.js';
import { deps } from '../../plan/object-deps.js';
import { createTriggerSql, triggerFiringSql } from '../../model/sql/index.js';
import { statement, type Action, type Statement } from '../../plan/action.js';
import { regclass } from '../../plan/catalog-conditions.js';
import { createdCommentActions } from '../comment/comment-actions.js';
import { describe, objectName } from '../../plan/describe.js';
import { guardedSql } from '../../plan/guarded-sql.js';
import { triggerDeps } from './trigger-deps.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { RANK } from '../../plan/rank.js';
import { ALTERS_CATALOG, SHARE_ROW_EXCLUSIVE } from '../../plan/statement-effects.js';

/** The table has a user-defined trigger of this name. */
export function triggerExists(table: QualifiedName, name: string): string {
  return (
    `EXISTS (SELECT 1 FROM pg_catalog.pg_trigger WHERE tgrelid = ${regclass(table)}` +
    ` AND tgname = ${quoteLiteral(name)} AND NOT tgisinternal)`
  );
}
/**
 * CREATE TRIGGER, which has no IF NOT EXISTS (and OR REPLACE only from PostgreSQL 14, not for
 * constraint triggers): guarded by a pg_trigger lookup; a replacement drops the old one first.
 */
export function createTriggerActions(c: Extract<Change, { kind: 'createTrigger' }>, index: number, ctx: PlanContext): Action[] {
  const t = c.trigger;
  const table = { schema: t.schema, name: t.table };
  const name = objectName(c);
  const create = statement(guardedSql(`NOT ${triggerExists(table, t.name)}`, [createTriggerSql(t)]), describe(c), SHARE_ROW_EXCLUSIVE);
  // CREATE TRIGGER makes it enabled: a trigger created (or created again) disabled or for replicas is then altered.
  const firing = t.enabled ? [firingStatement(t, name)] : [];
  const statements: Statement[] = c.replace
    ? [statement(`DROP TRIGGER IF EXISTS ${quoteIdent(t.name)} ON ${qualify(table)}`, `drop trigger ${name}`, ALTERS_CATALOG), create, ...firing]
    : [create, ...firing];
  return [
    { change: index, rank: RANK.trigger, name, statements, deps: triggerDeps(t) },
    ...createdCommentActions(index, name, [{ object: 'trigger', ref: { schema: t.schema, parent: t.table, name: t.name }, text: t.comment }], ctx),
  ];
}

/** ALTER TABLE .. ENABLE / DISABLE [REPLICA | ALWAYS] TRIGGER (SHARE ROW EXCLUSIVE on the table, catalog only). */
function firingStatement(t: TriggerDef, name: string): Statement {
  return statement(triggerFiringSql(t), `${t.enabled === 'disabled' ? 'disable' : `enable ${t.enabled ?? ''}`.trimEnd()} trigger ${name}`, SHARE_ROW_EXCLUSIVE);
}

/** How an existing trigger fires, changed in place: after the trigger (and its table) have their target names. */
export function setTriggerFiringActions(c: Extract<Change, { kind: 'setTriggerFiring' }>, index: number): Action[] {
  const t = c.trigger;
  const table = { schema: t.schema, name: t.table };
  const name = objectName(c);
  return [{ change: index, rank: RANK.trigger, name, statements: [firingStatement(t, name)], deps: deps({ requires: [relationDep(table), triggerDep(table, t.name)] }) }];
}
