import { qualify, quoteIdent } from '../../model/names.js';
import type { ObjectKind, RangeTypeDef, TableDef, ViewDef } from '../../model/objects.js';
import type { Origin } from '../../model/origin.js';
import {
  type AclKind, type DefaultPrivilegeDef, type DefaultPrivilegeObjects, type Grant, PUBLIC, defaultGrants, describeDefaultPrivilege,
  effectiveGrants, grantsOnCreate,
} from '../../model/privileges.js';
import { operatorArgs, type SchemaState } from '../../model/schema-state.js';
import { renamedColumnDetails, viewColumnGrants } from '../../model/view-column-details.js';
import { defaultPrivilegesSql, grantSql, revokeSql } from '../../model/sql/grant-sql.js';
import { aggregateSubject, operatorSignatureSql } from '../../model/sql/index.js';
import { aggregateRecreated } from '../aggregate/aggregate-diff.js';
import { functionRecreated } from '../function/function-diff.js';
import { entryGrants, managedGrants, type PrivilegeScope } from './privilege-compare.js';

/**
 * One object's privilege change: the GRANT / REVOKE (or ALTER ... OWNER TO) statements that give
 * it the target's privileges for the managed roles. Revoking from an object that exists is
 * `review`: access is lost, no data. On an object the plan creates, or for grants, `safe`.
 */
export interface PrivilegeStep {
  readonly object: ObjectKind | 'default privileges';
  /** Display name (`public.t`, `public.f(integer)`, `tables in schema app for the current role`). */
  readonly name: string;
  /** The object as the plan's dependency keys name it (absent for global default privileges); `parent` is a column's table. */
  readonly ref?: { readonly schema: string; readonly name: string; readonly parent?: string };
  /** A function's identity arguments. */
  readonly args?: string;
  readonly sql: readonly string[];
  readonly safety: 'safe' | 'review';
  /** Why a `review` step is one: it revokes on an existing object, or changes an existing object's owner. */
  readonly concern?: 'access loss' | 'owner change';
  /** What changes, e.g. `grant reader: SELECT; revoke writer: DELETE`. */
  readonly detail: string;
  /** Roles the statements grant to or make owner (each must exist before anything is written). */
  readonly roles: readonly string[];
  /** The role an ALTER ... OWNER TO of this step makes owner (the applying role must be a member of it). */
  readonly newOwner?: string;
  readonly origin?: Origin;
}

type AclObject = { readonly grants?: readonly Grant[]; readonly owner?: string; readonly origin?: Origin };

/** A relation's column as column privileges see it: a table's ColumnDef, or a view's output column. */
type AclColumn = AclObject & { readonly name: string };

/** What the plan does to views before the privilege steps run (see rebuiltViews). */
export interface PlannedViews {
  /** Target keys of the views the plan drops and creates again: DROP took their grants along. */
  readonly recreated: ReadonlySet<string>;
  /** The output columns the plan renames (live name -> target name), by target key: their grants go along. */
  readonly columnRenames?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/**
 * A view's output columns the column privileges compare: each column with grants on either side
 * (the live ones under the names the plan renames them to), with its target grants and the
 * view's origin.
 */
function viewAclColumns(view: ViewDef, live: readonly AclColumn[]): AclColumn[] {
  const names = [...new Set([...(view.columnGrants ?? []).map((c) => c.name), ...live.map((c) => c.name)])].sort();
  return names.map((name) => ({ name, grants: viewColumnGrants(view, name), ...(view.origin ? { origin: view.origin } : {}) }));
}

/** `a` without the grants `b` has (same grantee, privilege and grant option). */
function minus(a: readonly Grant[], b: readonly Grant[]): Grant[] {
  return a.filter((g) => !b.some((x) => x.grantee === g.grantee && x.privilege === g.privilege && x.grantable === g.grantable));
}

/**
 * What turns `live` into `target`: grants to add (with their grant option), and revokes, where
 * a revoke marked grantable takes only the grant option (the target keeps the privilege).
 */
export function grantDelta(target: readonly Grant[], live: readonly Grant[]): { grant: Grant[]; revoke: Grant[] } {
  const grant = minus(target, live);
  const revoke: Grant[] = [];
  for (const g of minus(live, target)) {
    const kept = target.find((t) => t.grantee === g.grantee && t.privilege === g.privilege);
    if (!kept) revoke.push({ ...g, grantable: false });
    else if (g.grantable && !kept.grantable) revoke.push({ ...g, grantable: true });
  }
  return { grant, revoke };
}

function detailOf(grant: readonly Grant[], revoke: readonly Grant[]): string {
  const text = (gs: readonly Grant[]): string => gs.map((g) => `${g.grantee}: ${g.grantable && gs === revoke ? 'GRANT OPTION FOR ' : ''}${g.privilege}${g.grantable && gs === grant ? ' WITH GRANT OPTION' : ''}`).join(', ');
  return [grant.length ? `grant ${text(grant)}` : '', revoke.length ? `revoke ${text(revoke)}` : ''].filter(Boolean).join('; ');
}

function rolesOf(grants: readonly Grant[]): string[] {
  return [...new Set(grants.map((g) => g.grantee).filter((g) => g !== PUBLIC))];
}

/** A range's multirange type as an ACL object (its own grants and owner, the range's origin). */
function multirangeAcl(r: RangeTypeDef): AclObject {
  return { ...(r.multirangeGrants ? { grants: r.multirangeGrants } : {}), ...(r.multirangeOwner !== undefined ? { owner: r.multirangeOwner } : {}), ...(r.origin ? { origin: r.origin } : {}) };
}

/** A relation's row type as an ACL object (its grants; its owner is the relation's). */
function rowTypeAcl(t: TableDef | ViewDef): AclObject {
  return { ...(t.rowTypeGrants ? { grants: t.rowTypeGrants } : {}), ...(t.origin ? { origin: t.origin } : {}) };
}

/** Collects the steps; one instance per diff. */
class PrivilegeDiff {
  readonly steps: PrivilegeStep[] = [];
  constructor(
    private readonly live: SchemaState,
    private readonly scope: PrivilegeScope,
  ) {}

