import { qualify } from '../../model/names.js';
import { viewColumnGrants, withColumnGrants } from '../../model/view-column-details.js';
import { viewOutputColumns } from '../../parse/index.js';
import {
  type AclKind, ALL_PRIVILEGES, type Grant, type Privilege, PUBLIC, canonicalGrants, effectiveGrants, grantsField,
} from '../../model/privileges.js';
import { isBuiltinTypeName } from '../../parse/index.js';
import { relationKey } from '../../model/schema-state.js';
import type { GrantDdl, NameRef, PrivilegeSpec, RoleRef } from '../../parse/ddl.js';
import type { ReplayContext } from '../context.js';
import { findRoutine } from './routine-lookup.js';

/** An object a GRANT names: its ACL kind, its grants and how to store new ones. */
export interface AclTarget {
  readonly kind: AclKind;
  /** For messages: `table public.t`. */
  readonly label: string;
  readonly name: string;
  readonly grants: readonly Grant[] | undefined;
  put(grants: readonly Grant[]): void;
  /**
   * The relation's column names (column privileges): a table's, a view's output columns;
   * undefined when a view's cannot be told from its query. Absent for other kinds.
   */
  readonly columnNames?: () => readonly string[] | undefined;
  /** Stores the relation's columns with their grants changed by `fn` (called once per column). */
  mapColumns?(fn: <C extends AclColumn>(c: C) => C): void;
}

/** What column privileges work on: a table's ColumnDef, or a view's output column. */
type AclColumn = { readonly name: string; readonly grants?: readonly Grant[] };

/** The grantee's name in the model, or undefined for the migration's own role (its privileges are the owner's). */
export function granteeName(r: RoleRef): string | undefined {
  switch (r.kind) {
    case 'public': return PUBLIC;
    case 'role': return r.name;
    case 'current': return undefined;
    default: {
      const unhandled: never = r;
      throw new Error(`unhandled role: ${JSON.stringify(unhandled)}`);
    }
  }
}

/** Records the roles a privilege statement names, which makes their privileges managed. */
export function notePrivilegeRoles(ctx: ReplayContext, roles: readonly RoleRef[]): void {
  for (const r of roles) {
    const name = granteeName(r);
    if (name !== undefined) ctx.draft.privilegeRoles.add(name);
  }
}

/**
 * The privileges a statement's list means on a kind: `ALL` expanded, names checked. A sequence
 * named by GRANT ... ON TABLE keeps only what sequences have (PostgreSQL warns and drops the
 * rest); any other privilege the kind lacks is PostgreSQL's `invalid privilege type` error.
 */
export function privilegesFor(ctx: ReplayContext, kind: AclKind, specs: readonly PrivilegeSpec[], lenient: boolean): Privilege[] | undefined {
  const valid = ALL_PRIVILEGES[kind];
  const out: Privilege[] = [];
  for (const p of specs) {
    if (p.name === 'all') {
      out.push(...valid);
      continue;
    }
    const upper = p.name.toUpperCase() as Privilege;
    if (valid.includes(upper)) out.push(upper);
    else if (!lenient) {
      ctx.error(`invalid privilege type ${upper} for ${kind === 'type' ? 'type' : kind}`);
      return undefined;
    }
  }
  return out;
}

/** The grants after GRANT (adds; WITH GRANT OPTION upgrades) or REVOKE (removes, or only the option). */
export function applyGrants(
  grants: readonly Grant[],
  s: Pick<GrantDdl, 'revoke' | 'grantOptionOnly' | 'withGrantOption'>,
  grantees: readonly string[],
  privileges: readonly Privilege[],
): Grant[] {
  const hit = (g: Grant): boolean => grantees.includes(g.grantee) && privileges.includes(g.privilege);
  if (s.revoke) {
    if (s.grantOptionOnly) return grants.map((g) => (hit(g) ? { ...g, grantable: false } : g));
    return grants.filter((g) => !hit(g));
  }
  const out = [...grants];
  for (const grantee of grantees) {
    for (const privilege of privileges) {
      const i = out.findIndex((g) => g.grantee === grantee && g.privilege === privilege);
      if (i < 0) out.push({ grantee, privilege, grantable: s.withGrantOption });
      else if (s.withGrantOption) out[i] = { ...out[i]!, grantable: true };
    }
  }
  return out;
}

