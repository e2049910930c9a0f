import { qualify } from '../../model/names.js';
import { type DefaultPrivilegeObjects, type Grant, defaultObjectsKind, grantsOnCreate } from '../../model/privileges.js';
import { functionKey, relationKey } from '../../model/schema-state.js';
import type { Ddl, SetOwnerDdl } from '../../parse/ddl.js';
import type { ReplayContext } from '../context.js';
import { operatorKeyOf } from './operators.js';
import { findRoutine } from './routine-lookup.js';
import { granteeName, rangeOfMultirange, unmodelledType, withGrants, withTypeGrants } from './privileges.js';
import { findAggregate } from './aggregates.js';

type Owned = { readonly owner?: string };

/** The object with its owner set; the migration's own role (CURRENT_USER ...) is no recorded owner. */
function withOwner<T extends Owned>(o: T, owner: string | undefined): T {
  const { owner: _old, ...rest } = o;
  return (owner !== undefined ? { ...rest, owner } : rest) as T;
}

/** ALTER ... OWNER TO: recorded on the object, compared only with `--owners`. */
export function setOwner(ctx: ReplayContext, s: SetOwnerDdl): void {
  if (s.owner.kind === 'public') return ctx.error('role "public" does not exist');
  const owner = granteeName(s.owner);
  if (owner !== undefined) ctx.draft.privilegeRoles.add(owner);
  const d = ctx.draft;
  const schema = ctx.schemaOf(s.object);
  const key = relationKey(schema, s.object.name);
  const label = qualify({ schema, name: s.object.name });
  switch (s.target) {
    case 'schema': {
      const x = d.schemas.get(s.object.name);
      if (!x) return ctx.error(`schema "${s.object.name}" does not exist`);
      d.schemas.set(s.object.name, withOwner(x, owner));
      return;
    }
    case 'table':
    case 'sequence':
    case 'view':
    case 'materialized view': {
      // ALTER TABLE ... OWNER TO works on any relation; PostgreSQL also moves an owned sequence along.
      const t = d.tables.get(key);
      if (t) {
        ctx.putTable(withOwner(t, owner));
        for (const [k, q] of d.sequences.entriesReferencing(key)) d.sequences.set(k, withOwner(q, owner));
        return;
      }
      const q = d.sequences.get(key);
      if (q) return void d.sequences.set(key, withOwner(q, owner));
      const v = d.views.get(key);
      if (v) return void d.views.set(key, withOwner(v, owner));
      return ctx.error(`relation "${label}" does not exist`);
    }
    case 'function':
    case 'procedure':
    case 'routine': {
      // ALTER FUNCTION and ALTER ROUTINE take aggregates too; ALTER PROCEDURE only procedures.
      const found = findRoutine(ctx, s.object, s.args, s.target);
      if (!found) return;
      if (found.routine === 'aggregate') d.aggregates.set(found.key, withOwner(d.aggregates.get(found.key)!, owner));
      else d.functions.set(found.key, withOwner(d.functions.get(found.key)!, owner));
      return;
    }
    case 'aggregate': {
      const k = findAggregate(ctx, s.object, s.args);
      if (k !== undefined) d.aggregates.set(k, withOwner(d.aggregates.get(k)!, owner));
      return;
    }
    case 'type':
    case 'domain': {
      // ALTER TYPE works on domains too; ALTER DOMAIN on anything else is `x is not a domain`.
      const dom = d.domains.get(key);
      if (dom) return void d.domains.set(key, withOwner(dom, owner));
      const set = <T extends Owned>(m: Map<string, T>): boolean => {
        const o = m.get(key);
        if (o) m.set(key, withOwner(o, owner));
        return o !== undefined;
      };
      const isType = d.enums.has(key) || d.compositeTypes.has(key) || d.rangeTypes.has(key);
      if (isType && s.target === 'domain') return ctx.error(`${s.object.name} is not a domain`);
      if (set(d.enums) || set(d.compositeTypes) || set(d.rangeTypes)) return;
      // PostgreSQL 14 to 16 give a multirange an owner of its own (ALTER TYPE r OWNER TO leaves it).
      const range = rangeOfMultirange(ctx, key);
      if (s.target === 'domain' && range !== undefined) return ctx.error(`${s.object.name} is not a domain`);
      if (range !== undefined) {
        const r = d.rangeTypes.get(range)!;
        const { multirangeOwner: _old, ...rest } = r;
        d.rangeTypes.set(range, owner !== undefined ? { ...rest, multirangeOwner: owner } : rest);
        return;
      }
      const found = unmodelledType(ctx, s.object, s.target === 'domain' ? 'alter domain' : 'alter type');
      if ('error' in found) return ctx.error(found.error);
      ctx.warn(`not modelled: ALTER ${s.target.toUpperCase()} ${found.name} OWNER TO: ${found.why} (replay continues without it)`);
      return;
    }
    case 'collation': {
      const c = d.collations.get(key);
      if (!c) return ctx.error(`collation "${s.object.name}" for encoding "UTF8" does not exist`);
      d.collations.set(key, withOwner(c, owner));
      return;
    }
    case 'operator': {
      const k = operatorKeyOf(ctx, s.object, s.operands ?? [undefined, undefined]);
      const o = d.operators.get(k);
      if (!o) return ctx.error(`operator does not exist: ${k}`);
      d.operators.set(k, withOwner(o, owner));
      return;
    }
    default: {
      const unhandled: never = s.target;
      throw new Error(`unhandled owner target: ${String(unhandled)}`);
    }
  }
}