  /**
   * Compares one object. `liveObj` undefined: the plan creates it, and it starts with what the
   * live default privileges give (or the kind's default).
   */
  object(
    object: ObjectKind, ref: NonNullable<PrivilegeStep['ref']> & { args?: string }, name: string, kind: AclKind, on: string, ownerOn: string | undefined,
    target: AclObject, liveObj: AclObject | undefined, created: { objects?: DefaultPrivilegeObjects; schema?: string } | undefined,
    schemaName?: string, column?: string,
  ): Grant[] {
    const onCreate = created?.objects && grantsOnCreate(this.live.defaultPrivileges, created.objects, created.schema);
    const base = liveObj ? effectiveGrants(kind, liveObj.grants, schemaName) : created ? (onCreate ?? defaultGrants(kind, schemaName)) : [];
    const { grant, revoke } = grantDelta(managedGrants(effectiveGrants(kind, target.grants, schemaName), this.scope), managedGrants(base, this.scope));
    const sql = [...revokeSql(on, revoke, column), ...grantSql(on, grant, column)];
    const roles = rolesOf(grant);
    const details = grant.length || revoke.length ? [detailOf(grant, revoke)] : [];
    const step = this.owner(object, ref, name, ownerOn, target, liveObj);
    if (!sql.length) return revoke;
    const loses = !!liveObj && revoke.length > 0;
    this.steps.push({ ...step, sql, detail: details.join('; '), roles, safety: loses ? 'review' : 'safe', ...(loses ? { concern: 'access loss' as const } : {}) });
    return revoke;
  }

  /**
   * The owner step of an object whose owner the history set, with owners (`--owners`): a step of
   * its own, ahead of the grants, which are made by (and recorded for) the new owner. Returns the
   * fields the object's other steps share.
   */
  owner(
    object: ObjectKind, ref: NonNullable<PrivilegeStep['ref']> & { args?: string }, name: string, ownerOn: string | undefined,
    target: Pick<AclObject, 'owner' | 'origin'>, liveObj: Pick<AclObject, 'owner'> | undefined,
  ): Pick<PrivilegeStep, 'object' | 'name' | 'ref' | 'args' | 'origin'> {
    const objectRef = { schema: ref.schema, name: ref.name, ...(ref.parent !== undefined ? { parent: ref.parent } : {}) };
    const step = { object, name, ref: objectRef, ...(ref.args !== undefined ? { args: ref.args } : {}), ...(target.origin ? { origin: target.origin } : {}) };
    if (this.scope.owners && ownerOn !== undefined && target.owner !== undefined && target.owner !== liveObj?.owner) {
      this.steps.push({
        ...step, sql: [`ALTER ${ownerOn} OWNER TO ${quoteIdent(target.owner)}`], roles: [target.owner], newOwner: target.owner,
        detail: `owner ${target.owner}${liveObj?.owner !== undefined ? ` (was ${liveObj.owner})` : ''}`,
        safety: liveObj ? 'review' : 'safe', ...(liveObj ? { concern: 'owner change' as const } : {}),
      });
    }
    return step;
  }

