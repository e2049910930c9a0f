import { catalogObjectName, type QualifiedName } from '../../model/names.js';
import type { Mutable } from '../../model/mutable.js';
import type { CompositeTypeDef, RangeTypeDef, TypeAttribute } from '../../model/objects.js';
import { relationKey } from '../../model/schema-state.js';
import { columnUsingType } from '../../model/type-users.js';
import type { AttributeSpec, Ddl, NameRef } from '../../parse/ddl.js';
import type { ReplayContext } from '../context.js';
import { DEFAULT_OPCLASSES } from '../default-opclasses.js';
import { claimTypeName, dropTypeUsers, firstTypeUser, typeExists, typeUsers } from './type-users.js';

type CreateComposite = Extract<Ddl, { kind: 'createCompositeType' }>;
type CreateRange = Extract<Ddl, { kind: 'createRangeType' }>;
type AlterType = Extract<Ddl, { kind: 'alterType' }>;

/** An attribute in the model: its type text, and its collation unless it is the type's own (`"default"`). */
function attribute(ctx: ReplayContext, a: AttributeSpec): TypeAttribute {
  return { name: a.name, type: ctx.typeText(a.type), ...(a.collation !== undefined && a.collation !== '"default"' ? { collation: a.collation } : {}) };
}

/** CREATE TYPE .. AS (...) (no IF NOT EXISTS). */
export function createCompositeType(ctx: ReplayContext, s: CreateComposite): void {
  const d = ctx.draft;
  const key = ctx.key(s.type);
  const schema = ctx.schemaOf(s.type);
  if (!d.schemas.has(schema)) return ctx.error(`schema "${schema}" does not exist`);
  const shell = claimTypeName(d, key);
  if (!shell) return ctx.error(`type ${key} already exists`);
  const attributes: TypeAttribute[] = [];
  for (const a of s.attributes) {
    if (attributes.some((x) => x.name === a.name)) return ctx.error(`column "${a.name}" specified more than once`);
    if (a.type.kind === 'serial') return ctx.error(`type "${a.type.base === 'integer' ? 'serial' : a.type.base === 'bigint' ? 'bigserial' : 'smallserial'}" does not exist`);
    attributes.push(attribute(ctx, a));
  }
  d.compositeTypes.set(key, { schema, name: s.type.name, attributes, ...shell, origin: ctx.origin });
}

/** A function a range names: a function of the history when unqualified and one exists in public, else a built-in. */
function routineName(ctx: ReplayContext, ref: NameRef): string {
  if (ref.schema !== undefined) return catalogObjectName(ref.schema, ref.name);
  const own = [...ctx.draft.functions.values()].some((f) => f.schema === 'public' && f.name === ref.name);
  return catalogObjectName(own ? 'public' : 'pg_catalog', ref.name);
}

/** The multirange name PostgreSQL makes (makeMultirangeTypeName): `range` becomes `multirange`, else `_multirange` is appended. */
function defaultMultirange(name: string): string {
  const at = name.indexOf('range');
  return at >= 0 ? `${name.slice(0, at)}multi${name.slice(at)}` : `${name}_multirange`;
}

/**
 * CREATE TYPE .. AS RANGE: the subtype's default btree operator class and `"default"`
 * collation are left out (the catalog cannot tell them from unspecified).
 */
export function createRangeType(ctx: ReplayContext, s: CreateRange): void {
  const d = ctx.draft;
  const key = ctx.key(s.type);
  const schema = ctx.schemaOf(s.type);
  if (!d.schemas.has(schema)) return ctx.error(`schema "${schema}" does not exist`);
  const shell = claimTypeName(d, key);
  if (!shell) return ctx.error(`type ${key} already exists`);
  if (s.subtype.kind === 'serial') return ctx.error(`type "serial" does not exist`);
  const subtype = ctx.typeText(s.subtype);
  const multirange: QualifiedName = s.multirange
    ? { schema: ctx.schemaOf(s.multirange), name: s.multirange.name }
    : { schema, name: defaultMultirange(s.type.name) };
  if (typeExists(d, relationKey(multirange.schema, multirange.name))) return ctx.error(`type "${multirange.name}" already exists`);
  const r: Mutable<RangeTypeDef> = { schema, name: s.type.name, subtype, multirange, ...shell };
  if (s.subtypeOpclass) {
    const opclass = catalogObjectName(s.subtypeOpclass.schema ?? 'pg_catalog', s.subtypeOpclass.name);
    // The catalog tells only whether the class is a default one (opcdefault), for whichever type.
    if (!Object.values(DEFAULT_OPCLASSES.btree ?? {}).includes(opclass)) r.subtypeOpclass = opclass;
  }
  if (s.collation !== undefined && s.collation !== '"default"') r.collation = s.collation;
  if (s.canonical) r.canonical = routineName(ctx, s.canonical);
  if (s.subtypeDiff) r.subtypeDiff = routineName(ctx, s.subtypeDiff);
  r.origin = ctx.origin;
  d.rangeTypes.set(key, r);
}

/** The type keys a DROP TYPE removes: the type, and a range's multirange with it. */
function droppedKeys(ctx: ReplayContext, key: string): string[] {
  const r = ctx.draft.rangeTypes.get(key);
  return r ? [key, relationKey(r.multirange.schema, r.multirange.name)] : [key];
}

/**
 * DROP TYPE of an enum, composite or range type (domains: dropDomain), refused while something
 * uses it unless CASCADE, which drops columns and attributes of it and the domains and ranges over
 * it. False when no such type exists.
 */