function relationTarget(ctx: ReplayContext, ref: NameRef, want: 'table' | 'sequence'): AclTarget | undefined {
  const d = ctx.draft;
  const schema = ctx.schemaOf(ref);
  const key = relationKey(schema, ref.name);
  const label = qualify({ schema, name: ref.name });
  const seq = d.sequences.get(key);
  if (seq) return { kind: 'sequence', label: `sequence ${label}`, name: ref.name, grants: seq.grants, put: (g) => d.sequences.set(key, withGrants(seq, 'sequence', g)) };
  if (want === 'sequence') {
    ctx.error(d.relationExists(schema, ref.name) ? `"${ref.name}" is not a sequence` : `relation "${label}" does not exist`);
    return undefined;
  }
  const table = d.tables.get(key);
  if (table) {
    return {
      kind: 'table', label: `table ${label}`, name: ref.name, grants: table.grants,
      put: (g) => ctx.putTable(withGrants(d.tables.get(key)!, 'table', g)),
      columnNames: () => d.tables.get(key)!.columns.map((c) => c.name),
      mapColumns: (fn) => {
        const t = d.tables.get(key)!;
        ctx.putTable({ ...t, columns: t.columns.map(fn) });
      },
    };
  }
  const view = d.views.get(key);
  if (view) {
    // A view's column grants ride on its output columns, by name (see ViewDef.columnGrants).
    const outputs = (): readonly string[] | undefined => { const v = d.views.get(key)!; return viewOutputColumns(v.definition) ?? v.columns; };
    return {
      kind: 'table', label: `${view.materialized ? 'materialized view' : 'view'} ${label}`, name: ref.name, grants: view.grants,
      put: (g) => d.views.set(key, withGrants(d.views.get(key)!, 'table', g)),
      columnNames: outputs,
      mapColumns: (fn) => {
        const v = d.views.get(key)!;
        const names = outputs() ?? v.columnGrants?.map((c) => c.name) ?? [];
        d.views.set(key, withColumnGrants(v, names.map((name) => fn({ name, grants: viewColumnGrants(v, name) }))));
      },
    };
  }
  ctx.error(`relation "${label}" does not exist`);
  return undefined;
}

/** The object with its grants set (the field left out when they are the kind's default). */
export function withGrants<T extends { readonly grants?: readonly Grant[] }>(obj: T, kind: AclKind, grants: readonly Grant[], name?: string): T {
  const { grants: _old, ...rest } = obj;
  return { ...rest, ...grantsField(kind, grants, name) } as T;
}

/** The ACL target of a function, procedure or aggregate by its key (aggregates have EXECUTE, as functions). */
function routineTarget(ctx: ReplayContext, key: string, routine: 'function' | 'procedure' | 'aggregate', label: string): AclTarget {
  const d = ctx.draft;
  if (routine === 'aggregate') {
    const a = d.aggregates.get(key)!;
    return { kind: 'function', label: `aggregate ${label}`, name: a.name, grants: a.grants, put: (g) => d.aggregates.set(key, withGrants(d.aggregates.get(key)!, 'function', g)) };
  }
  const f = d.functions.get(key)!;
  return { kind: 'function', label: `${f.kind} ${label}`, name: f.name, grants: f.grants, put: (g) => d.functions.set(key, withGrants(d.functions.get(key)!, 'function', g)) };
}

function functionTargets(ctx: ReplayContext, on: Extract<GrantDdl['on'], { kind: 'function' | 'procedure' | 'routine' }>): AclTarget[] | undefined {
  const out: AclTarget[] = [];
  for (const o of on.objects) {
    const found = findRoutine(ctx, o.object, o.args, on.kind);
    if (!found) return undefined;
    out.push(routineTarget(ctx, found.key, found.routine, found.label));
  }
  return out;
}

/**
 * The type a GRANT ... ON TYPE / ON DOMAIN names: an enum, composite or range type, a domain
 * (all take USAGE only), a range's multirange type or a table's or view's row type (each with an
 * ACL of its own in pg_type, see RangeTypeDef.multirangeGrants and TableDef.rowTypeGrants). ON
 * DOMAIN naming a non-domain is PostgreSQL's `"x" is not a domain`; what PostgreSQL refuses
 * otherwise is an error, any other type a warning saying why it is not modelled (see unmodelledType).
 */
