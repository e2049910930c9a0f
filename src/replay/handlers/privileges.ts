import { qualify } from '../../model/names.js';
import { viewColumnGrants, withColumnGrants } from '../../model/view-column-details.js';
import { viewOutputColumns } from '../../parse/index.js';
import {
  type AclKind, ALL_PRIVILEGES, type Grant, type Privilege, PUBLIC, effectiveGrants, grantsField,
} from '../../model/privileges.js';
import { relationKey } from '../../model/schema-state.js';
import type { GrantDdl, NameRef, PrivilegeSpec, RoleRef } from '../../parse/ddl.js';
import type { ReplayContext } from '../context.js';

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

/**
 * The routine a GRANT / REVOKE / ALTER ... OWNER TO names with ON FUNCTION, ON PROCEDURE or ON
 * ROUTINE: a function, a procedure or an aggregate (PostgreSQL takes ON FUNCTION and ON ROUTINE
 * for aggregates; ON PROCEDURE refuses anything but a procedure). Undefined after an error.
 */
export function findRoutine(
  ctx: ReplayContext, ref: NameRef, args: string | undefined, kind: 'function' | 'procedure' | 'routine',
): { readonly key: string; readonly routine: 'function' | 'procedure' | 'aggregate'; readonly label: string } | undefined {
  const d = ctx.draft;
  const schema = ctx.schemaOf(ref);
  const named = (o: { schema: string; name: string; identityArgs: string }): boolean => o.schema === schema && o.name === ref.name && (args === undefined || o.identityArgs === args);
  const matches = [
    ...[...d.functions.entries()].filter(([, f]) => named(f)).map(([key, f]) => ({ key, routine: f.kind })),
    ...[...d.aggregates.entries()].filter(([, a]) => named(a)).map(([key]) => ({ key, routine: 'aggregate' as const })),
  ];
  const label = `${qualify({ schema, name: ref.name })}${args !== undefined ? `(${args})` : ''}`;
  if (matches.length !== 1) {
    ctx.error(matches.length ? `function name "${ref.name}" is not unique` : `${kind} ${label} does not exist`);
    return undefined;
  }
  const m = matches[0]!;
  if (kind !== 'routine' && (kind === 'procedure') !== (m.routine === 'procedure')) {
    ctx.error(`${label} is not a ${kind}`);
    return undefined;
  }
  return { ...m, label };
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
 * The type a GRANT ... ON TYPE / ON DOMAIN names: an enum, composite or range type or a domain
 * (all take USAGE only). ON DOMAIN naming a non-domain is PostgreSQL's `"x" is not a domain`, an
 * array type its `cannot set privileges of array types`; any other type is a warning saying why
 * it is not modelled (see unmodelledType).
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
  const t = target(d.enums) ?? target(d.compositeTypes) ?? target(d.rangeTypes);
  if (t && domainOnly) {
    ctx.error(`"${ref.name}" is not a domain`);
    return undefined;
  }
  if (t) return t;
  const why = unmodelledType(ctx, ref);
  if (why === 'array') ctx.error('cannot set privileges of array types');
  else ctx.warn(`not modelled: GRANT / REVOKE on type ${qualify({ schema: ctx.schemaOf(ref), name: ref.name })}: ${why} (replay continues without it)`);
  return undefined;
}

/**
 * Why a type GRANT / ALTER TYPE .. OWNER TO names is none the model keeps (enum, composite and
 * range types, domains): the array type of one (`'array'`: PostgreSQL refuses both), a table's
 * row type, a range's multirange type, or a type the history did not create.
 */
export function unmodelledType(ctx: ReplayContext, ref: NameRef): string {
  const d = ctx.draft;
  const schema = ctx.schemaOf(ref);
  const key = relationKey(schema, ref.name);
  const element = ref.name.startsWith('_') ? relationKey(schema, ref.name.slice(1)) : undefined;
  if (element !== undefined && (d.enums.has(element) || d.domains.has(element) || d.compositeTypes.has(element) || d.rangeTypes.has(element) || d.tables.has(element) || d.views.has(element))) return 'array';
  if (d.tables.has(key) || d.views.has(key)) return `the row type of relation ${key}, which schema-sync does not model apart from its relation`;
  const range = [...d.rangeTypes.values()].find((r) => r.multirange.schema === schema && r.multirange.name === ref.name);
  if (range) return `the multirange type of range type ${qualify(range)}, which schema-sync does not model apart from its range type`;
  return 'schema-sync models the enum, composite and range types and domains a history creates, and this is none of them: a built-in type, an extension\'s, or a base type (CREATE TYPE with input and output functions written in C, which schema-sync does not create)';
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

