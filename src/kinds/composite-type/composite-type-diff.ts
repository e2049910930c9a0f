import type { Change, Concern } from '../../diff/change.js';
import type { DiffContext } from '../../diff/diff-context.js';
import { originField } from '../../diff/make-change.js';
import type { Pair } from '../../diff/pairing.js';
import { qualify } from '../../model/names.js';
import type { CompositeTypeDef, TypeAttribute } from '../../model/objects.js';
import { columnUsingType, typeUsedBy } from '../../model/type-users.js';
import type { CompositeTypeOp } from './composite-type-change.js';
import { ATTRIBUTES, COMPOSITE_TYPES } from './composite-type-match.js';
import { drop } from '../drop/drop-change.js';
import { rename } from '../rename/rename-change.js';

/** A composite type change; its statement says what it risks (a dropped attribute of a stored type loses data), `concern` the rest. */
function change(t: CompositeTypeDef, op: CompositeTypeOp, concern?: Concern): Change {
  return { kind: 'compositeType', type: { schema: t.schema, name: t.name }, op, ...(concern ? { concern } : {}), ...originField(t.origin) };
}

/** CREATE TYPE .. AS (...) with its comment. */
function create(ctx: DiffContext, key: string, t: CompositeTypeDef): void {
  ctx.out.add('compositeType', key, change(t, { op: 'create', type: t }));
  ctx.comment('composite type', { schema: t.schema, name: t.name }, t.comment, undefined, t.origin);
  for (const a of t.attributes) attributeComment(ctx, t, a.name, a.comment, undefined);
}

/** COMMENT ON COLUMN type.attribute: the attribute's comment (kept by PostgreSQL through RENAME and ALTER ATTRIBUTE .. TYPE). */
function attributeComment(ctx: DiffContext, t: CompositeTypeDef, name: string, target: string | undefined, live: string | undefined): void {
  ctx.comment('column', { schema: t.schema, parent: t.name, name }, target, live, t.origin);
}

const sameAttribute = (a: TypeAttribute, b: TypeAttribute): boolean => a.type === b.type && a.collation === b.collation;

/**
 * One paired composite type: attributes renamed (the history's renames), dropped, retyped and
 * added in place. PostgreSQL appends what ADD ATTRIBUTE adds and refuses ALTER ATTRIBUTE .. TYPE
 * while a table column stores the type (find_composite_type_dependencies); where the target
 * cannot be reached in place, the type is dropped and created again when nothing uses it, else
 * the difference is reported as drift.
 */
function alter(ctx: DiffContext, p: Pair<CompositeTypeDef>): void {
  const { key, liveKey, target, live, renamed } = p;
  const ref = { schema: target.schema, name: target.name };
  const attrs = ctx.matched(ATTRIBUTES).get(key)!;
  const liveType = (a: TypeAttribute): TypeAttribute => ({ ...a, type: ctx.names.type(a.type) });
  const dropped = attrs.liveOnly.map((o) => o.key);
  const retyped = attrs.pairs.filter((a) => !sameAttribute(a.target, liveType(a.live)));
  // Live order after the in-place changes: kept attributes (under target names), then additions.
  const order = [...live.attributes.map((a) => attrs.pairs.find((x) => x.liveKey === a.name)?.key).filter((n) => n !== undefined), ...attrs.created.map((c) => c.key)];
  const inOrder = order.join('\u0000') === target.attributes.map((a) => a.name).join('\u0000');
  const stored = columnUsingType(ctx.live, liveKey);
  const blocked = !inOrder ? 'PostgreSQL only appends attributes, and the target orders them differently' : retyped.length && stored !== undefined
    ? `PostgreSQL cannot change the type of attribute ${retyped.map((a) => a.key).join(', ')} while column ${stored} uses the type`
    : undefined;
  if (blocked !== undefined) {
    const user = typeUsedBy(ctx.live, live);
    if (user === undefined) {
      ctx.out.add('compositeType', key, drop('composite type', { schema: live.schema, name: live.name }, 'replace', target.origin, undefined, ['attributes']));
      create(ctx, key, target);
      return;
    }
    ctx.out.addDrift({ object: 'composite type', ref, ...originField(target.origin), message: `attributes differ (${describeAttributes(live)} live, ${describeAttributes(target)} in the migrations): ${blocked}, and ${user} uses ${qualify(live)}` });
    if (renamed) ctx.out.add('compositeType', key, rename('composite type', { schema: live.schema, name: live.name }, ref, target.origin));
    return;
  }
  if (renamed) ctx.out.add('compositeType', key, rename('composite type', { schema: live.schema, name: live.name }, ref, target.origin));
  const part = (name: string) => ({ schema: target.schema, name, parent: target.name });
  for (const a of attrs.pairs) if (a.renamed) ctx.out.add('compositeType', key, rename('attribute', part(a.liveKey), part(a.key), target.origin));
  for (const name of dropped) ctx.out.add('compositeType', key, change(target, { op: 'dropAttribute', name, stored: stored !== undefined }, 'changes behaviour'));
  for (const a of retyped) ctx.out.add('compositeType', key, change(target, { op: 'alterAttribute', attribute: a.target, from: liveType(a.live).type }, 'changes behaviour'));
  for (const { target: a } of attrs.created) ctx.out.add('compositeType', key, change(target, { op: 'addAttribute', attribute: a }));
  ctx.comment('composite type', ref, target.comment, live.comment, target.origin);
  for (const a of attrs.pairs) attributeComment(ctx, target, a.key, a.target.comment, a.live.comment);
  for (const { target: a } of attrs.created) attributeComment(ctx, target, a.name, a.comment, undefined);
}

/** `(a integer, b text)`, for drift messages. */
function describeAttributes(t: CompositeTypeDef): string {
  return `(${t.attributes.map((a) => `${a.name} ${a.type}${a.collation !== undefined ? ` COLLATE ${a.collation}` : ''}`).join(', ')})`;
}

/** Composite types: create, rename, alter attributes in place, or replace when unused; live-only ones as drops or unmanaged. */
export function diffCompositeTypes(ctx: DiffContext): void {
  for (const { key, target } of ctx.matched(COMPOSITE_TYPES).created) create(ctx, key, target);
  for (const p of ctx.matched(COMPOSITE_TYPES).pairs) alter(ctx, p);
  ctx.liveOnly('compositeType', ctx.matched(COMPOSITE_TYPES), () => 'composite type');
}