function typeTarget(ctx: ReplayContext, ref: NameRef, domainOnly: boolean): AclTarget | undefined {
  const d = ctx.draft;
  const key = ctx.key(ref);
  const dom = d.domains.get(key);
  if (dom) return { kind: 'type', label: `domain ${key}`, name: dom.name, grants: dom.grants, put: (g) => d.domains.set(key, withGrants(d.domains.get(key)!, 'type', g)) };
  const target = <T extends { readonly name: string; readonly grants?: readonly Grant[] }>(m: Map<string, T>): AclTarget | undefined => {
    const o = m.get(key);
    return o && { kind: 'type', label: `type ${key}`, name: o.name, grants: o.grants, put: (g) => m.set(key, withGrants(m.get(key)!, 'type', g)) };
  };
  const t = target(d.enums) ?? target(d.compositeTypes) ?? target(d.rangeTypes) ?? dependentTypeTarget(ctx, key);
  if (t && domainOnly) {
    ctx.error(`"${ref.name}" is not a domain`);
    return undefined;
  }
  if (t) return t;
  const found = unmodelledType(ctx, ref, 'grant');
  if ('error' in found) ctx.error(found.error);
  else ctx.warn(`not modelled: GRANT / REVOKE on type ${found.name}: ${found.why} (replay continues without it)`);
  return undefined;
}

/** The key of the range type whose multirange type has `key`, if any. */
export function rangeOfMultirange(ctx: ReplayContext, key: string): string | undefined {
  for (const [k, r] of ctx.draft.rangeTypes) if (relationKey(r.multirange.schema, r.multirange.name) === key) return k;
  return undefined;
}

/** A type PostgreSQL makes along with another object that has an ACL of its own: a range's multirange, a relation's row type. */
function dependentTypeTarget(ctx: ReplayContext, key: string): AclTarget | undefined {
  const d = ctx.draft;
  const range = rangeOfMultirange(ctx, key);
  if (range !== undefined) {
    const r = d.rangeTypes.get(range)!;
    return { kind: 'type', label: `multirange type ${key}`, name: r.multirange.name, grants: r.multirangeGrants, put: (g) => d.rangeTypes.set(range, withTypeGrants(d.rangeTypes.get(range)!, 'multirangeGrants', g)) };
  }
  const table = d.tables.get(key);
  if (table) return { kind: 'type', label: `row type of table ${key}`, name: table.name, grants: table.rowTypeGrants, put: (g) => ctx.putTable(withTypeGrants(d.tables.get(key)!, 'rowTypeGrants', g)) };
  const view = d.views.get(key);
  if (view) return { kind: 'type', label: `row type of view ${key}`, name: view.name, grants: view.rowTypeGrants, put: (g) => d.views.set(key, withTypeGrants(d.views.get(key)!, 'rowTypeGrants', g)) };
  return undefined;
}

/** The object with a dependent type's grants set (`rowTypeGrants`, `multirangeGrants`), left out when they are a type's default. */
export function withTypeGrants<T extends object>(obj: T, field: 'rowTypeGrants' | 'multirangeGrants', grants: readonly Grant[]): T {
  const { [field]: _old, ...rest } = obj as Record<string, unknown>;
  const g = canonicalGrants('type', grants);
  return { ...rest, ...(g ? { [field]: g } : {}) } as T;
}

/** Why what a statement sets on a shell or base type the history creates is not managed: `setting` is what it sets (`owner is`). */
export function unmodelledTypeWhy(shell: boolean, setting: string): string {
  return `a ${shell ? 'shell' : 'base'} type the history creates, which schema-sync does not model (a base type is made of input and output functions written in C, a shell type only stands in for one): apply does not create it, so its ${setting} neither applied nor checked`;
}

/**
 * A type GRANT / ALTER TYPE .. OWNER TO names that the model keeps nothing of: what PostgreSQL
 * says when it refuses the statement (`error`), else why schema-sync cannot manage it (`why`,
 * with the type's name as PostgreSQL would resolve it). PostgreSQL refuses both statements on
 * an array type, ALTER TYPE / DOMAIN .. OWNER TO on a table's row type (ALTER TABLE owns it),
 * and both on a sequence's or an index's name (neither has a row type since PostgreSQL 14).
 */