/**
 * For a CREATE: a function to run after the handler that gives the new object the grants the
 * current role's default privileges make (PostgreSQL applies them when the object is created,
 * sequences a table creates for serial and identity columns included). Undefined when no default
 * privileges are set or the statement makes nothing new.
 */
export function defaultPrivilegesOnCreate(ctx: ReplayContext, ddl: Ddl): (() => void) | undefined {
  const d = ctx.draft;
  if (!d.defaultPrivileges.size) return undefined;
  const apply = <T extends { readonly grants?: readonly Grant[] }>(m: Map<string, T>, key: string, objects: DefaultPrivilegeObjects, schema: string | undefined, name?: string): void => {
    const o = m.get(key);
    const grants = grantsOnCreate(d.defaultPrivileges, objects, schema);
    if (o && grants) m.set(key, withGrants(o, defaultObjectsKind(objects), grants, name));
  };
  switch (ddl.kind) {
    case 'createTable': {
      const key = ctx.key(ddl.table);
      if (d.tables.has(key)) return undefined;
      const schema = ctx.schemaOf(ddl.table);
      return () => {
        apply(d.tables, key, 'tables', schema);
        for (const [k] of d.sequences.entriesReferencing(key)) apply(d.sequences, k, 'sequences', schema);
      };
    }
    case 'createView': {
      const key = ctx.key(ddl.view);
      return d.views.has(key) ? undefined : () => apply(d.views, key, 'tables', ctx.schemaOf(ddl.view));
    }
    case 'createSequence': {
      const key = ctx.key(ddl.sequence);
      return d.sequences.has(key) ? undefined : () => apply(d.sequences, key, 'sequences', ctx.schemaOf(ddl.sequence));
    }
    case 'createEnum': {
      const key = ctx.key(ddl.type);
      return d.enums.has(key) ? undefined : () => apply(d.enums, key, 'types', ctx.schemaOf(ddl.type));
    }
    case 'createDomain': {
      // A domain is a type: ALTER DEFAULT PRIVILEGES ... ON TYPES applies to it.
      const key = ctx.key(ddl.domain);
      return d.domains.has(key) ? undefined : () => apply(d.domains, key, 'types', ctx.schemaOf(ddl.domain));
    }
    case 'createCompositeType': {
      const key = ctx.key(ddl.type);
      return d.compositeTypes.has(key) ? undefined : () => apply(d.compositeTypes, key, 'types', ctx.schemaOf(ddl.type));
    }
    case 'createRangeType': {
      // The multirange type made with it gets the default privileges of its own schema too.
      const key = ctx.key(ddl.type);
      return d.rangeTypes.has(key) ? undefined : () => {
        apply(d.rangeTypes, key, 'types', ctx.schemaOf(ddl.type));
        const r = d.rangeTypes.get(key);
        const grants = r && grantsOnCreate(d.defaultPrivileges, 'types', r.multirange.schema);
        if (r && grants) d.rangeTypes.set(key, withTypeGrants(r, 'multirangeGrants', grants));
      };
    }
    case 'createFunction': {
      const schema = ctx.schemaOf(ddl.function);
      const key = functionKey(schema, ddl.function.name, ddl.identityArgs);
      return d.functions.has(key) ? undefined : () => apply(d.functions, key, 'functions', schema);
    }
    case 'createAggregate': {
      // An aggregate is a routine: ALTER DEFAULT PRIVILEGES ... ON FUNCTIONS applies to it.
      const schema = ctx.schemaOf(ddl.aggregate);
      const key = functionKey(schema, ddl.aggregate.name, ddl.identityArgs);
      return d.aggregates.has(key) ? undefined : () => apply(d.aggregates, key, 'functions', schema);
    }
    case 'createSchema':
      return d.schemas.has(ddl.name) ? undefined : () => apply(d.schemas, ddl.name, 'schemas', undefined, ddl.name);
    default:
      return undefined;
  }
}
