import { qualify, routineName, type QualifiedName } from '../../model/names.js';
import { normalizeQuery, objectTextMove, renameRoutineInQuery } from '../../parse/index.js';
import { aggregateRoutines, type AggregateDef } from '../../model/objects.js';
import { functionKey } from '../../model/schema-state.js';
import type { AggregateDdl } from '../../parse/ddl.js';
import type { ReplayContext } from '../context.js';
import { aclFields } from '../../model/privileges.js';
import type { Draft } from '../draft.js';

/**
 * CREATE [OR REPLACE] AGGREGATE. Aggregates share the routine name space with functions and
 * procedures (name plus argument types): PostgreSQL refuses an aggregate where a function of the
 * same signature is, and OR REPLACE cannot turn one kind into the other.
 */
export function createAggregate(ctx: ReplayContext, s: AggregateDdl): void {
  const d = ctx.draft;
  const schema = ctx.schemaOf(s.aggregate);
  if (!d.schemas.has(schema)) return ctx.error(`schema "${schema}" does not exist`);
  const key = functionKey(schema, s.aggregate.name, s.identityArgs);
  const existing = d.aggregates.get(key);
  if (d.functions.has(key)) return ctx.error(s.orReplace ? `cannot change routine kind: "${s.aggregate.name}" is a function` : `function ${key} already exists with same argument types`);
  if (existing && !s.orReplace) return ctx.error(`function ${key} already exists with same argument types`);
  if (existing && existing.aggKind !== s.aggKind) return ctx.error(`cannot change the kind of aggregate ${key} (ordered-set or not)`);
  const { kind: _k, aggregate: _a, orReplace: _o, ...fields } = s;
  d.aggregates.set(key, {
    schema, name: s.aggregate.name, ...fields,
    ...(existing?.comment !== undefined ? { comment: existing.comment } : {}),
    ...aclFields(existing),
    origin: ctx.origin,
  } as AggregateDef);
}

/**
 * The aggregate a DROP / COMMENT / ALTER AGGREGATE names (its key), or an error as PostgreSQL
 * gives. Without `args` (statements whose lowering keeps none) the name must be unique.
 */
export function findAggregate(ctx: ReplayContext, ref: { schema?: string; name: string }, args: string | undefined, ifExists = false): string | undefined {
  const schema = ctx.schemaOf(ref);
  const keys =
    args !== undefined
      ? [functionKey(schema, ref.name, args)].filter((k) => ctx.draft.aggregates.has(k))
      : [...ctx.draft.aggregates.entries()].filter(([, a]) => a.schema === schema && a.name === ref.name).map(([k]) => k);
  if (keys.length === 1) return keys[0];
  if (keys.length > 1) ctx.error(`aggregate name "${ref.name}" is not unique`);
  else if (!ifExists) ctx.error(`aggregate ${qualify({ schema, name: ref.name })}(${args || '*'}) does not exist`);
  return undefined;
}

/**
 * Moves or renames an aggregate (ALTER AGGREGATE .. RENAME TO / SET SCHEMA), recording the rename.
 * Views, policies, rules and SQL-standard bodies calling it print its new name (PostgreSQL holds its OID).
 */
export function moveAggregate(ctx: ReplayContext, key: string, to: { schema: string; name: string }): void {
  const d = ctx.draft;
  const a = d.aggregates.get(key)!;
  const newKey = functionKey(to.schema, to.name, a.identityArgs);
  if (d.aggregates.has(newKey) || d.functions.has(newKey)) return ctx.error(`function ${newKey} already exists in schema "${to.schema}"`);
  d.aggregates.delete(key);
  d.aggregates.set(newKey, { ...a, schema: to.schema, name: to.name });
  d.history.push({ event: 'rename', object: 'aggregate', from: { schema: a.schema, name: a.name }, to, origin: ctx.origin });
  followInViews(d, a, to);
  d.follow(objectTextMove(a, 'routine', to.schema, to.name));
}

/** A routine renamed or moved: views calling it hold its OID, so pg_get_viewdef prints the new name. */
function followInViews(d: Draft, from: QualifiedName, to: QualifiedName): void {
  for (const [k, v] of d.views) {
    if (!v.definition.includes(from.name)) continue;
    const definition = renameRoutineInQuery(v.definition, from, to);
    if (definition !== undefined) d.views.set(k, { ...v, definition, query: normalizeQuery(definition) });
  }
}

/** A function or aggregate renamed or moved: aggregates and views name it by OID, so they follow. */
export function followRoutineRename(d: Draft, from: QualifiedName, to: QualifiedName): void {
  followInViews(d, from, to);
  const was = routineName(from.schema, from.name);
  const now = routineName(to.schema, to.name);
  const fix = (f: string | undefined): string | undefined => (f === was ? now : f);
  for (const k of aggregatesUsing(d, from)) {
    const a = d.aggregates.get(k)!;
    const fixed: AggregateDef = { ...a, sfunc: fix(a.sfunc)! };
    for (const f of ['finalfunc', 'combinefunc', 'serialfunc', 'deserialfunc', 'msfunc', 'minvfunc', 'mfinalfunc'] as const) {
      if (a[f] !== undefined) (fixed as { -readonly [K in typeof f]?: string })[f] = fix(a[f]);
    }
    d.aggregates.set(k, fixed);
  }
}

/** The aggregates whose support functions include the routine (schema and name; any overload). */
export function aggregatesUsing(d: Draft, fn: { schema: string; name: string }): string[] {
  const name = routineName(fn.schema, fn.name);
  const uses = (a: AggregateDef): boolean => aggregateRoutines(a).includes(name);
  return [...d.aggregates.entries()].filter(([, a]) => uses(a)).map(([k]) => k);
}

/** The views whose query calls the routine (schema and name; any overload). */
export function viewsCalling(d: Draft, r: QualifiedName): string[] {
  return [...d.views.entries()].filter(([, v]) => v.definition.includes(r.name) && renameRoutineInQuery(v.definition, r, r) !== undefined).map(([k]) => k);
}

/**
 * Drops an aggregate the way DROP AGGREGATE (or a CASCADE reaching it) does: the views calling it
 * go too with CASCADE, else PostgreSQL refuses. False when refused.
 */
export function dropAggregate(ctx: ReplayContext, key: string, cascade: boolean): boolean {
  const d = ctx.draft;
  const a = d.aggregates.get(key)!;
  const views = viewsCalling(d, a);
  if (views.length && !cascade) {
    ctx.error(`cannot drop function ${a.name}(${a.identityArgs}) because view ${d.views.get(views[0]!)!.name} depends on it`);
    return false;
  }
  for (const k of views) {
    const v = d.views.get(k)!;
    d.views.delete(k);
    d.history.push({ event: 'drop', object: v.materialized ? 'materialized view' : 'view', ref: { schema: v.schema, name: v.name }, origin: ctx.origin });
  }
  d.aggregates.delete(key);
  d.history.push({ event: 'drop', object: 'aggregate', ref: { schema: a.schema, name: a.name }, origin: ctx.origin });
  return true;
}