export function unmodelledType(ctx: ReplayContext, ref: NameRef, statement: 'grant' | 'alter type' | 'alter domain'): { readonly error: string } | { readonly name: string; readonly why: string } {
  const d = ctx.draft;
  const schema = ctx.schemaOf(ref);
  const key = relationKey(schema, ref.name);
  const label = qualify({ schema, name: ref.name });
  if (ref.name.startsWith('_')) {
    const elementKey = relationKey(schema, ref.name.slice(1));
    if (d.enums.has(elementKey) || d.domains.has(elementKey) || d.compositeTypes.has(elementKey) || d.rangeTypes.has(elementKey) || d.tables.has(elementKey) || d.views.has(elementKey) || rangeOfMultirange(ctx, elementKey) !== undefined) {
      const element = `${qualify({ schema, name: ref.name.slice(1) })}[]`;
      return { error: statement === 'grant' ? 'cannot set privileges of array types' : statement === 'alter type' ? `cannot alter array type ${element}` : `${element} is not a domain` };
    }
  }
  if (statement !== 'grant' && (d.tables.has(key) || d.views.has(key))) return { error: statement === 'alter type' ? `${label} is a table's row type` : `${label} is not a domain` };
  if (d.sequences.has(key) || d.indexes.has(key)) return { error: `type "${ref.name}" does not exist` };
  const shell = d.baseTypes.get(key);
  if (shell && statement === 'grant') return { error: `type "${ref.name}" is only a shell` };
  if (shell !== undefined) return { name: label, why: unmodelledTypeWhy(shell, statement === 'grant' ? 'grants are' : 'owner is') };
  if (ref.schema === undefined || ref.schema === 'pg_catalog') {
    if (isBuiltinTypeName([ref.name])) {
      return {
        name: `pg_catalog.${ref.name}`,
        why: 'a built-in type: it is PostgreSQL\'s own, in pg_catalog, which schema-sync never introspects or changes (it compares only the schemas the history\'s objects are in), so the statement is neither applied nor checked',
      };
    }
  }
  const extensions = [...d.extensions.keys()];
  const made = extensions.length
    ? `an extension's member type (the history creates extension${extensions.length > 1 ? 's' : ''} ${extensions.join(', ')}): it belongs to its extension, which schema-sync manages as a whole (CREATE EXTENSION), not object by object, so it does not know the types an extension makes nor compare their grants or owners`
    : 'so it exists only if made outside these migrations';
  return {
    name: label,
    why: `the history does not create this type: schema-sync manages the enum, composite, range and multirange types, domains and row types a history creates${extensions.length ? '; this is presumably ' : ', '}${made}. A built-in type lives in pg_catalog, which schema-sync never changes; a base or shell type (CREATE TYPE with input and output functions written in C, or none) is not modelled either`,
  };
}

/** Every object a GRANT / REVOKE names, or undefined after an error diagnostic. */
function aclTargets(ctx: ReplayContext, on: GrantDdl['on']): AclTarget[] | undefined {
  const d = ctx.draft;
  switch (on.kind) {
    case 'table':
    case 'sequence': {
      const out: AclTarget[] = [];
      for (const ref of on.objects) {
        const t = relationTarget(ctx, ref, on.kind);
        if (!t) return undefined;
        out.push(t);
      }
      return out;
    }
    case 'function':
    case 'procedure':
    case 'routine':
      return functionTargets(ctx, on);
    case 'schema': {
      const out: AclTarget[] = [];
      for (const name of on.names) {
        const s = d.schemas.get(name);
        if (!s) {
          ctx.error(`schema "${name}" does not exist`);
          return undefined;
        }
        out.push({ kind: 'schema', label: `schema ${name}`, name, grants: s.grants, put: (g) => d.schemas.set(name, withGrants(s, 'schema', g, name)) });
      }
      return out;
    }
    case 'type': {
      const out: AclTarget[] = [];
      for (const ref of on.objects) {
        const t = typeTarget(ctx, ref, !!on.domain);
        if (!t) return undefined;
        out.push(t);
      }
      return out;
    }
    case 'allInSchema': {
      const out: AclTarget[] = [];
      for (const schema of on.schemas) {
        if (!d.schemas.has(schema)) {
          ctx.error(`schema "${schema}" does not exist`);
          return undefined;
        }
        const inSchema = <V extends { schema: string; name: string }>(m: Map<string, V>): V[] => [...m.values()].filter((v) => v.schema === schema);
        if (on.objects === 'tables') {
          for (const t of inSchema(d.tables)) out.push(relationTarget(ctx, { schema, name: t.name }, 'table')!);
          for (const v of inSchema(d.views)) out.push(relationTarget(ctx, { schema, name: v.name }, 'table')!);
        } else if (on.objects === 'sequences') {
          for (const q of inSchema(d.sequences)) out.push(relationTarget(ctx, { schema, name: q.name }, 'sequence')!);
        } else {
          // ALL FUNCTIONS is every routine but procedures (aggregates included), as PostgreSQL reads it.
          const kinds = on.objects === 'functions' ? ['function'] : on.objects === 'procedures' ? ['procedure'] : ['function', 'procedure'];
          for (const [key, f] of d.functions) {
            if (f.schema === schema && kinds.includes(f.kind)) out.push(routineTarget(ctx, key, f.kind, key));
          }
          if (on.objects === 'procedures') continue;
          for (const [key, a] of d.aggregates) {
            if (a.schema === schema) out.push(routineTarget(ctx, key, 'aggregate', key));
          }
        }
      }
      return out;
    }
    default: {
      const unhandled: never = on;
      throw new Error(`unhandled GRANT target: ${JSON.stringify(unhandled)}`);
    }
  }
}