  /**
   * A type PostgreSQL makes along with `object` that has an ACL (and owner) of its own: a range's
   * multirange, a relation's row type (`created.objects` absent: default privileges do not apply
   * to it). Its steps are the object's (`ref`, so they run once it exists), their detail naming the type.
   */
  dependentType(
    object: ObjectKind, ref: NonNullable<PrivilegeStep['ref']>, name: string, what: string, type: string, owned: boolean,
    target: AclObject, liveObj: AclObject | undefined, created: { objects?: DefaultPrivilegeObjects; schema?: string },
  ): void {
    const before = this.steps.length;
    this.object(object, ref, name, 'type', `TYPE ${type}`, owned ? `TYPE ${type}` : undefined, target, liveObj, created);
    for (let i = before; i < this.steps.length; i++) this.steps[i] = { ...this.steps[i]!, detail: `${what}: ${this.steps[i]!.detail}` };
  }

  /**
   * Column privileges of a table or a view. A table-level REVOKE the plan runs first also takes
   * the privilege off every column (PostgreSQL does), so the live column grants are counted without it.
   */
  columns(table: { schema: string; name: string }, on: string, target: readonly AclColumn[], live: readonly AclColumn[] | undefined, tableRevoke: readonly Grant[]): void {
    const revoked = (g: Grant): boolean => tableRevoke.some((r) => !r.grantable && r.grantee === g.grantee && r.privilege === g.privilege);
    for (const c of target) {
      const l = live?.find((x) => x.name === c.name);
      // No grants on either side (a column's default ACL is empty): nothing to say. Most columns;
      // `state` asks for every column of every table.
      if (!c.grants?.length && !l?.grants?.length) continue;
      const after = l?.grants ? { ...l, grants: l.grants.filter((g) => !revoked(g)) } : l;
      this.object('column', { schema: table.schema, parent: table.name, name: c.name }, `${qualify(table)}.${quoteIdent(c.name)}`, 'column', on, undefined, c, after, undefined, undefined, c.name);
    }
  }