export function dropType(ctx: ReplayContext, key: string, cascade: boolean): boolean {
  const d = ctx.draft;
  if (d.domains.has(key)) return dropDomain(ctx, key, cascade);
  const found = d.enums.get(key) ?? d.compositeTypes.get(key) ?? d.rangeTypes.get(key);
  if (!found) return false;
  const keys = droppedKeys(ctx, key);
  const user = keys.map((k) => firstTypeUser(d, typeUsers(d, k))).find((u) => u !== undefined);
  if (!cascade && user !== undefined) {
    ctx.error(`cannot drop type ${key} because ${user} depends on it`);
    return true;
  }
  for (const k of keys) dropTypeUsers(ctx, k, typeUsers(d, k), (x) => dropAnyType(ctx, x));
  const object = d.enums.delete(key) ? 'enum' : d.compositeTypes.delete(key) ? 'composite type' : 'range type';
  d.rangeTypes.delete(key);
  d.history.push({ event: 'drop', object, ref: { schema: found.schema, name: found.name }, origin: ctx.origin });
  return true;
}

/** Removes a domain and (with CASCADE) the columns and domains of its type, as DROP DOMAIN .. CASCADE does. */
export function dropDomain(ctx: ReplayContext, key: string, cascade: boolean): boolean {
  const d = ctx.draft;
  const dom = d.domains.get(key);
  if (!dom) return false;
  const users = typeUsers(d, key);
  const user = firstTypeUser(d, users);
  if (!cascade && user !== undefined) {
    ctx.error(`cannot drop type ${key} because ${user} depends on it`);
    return true;
  }
  dropTypeUsers(ctx, key, users, (k) => dropAnyType(ctx, k));
  for (const c of dom.checks) d.trackConstraintName(dom.schema, c.name, -1);
  d.domains.delete(key);
  d.history.push({ event: 'drop', object: 'domain', ref: { schema: dom.schema, name: dom.name }, origin: ctx.origin });
  return true;
}

/** DROP .. CASCADE reaching a type through a user: whatever kind of type it is. */
export function dropAnyType(ctx: ReplayContext, key: string): void {
  dropType(ctx, key, true);
}

/** ALTER TYPE .. ADD / DROP / ALTER ATTRIBUTE, one command after the other. */
export function alterType(ctx: ReplayContext, s: AlterType): void {
  const d = ctx.draft;
  const key = ctx.key(s.type);
  const found = d.compositeTypes.get(key);
  // PostgreSQL looks the composite up as a relation: any other type is "does not exist" too.
  if (!found) {
    if (!s.ifExists) ctx.error(`relation "${s.type.name}" does not exist`);
    return;
  }
  let t: CompositeTypeDef = found;
  for (const cmd of s.commands) {
    const has = (name: string): boolean => t.attributes.some((a) => a.name === name);
    switch (cmd.op) {
      case 'addAttribute':
        if (has(cmd.attribute.name)) return ctx.error(`column "${cmd.attribute.name}" of relation "${t.name}" already exists`);
        t = { ...t, attributes: [...t.attributes, attribute(ctx, cmd.attribute)] };
        break;
      case 'dropAttribute':
        if (!has(cmd.name)) {
          if (!cmd.ifExists) return ctx.error(`column "${cmd.name}" of relation "${t.name}" does not exist`);
          break;
        }
        t = { ...t, attributes: t.attributes.filter((a) => a.name !== cmd.name) };
        break;
      case 'alterAttribute': {
        if (!has(cmd.name)) return ctx.error(`column "${cmd.name}" of relation "${t.name}" does not exist`);
        const user = columnUsingType(d, key);
        if (user !== undefined) return ctx.error(`cannot alter type "${t.name}" because column "${user}" uses it`);
        const type = ctx.typeText(cmd.type);
        t = {
          ...t,
          attributes: t.attributes.map((a) => {
            if (a.name !== cmd.name) return a;
            // Without COLLATE the attribute keeps its collation only when its type stays the same.
            const collation = cmd.collation ?? (a.type === type ? a.collation : undefined);
            // The comment stays (pg_description is keyed by attnum, which ALTER ATTRIBUTE keeps).
            return { name: a.name, type, ...(collation !== undefined && collation !== '"default"' ? { collation } : {}), ...(a.comment !== undefined ? { comment: a.comment } : {}) };
          }),
        };
        break;
      }
      case 'unsupported':
        ctx.warn(`not modelled: ${cmd.what}`);
        break;
    }
  }
  d.compositeTypes.set(key, t);
}

/** ALTER TYPE .. RENAME ATTRIBUTE a TO b, recorded so the diff renames it in place. */
export function renameAttribute(ctx: ReplayContext, type: NameRef, from: string, to: string, ifExists: boolean): void {
  const d = ctx.draft;
  const key = ctx.key(type);
  const t = d.compositeTypes.get(key);
  if (!t) {
    if (!ifExists) ctx.error(`relation "${type.name}" does not exist`);
    return;
  }
  if (!t.attributes.some((a) => a.name === from)) return ctx.error(`column "${from}" does not exist`);
  if (t.attributes.some((a) => a.name === to)) return ctx.error(`column "${to}" of relation "${t.name}" already exists`);
  d.compositeTypes.set(key, { ...t, attributes: t.attributes.map((a) => (a.name === from ? { ...a, name: to } : a)) });
  d.history.push({ event: 'rename', object: 'attribute', from: { schema: t.schema, name: from, parent: t.name }, to: { schema: t.schema, name: to, parent: t.name }, origin: ctx.origin });
}