/** A sequence's columns: its state, which GRANT SELECT (last_value) ON TABLE seq accepts. */
const SEQUENCE_COLUMNS: readonly string[] = ['last_value', 'log_cnt', 'is_called'];

/**
 * Column privileges of one GRANT / REVOKE entry on a table (or view). PostgreSQL takes them only
 * with ON TABLE (or ALL TABLES IN SCHEMA): ON SEQUENCE, FUNCTION, SCHEMA, TYPE ... are refused.
 */
function grantColumns(ctx: ReplayContext, t: AclTarget, s: GrantDdl, spec: PrivilegeSpec, grantees: readonly string[]): 'done' | 'warned' | 'error' {
  if (s.on.kind !== 'table' && !(s.on.kind === 'allInSchema' && s.on.objects === 'tables')) {
    ctx.error('column privileges are only valid for relations');
    return 'error';
  }
  if (t.kind === 'sequence') {
    const missing = (spec.columns ?? []).find((c) => !SEQUENCE_COLUMNS.includes(c));
    if (missing !== undefined) {
      ctx.error(`column "${missing}" of relation "${t.name}" does not exist`);
      return 'error';
    }
    ctx.warn(`not modelled: column privileges on ${t.label}: its columns (${SEQUENCE_COLUMNS.join(', ')}) are the sequence's state, which schema-sync does not model as columns (replay continues without them)`);
    return 'warned';
  }
  const columns = t.columnNames?.();
  if (!columns || !t.mapColumns) {
    // Only a view whose output columns cannot be told gets here: every other target is refused, a table or a view.
    ctx.warn(`not modelled: column privileges on ${t.label}: its output columns cannot be told from its query (a * over an unknown relation, or an unnamed expression) (replay continues without them)`);
    return 'warned';
  }
  const privileges = privilegesFor(ctx, 'column', [{ name: spec.name }], false);
  if (!privileges) return 'error';
  const names = spec.columns ?? [];
  for (const c of names) {
    if (!columns.includes(c)) {
      ctx.error(`column "${c}" of relation "${t.name}" does not exist`);
      return 'error';
    }
  }
  t.mapColumns((c) => (names.includes(c.name) ? withGrants(c, 'column', applyGrants(c.grants ?? [], s, grantees, privileges)) : c));
  return 'done';
}

/** GRANT / REVOKE on objects; the migration's own role (CURRENT_USER ...) is the owner, whose privileges are not modelled. */
export function grant(ctx: ReplayContext, s: GrantDdl): void {
  notePrivilegeRoles(ctx, s.grantees);
  const targets = aclTargets(ctx, s.on);
  if (!targets) return;
  const grantees = s.grantees.map(granteeName).filter((g): g is string => g !== undefined);
  for (const t of targets) {
    const whole = s.privileges.filter((p) => !p.columns);
    for (const spec of s.privileges.filter((p) => p.columns)) {
      // A warned column entry is left out; the statement's other privileges still apply.
      if (grantColumns(ctx, t, s, spec, grantees) === 'error') return;
    }
    if (!whole.length) continue;
    const privileges = privilegesFor(ctx, t.kind, whole, t.kind === 'sequence' && s.on.kind === 'table');
    if (!privileges) return;
    t.put(applyGrants(effectiveGrants(t.kind, t.grants, t.name), s, grantees, privileges));
    // REVOKE on a table also revokes the same privilege on each of its columns.
    const cols = privileges.filter((p) => ALL_PRIVILEGES.column.includes(p));
    if (s.revoke && t.mapColumns && cols.length) {
      t.mapColumns((c) => (c.grants ? withGrants(c, 'column', applyGrants(c.grants, s, grantees, cols)) : c));
    }
  }
}