  defaults(target: SchemaState): void {
    const t = target.defaultPrivileges ?? new Map<string, DefaultPrivilegeDef>();
    const l = this.live.defaultPrivileges ?? new Map<string, DefaultPrivilegeDef>();
    for (const key of new Set([...t.keys(), ...l.keys()])) {
      const id = (t.get(key) ?? l.get(key))!;
      if (id.role !== undefined && !this.scope.roles.has(id.role)) continue;
      const bare = { ...(id.schema !== undefined ? { schema: id.schema } : {}), objects: id.objects };
      const { grant, revoke } = grantDelta(managedGrants(entryGrants(t.get(key) ?? bare), this.scope), managedGrants(entryGrants(l.get(key) ?? bare), this.scope));
      if (!grant.length && !revoke.length) continue;
      this.steps.push({
        object: 'default privileges', name: describeDefaultPrivilege(id), ...(id.schema !== undefined ? { ref: { schema: id.schema, name: id.schema } } : {}), sql: defaultPrivilegesSql(id, grant, revoke),
        detail: detailOf(grant, revoke), roles: [...rolesOf(grant), ...(id.role !== undefined ? [id.role] : [])],
        safety: revoke.length ? 'review' : 'safe', ...(revoke.length ? { concern: 'access loss' as const } : {}),
      });
    }
  }
}

/**
 * The privilege statements that bring the live database to the target, for the managed roles
 * only (see privilege-compare.ts); owners with `scope.owners`. Objects are named as in the
 * target: the statements run after everything else the plan does (renames and creations).
 * `views.recreated` (target keys) are views the plan drops and creates again: DROP took their
 * grants along, so they start from what a new view gets (their column grants from none);
 * `recreatedRanges` the same for range types (and their multiranges).
 */
export function diffPrivileges(
  target: SchemaState, live: SchemaState, scope: PrivilegeScope, views: PlannedViews = { recreated: new Set() }, recreatedRanges: ReadonlySet<string> = new Set(),
): PrivilegeStep[] {
  const d = new PrivilegeDiff(live, scope);
  if (!scope.roles.size && !scope.owners) return [];
  for (const [k, s] of target.schemas) {
    d.object('schema', { schema: s.name, name: s.name }, quoteIdent(s.name), 'schema', `SCHEMA ${quoteIdent(s.name)}`, `SCHEMA ${quoteIdent(s.name)}`, s, live.schemas.get(k), { objects: 'schemas' }, s.name);
  }
  for (const [k, e] of target.enums) {
    d.object('enum', e, qualify(e), 'type', `TYPE ${qualify(e)}`, `TYPE ${qualify(e)}`, e, live.enums.get(k), { objects: 'types', schema: e.schema });
  }
  for (const [k, t] of target.domains) {
    d.object('domain', t, qualify(t), 'type', `DOMAIN ${qualify(t)}`, `DOMAIN ${qualify(t)}`, t, live.domains.get(k), { objects: 'types', schema: t.schema });
  }
  for (const [k, t] of target.compositeTypes) {
    d.object('composite type', t, qualify(t), 'type', `TYPE ${qualify(t)}`, `TYPE ${qualify(t)}`, t, live.compositeTypes.get(k), { objects: 'types', schema: t.schema });
  }
  for (const [k, r] of target.rangeTypes) {
    const l = recreatedRanges.has(k) ? undefined : live.rangeTypes.get(k);
    d.object('range type', r, qualify(r), 'type', `TYPE ${qualify(r)}`, `TYPE ${qualify(r)}`, r, l, { objects: 'types', schema: r.schema });
    const m = qualify(r.multirange);
    d.dependentType('range type', r, qualify(r), `multirange type ${m}`, m, true, multirangeAcl(r), l && multirangeAcl(l), { objects: 'types', schema: r.multirange.schema });
  }
  for (const [k, q] of target.sequences) {
    d.object('sequence', q, qualify(q), 'sequence', `SEQUENCE ${qualify(q)}`, q.ownedBy ? undefined : `SEQUENCE ${qualify(q)}`, q, live.sequences.get(k), { objects: 'sequences', schema: q.schema });
  }
  for (const [k, t] of target.tables) {
    const l = live.tables.get(k);
    const revoked = d.object('table', t, qualify(t), 'table', `TABLE ${qualify(t)}`, `TABLE ${qualify(t)}`, t, l, { objects: 'tables', schema: t.schema });
    d.columns(t, `TABLE ${qualify(t)}`, t.columns, l?.columns, revoked);
    d.dependentType('table', t, qualify(t), 'row type', qualify(t), false, rowTypeAcl(t), l && rowTypeAcl(l), {});
  }
  for (const [k, v] of target.views) {
    const kw = v.materialized ? 'MATERIALIZED VIEW' : 'VIEW';
    const l = views.recreated.has(k) ? undefined : live.views.get(k);
    const revoked = d.object(v.materialized ? 'materialized view' : 'view', v, qualify(v), 'table', `TABLE ${qualify(v)}`, `${kw} ${qualify(v)}`, v, l, { objects: 'tables', schema: v.schema });
    // Column privileges (GRANT SELECT (a) ON v): live under the names the plan renames them to.
    const liveColumns = l ? renamedColumnDetails(l.columnGrants, views.columnRenames?.get(k) ?? new Map<string, string>()) : [];
    if (v.columnGrants || liveColumns.length) d.columns(v, `TABLE ${qualify(v)}`, viewAclColumns(v, liveColumns), l && liveColumns, revoked);
    d.dependentType(v.materialized ? 'materialized view' : 'view', v, qualify(v), 'row type', qualify(v), false, rowTypeAcl(v), l && rowTypeAcl(l), {});
  }
  for (const [k, f] of target.functions) {
    const sig = `${qualify(f)}(${f.identityArgs})`;
    const kw = f.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION';
    const l = live.functions.get(k);
    d.object('function', { schema: f.schema, name: f.name, args: f.identityArgs }, sig, 'function', `${kw} ${sig}`, `${kw} ${sig}`, f, l && !functionRecreated(f, l) ? l : undefined, { objects: 'functions', schema: f.schema });
  }
  for (const [k, a] of target.aggregates) {
    // GRANT ... ON FUNCTION takes an aggregate by its argument types; ALTER AGGREGATE spells `*` and ORDER BY.
    const sig = `${qualify(a)}(${a.identityArgs})`;
    const l = live.aggregates.get(k);
    d.object('aggregate', { schema: a.schema, name: a.name, args: a.identityArgs }, sig, 'function', `FUNCTION ${sig}`, `AGGREGATE ${aggregateSubject(a)}`, a, l && !aggregateRecreated(a, l) ? l : undefined, { objects: 'functions', schema: a.schema });
  }
  // Collations and operators have owners but no privileges.
  for (const [k, c] of target.collations) d.owner('collation', c, qualify(c), `COLLATION ${qualify(c)}`, c, live.collations.get(k));
  for (const [k, o] of target.operators) {
    const args = operatorArgs(o.left, o.right);
    d.owner('operator', { schema: o.schema, name: o.name, args }, k, `OPERATOR ${operatorSignatureSql(o)}`, o, live.operators.get(k));
  }
  d.defaults(target);
  return d.steps;
}
