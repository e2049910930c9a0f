import type { Change } from '../../diff/change.js';
import type { HistoryRef } from '../../model/history.js';
import type { ObjectKind } from '../../model/objects.js';
import { commentSql, type CommentKind } from '../../model/sql/index.js';
import { statement, type Action, type Built } from '../../plan/action.js';
import { objectDep } from '../../plan/dependency-keys.js';
import { describe, objectName } from '../../plan/describe.js';
import { refName } from '../object-names.js';
import { objectSpecs } from '../kind-lookup.js';
import { deps } from '../../plan/object-deps.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { fact, type PlanFacts } from '../../plan/plan-facts.js';
import { isProcedure } from '../function/procedures.js';
import { RANK } from '../../plan/rank.js';
import { SHARE_UPDATE_EXCLUSIVE } from '../../plan/statement-effects.js';

/** A comment carried by an object a creation makes. */
export interface CreatedComment {
  readonly object: Exclude<ObjectKind, 'enum value'>;
  readonly ref: HistoryRef;
  readonly args?: string;
  readonly text: string | undefined;
}

/** Key identifying what a COMMENT is on, whoever asks (setComment changes or created objects). */
function commentTargetKey(object: ObjectKind, ref: HistoryRef, args?: string): string {
  // Kinds sharing a name space (views, materialized views) share keys; database-level objects have no schema.
  const spec = objectSpecs()[object];
  const kind = spec.names().kinds[0] ?? object;
  if (spec.databaseLevel) return JSON.stringify([kind, ref.name]);
  return JSON.stringify([kind, ref.schema, ref.parent ?? null, ref.name, args ?? null]);
}

/** Objects a `setComment` change comments (so creations do not comment them again): commentTargetKey. */
const EXPLICIT_COMMENTS = fact('explicit comments');

/** Records the object a setComment change comments. */
export function noteComment(c: Extract<Change, { kind: 'setComment' }>, facts: PlanFacts): void {
  facts.add(EXPLICIT_COMMENTS, commentTargetKey(c.object, c.ref, c.args));
}

function commentKind(object: Exclude<ObjectKind, 'enum value'>, ref: HistoryRef, args: string | undefined, ctx: PlanContext): CommentKind {
  return object === 'function' && isProcedure(ctx, ref, args) ? 'procedure' : object;
}

function commentStatement(object: Exclude<ObjectKind, 'enum value'>, ref: HistoryRef, args: string | undefined, text: string | null, ctx: PlanContext): string {
  const target = { schema: ref.schema, name: ref.name, ...(ref.parent !== undefined ? { table: ref.parent } : {}), ...(args !== undefined ? { args } : {}) };
  return commentSql(commentKind(object, ref, args, ctx), target, text);
}

/**
 * COMMENT ON for the comments of objects a change creates, in the comment phase (after the
 * objects exist), leaving out those a setComment change of the diff already sets.
 */
export function createdCommentActions(change: number, name: string, comments: readonly CreatedComment[], ctx: PlanContext): Action[] {
  const todo = comments.filter((c) => c.text !== undefined && !ctx.fact(EXPLICIT_COMMENTS).has(commentTargetKey(c.object, c.ref, c.args)));
  if (!todo.length) return [];
  return [
    {
      change,
      rank: RANK.comment,
      name,
      statements: todo.map((c) => statement(commentStatement(c.object, c.ref, c.args, c.text ?? null, ctx), `set comment on ${c.object} ${refName(c.object, c.ref, c.args)}`, SHARE_UPDATE_EXCLUSIVE)),
      deps: deps({ requires: todo.map((c) => objectDep(c.object, c.ref, c.args)) }),
    },
  ];
}

/** `COMMENT ON <object> IS ...` (IS NULL removes it): already idempotent. Enum labels take no comments. */
export function setCommentActions(c: Extract<Change, { kind: 'setComment' }>, index: number, ctx: PlanContext): Built {
  if (c.object === 'enum value') return { unplannable: 'PostgreSQL cannot comment on an enum label' };
  return [
    {
      change: index,
      rank: RANK.comment,
      name: objectName(c),
      statements: [statement(commentStatement(c.object, c.ref, c.args, c.comment, ctx), describe(c), SHARE_UPDATE_EXCLUSIVE)],
      deps: deps({ requires: [objectDep(c.object, c.ref, c.args)] }),
    },
  ];
}
