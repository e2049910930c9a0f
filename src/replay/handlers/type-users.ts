import { relationKey } from '../../model/schema-state.js';
import { isOfType } from '../../model/type-users.js';
import type { Draft } from '../draft.js';
import type { ReplayContext } from '../context.js';

/** Whether a type name is taken in the schema: by an enum, domain, composite, range or multirange type, or a table's or view's row type. */
export function typeExists(d: Draft, key: string): boolean {
  if (d.enums.has(key) || d.domains.has(key) || d.compositeTypes.has(key) || d.rangeTypes.has(key) || d.tables.has(key) || d.views.has(key)) return true;
  for (const r of d.rangeTypes.values()) if (relationKey(r.multirange.schema, r.multirange.name) === key) return true;
  return false;
}

/**
 * Whether a CREATE TYPE / DOMAIN may take the name `key`: undefined while any type has it, a base
 * type included. A shell type (CREATE TYPE t;) is filled in instead: PostgreSQL updates its
 * pg_type row in place (moveArrayTypeName, TypeCreate), so the new type keeps the shell's comment,
 * returned here to be spread into it, and the draft forgets the shell.
 */
export function claimTypeName(d: Draft, key: string): { comment?: string } | undefined {
  if (typeExists(d, key) || d.baseTypes.get(key) === false) return undefined;
  const comment = d.shellComments.get(key);
  d.baseTypes.delete(key);
  d.shellComments.delete(key);
  return comment !== undefined ? { comment } : {};
}

/** What uses a type (by key): tables with a column of it, domains and ranges over it, composites with an attribute of it. */
export interface TypeUsers {
  readonly tables: readonly string[];
  readonly domains: readonly string[];
  readonly composites: readonly string[];
  readonly ranges: readonly string[];
}

/** The objects of the draft that use type `key`: what a DROP must cascade to, or refuse over. */
export function typeUsers(d: Draft, key: string): TypeUsers {
  const keysWhere = <T>(m: Map<string, T>, uses: (o: T) => boolean): string[] => [...m.entries()].filter(([, o]) => uses(o)).map(([k]) => k);
  return {
    tables: keysWhere(d.tables, (t) => t.columns.some((c) => isOfType(c.type, key))),
    domains: keysWhere(d.domains, (x) => isOfType(x.baseType, key)),
    composites: keysWhere(d.compositeTypes, (x) => x.attributes.some((a) => isOfType(a.type, key))),
    ranges: keysWhere(d.rangeTypes, (x) => x.subtype === key),
  };
}

/** The first user of a type, as PostgreSQL's "cannot drop type .. because .. depends on it" names it; undefined when none. */
export function firstTypeUser(d: Draft, u: TypeUsers): string | undefined {
  if (u.tables.length) return `table ${d.tables.get(u.tables[0]!)!.name}`;
  const other = u.domains[0] ?? u.composites[0] ?? u.ranges[0];
  return other === undefined ? undefined : `type ${other}`;
}

/**
 * What DROP TYPE .. CASCADE does to the users of type `key`: columns and attributes of it go,
 * domains and ranges over it are dropped (by `dropType`, which cascades further).
 */
export function dropTypeUsers(ctx: ReplayContext, key: string, u: TypeUsers, dropType: (k: string) => void): void {
  const d = ctx.draft;
  for (const k of [...u.domains, ...u.ranges]) dropType(k);
  for (const k of u.composites) {
    const c = d.compositeTypes.get(k);
    if (c) d.compositeTypes.set(k, { ...c, attributes: c.attributes.filter((a) => !isOfType(a.type, key)) });
  }
  for (const k of u.tables) {
    const t = d.tables.get(k);
    if (t) ctx.putTable({ ...t, columns: t.columns.filter((c) => !isOfType(c.type, key)) });
  }
}

/** After a type is renamed or moved, columns, domains, attributes and ranges of it carry its new name (PostgreSQL stores the oid). */
export function retypeUsers(d: Draft, from: string, to: string): void {
  const swap = (type: string): string => (type === from ? to : type === `${from}[]` ? `${to}[]` : type);
  for (const [k, t] of d.tables) {
    const fixed = t.columns.map((c) => (isOfType(c.type, from) ? { ...c, type: swap(c.type) } : c));
    if (fixed.some((c, i) => c !== t.columns[i])) d.tables.set(k, { ...t, columns: fixed });
  }
  for (const [k, x] of d.domains) if (isOfType(x.baseType, from)) d.domains.set(k, { ...x, baseType: swap(x.baseType) });
  for (const [k, x] of d.compositeTypes) {
    if (x.attributes.some((a) => isOfType(a.type, from))) d.compositeTypes.set(k, { ...x, attributes: x.attributes.map((a) => ({ ...a, type: swap(a.type) })) });
  }
  for (const [k, x] of d.rangeTypes) if (x.subtype === from) d.rangeTypes.set(k, { ...x, subtype: to });
}
