import type { ObjectKind, RangeTypeDef } from '../../model/objects.js';
import {
  type AclKind, type DefaultPrivilegeDef, type Grant, defaultGrants, defaultObjectsKind, describeDefaultPrivilege,
  effectiveGrants, sortGrants,
} from '../../model/privileges.js';
import { quoteIdent } from '../../model/names.js';
import type { SchemaState } from '../../model/schema-state.js';
import { viewColumnGrants } from '../../model/view-column-details.js';
import type { AttributeDifference, Difference } from '../../diff/difference.js';

/**
 * Which privileges a comparison manages. Roles are cluster-level and deploy roles differ, so
 * only the grantees the history names (PUBLIC included when it names PUBLIC) are compared; a
 * live grant to any other role is unmanaged: reported, never revoked. Owners are compared only
 * when asked (`--owners`), and only on objects whose owner the history set.
 */
export interface PrivilegeScope {
  readonly roles: ReadonlySet<string>;
  readonly owners: boolean;
}

/** The scope a target state defines. */
export function privilegeScope(target: SchemaState, owners = false): PrivilegeScope {
  return { roles: new Set(target.privilegeRoles ?? []), owners };
}

/** The ACL kind of a model object kind, if it carries grants. */
export function aclKindOf(kind: ObjectKind): AclKind | undefined {
  switch (kind) {
    case 'schema': return 'schema';
    case 'table': case 'view': case 'materialized view': return 'table';
    case 'column': return 'column';
    case 'sequence': return 'sequence';
    case 'function': case 'aggregate': return 'function';
    case 'enum': case 'domain': case 'composite type': case 'range type': return 'type';
    default: return undefined;
  }
}

/** `role: SELECT` / `role: SELECT WITH GRANT OPTION`, the form privilege differences are listed in. */
export function grantText(g: Grant): string {
  return `${g.grantee}: ${g.privilege}${g.grantable ? ' WITH GRANT OPTION' : ''}`;
}

/** The grants to managed grantees, sorted. */
export function managedGrants(grants: readonly Grant[], scope: PrivilegeScope): Grant[] {
  return sortGrants(grants.filter((g) => scope.roles.has(g.grantee)));
}

type Acl = { readonly name?: string; readonly grants?: readonly Grant[] | undefined; readonly owner?: string | undefined };

function listDiff(attribute: string, target: readonly Grant[], live: readonly Grant[]): AttributeDifference[] {
  const t = target.map(grantText);
  const l = live.map(grantText);
  return t.length === l.length && t.every((x, i) => x === l[i]) ? [] : [{ attribute, target: t, live: l }];
}

/**
 * The privilege attributes two objects differ in, within the scope: `privileges` (managed
 * grantees' grants, each as `role: PRIVILEGE`) and, with owners, `owner`.
 */
export function privilegeDiffs(kind: ObjectKind, target: object, live: object, scope: PrivilegeScope): AttributeDifference[] {
  const acl = aclKindOf(kind);
  const t = target as Acl;
  const l = live as Acl;
  const out: AttributeDifference[] = [];
  if (acl && scope.roles.size) {
    const name = acl === 'schema' ? t.name : undefined;
    out.push(...listDiff('privileges', managedGrants(effectiveGrants(acl, t.grants, name), scope), managedGrants(effectiveGrants(acl, l.grants, name), scope)));
  }
  if (scope.owners && t.owner !== undefined && t.owner !== l.owner) out.push({ attribute: 'owner', target: t.owner, live: l.owner });
  return out;
}

/** A range's multirange type as an ACL: its own grants and owner. */
function multirangeAclOf(r: RangeTypeDef): Acl {
  return { grants: r.multirangeGrants, owner: r.multirangeOwner };
}

/**
 * The privilege differences of a type PostgreSQL makes along with an object (a range's
 * multirange, a relation's row type), which has an ACL of its own: `multirange privileges`,
 * `multirange owner`, `row type privileges`, reported on the object.
 */
function dependentTypeDiffs(what: string, target: Acl, live: Acl, scope: PrivilegeScope): AttributeDifference[] {
  // Any type kind would do: it only picks the ACL kind `type` (default PUBLIC USAGE).
  return privilegeDiffs('range type', target, live, scope).map((d) => ({ ...d, attribute: `${what} ${d.attribute}` }));
}

/** The grants of a default-privileges entry, its default when absent (a global entry starts from the kind's default). */
export function entryGrants(d: { readonly schema?: string | undefined; readonly objects: DefaultPrivilegeDef['objects']; readonly grants?: readonly Grant[] }): readonly Grant[] {
  return d.grants ?? (d.schema === undefined ? defaultGrants(defaultObjectsKind(d.objects)) : []);
}

/** Is a default-privileges entry in scope: the current role's, or a role the history names? */
function entryInScope(d: Pick<DefaultPrivilegeDef, 'role'>, scope: PrivilegeScope): boolean {
  return d.role === undefined || scope.roles.has(d.role);
}

/** Differences between the target's and the live ALTER DEFAULT PRIVILEGES entries, within the scope. */
export function compareDefaultPrivileges(target: SchemaState, live: SchemaState, scope: PrivilegeScope): Difference[] {
  if (!scope.roles.size) return [];
  const t = target.defaultPrivileges ?? new Map<string, DefaultPrivilegeDef>();
  const l = live.defaultPrivileges ?? new Map<string, DefaultPrivilegeDef>();
  const out: Difference[] = [];
  for (const key of new Set([...t.keys(), ...l.keys()])) {
    const te = t.get(key);
    const le = l.get(key);
    const id = (te ?? le)!;
    if (!entryInScope(id, scope)) continue;
    const attrs = listDiff('privileges', managedGrants(entryGrants(te ?? { schema: id.schema, objects: id.objects }), scope), managedGrants(entryGrants(le ?? { schema: id.schema, objects: id.objects }), scope));
    if (!attrs.length) continue;
    const name = describeDefaultPrivilege(id);
    out.push({ kind: 'different', object: 'default privileges', name, attributes: attrs });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The privilege (and, with owners, owner) differences of objects both states have, by the keys
 * and display names `check` uses: schemas, types, sequences, tables and their columns, views
 * and their output columns, functions and aggregates; with owners, collations and operators. Objects on one side only are reported as missing or extra by the kinds themselves.
 */
export function privilegeDifferences(target: SchemaState, live: SchemaState, scope: PrivilegeScope): Difference[] {
  if (!scope.roles.size && !scope.owners) return [];
  const out: Difference[] = [];
  const pairs = <T extends object>(
    kind: (o: T) => ObjectKind, t: ReadonlyMap<string, T>, l: ReadonlyMap<string, T>, parts?: (a: T, b: T, name: string) => void,
    dependent?: (a: T, b: T) => AttributeDifference[],
  ): void => {
    for (const [k, a] of t) {
      const b = l.get(k);
      if (!b) continue;
      const attributes = [...privilegeDiffs(kind(a), a, b, scope), ...(dependent?.(a, b) ?? [])];
      const origin = (a as { origin?: Difference['origin'] }).origin;
      if (attributes.length) out.push({ kind: 'different', object: kind(a), name: k, attributes, ...(origin ? { origin } : {}) });
      parts?.(a, b, k);
    }
  };
  pairs(() => 'schema', target.schemas, live.schemas);
  pairs(() => 'enum', target.enums, live.enums);
  pairs(() => 'domain', target.domains, live.domains);
  pairs(() => 'composite type', target.compositeTypes, live.compositeTypes);
  pairs(() => 'range type', target.rangeTypes, live.rangeTypes, undefined, (a, b) => dependentTypeDiffs('multirange', multirangeAclOf(a), multirangeAclOf(b), scope));
  pairs(() => 'sequence', target.sequences, live.sequences);
  const rowType = (a: { readonly rowTypeGrants?: readonly Grant[] }, b: { readonly rowTypeGrants?: readonly Grant[] }): AttributeDifference[] =>
    dependentTypeDiffs('row type', { grants: a.rowTypeGrants }, { grants: b.rowTypeGrants }, scope);
  pairs(() => 'table', target.tables, live.tables, (a, b, name) => {
    const cols = (t: typeof a): Map<string, (typeof a.columns)[number]> => new Map(t.columns.map((c) => [`${name}.${quoteIdent(c.name)}`, c]));
    pairs(() => 'column', cols(a), cols(b));
  }, rowType);
  pairs((v) => (v.materialized ? 'materialized view' : 'view'), target.views, live.views, (a, b, name) => {
    // Only columns with grants are listed: a column missing on one side has none there.
    const names = [...new Set([...(a.columnGrants ?? []), ...(b.columnGrants ?? [])].map((c) => c.name))].sort();
    const cols = (v: typeof a): Map<string, { grants: readonly Grant[] }> =>
      new Map(names.map((c) => [`${name}.${quoteIdent(c)}`, { grants: viewColumnGrants(v, c), ...(v.origin ? { origin: v.origin } : {}) }]));
    pairs(() => 'column', cols(a), cols(b));
  }, rowType);
  pairs(() => 'function', target.functions, live.functions);
  pairs(() => 'aggregate', target.aggregates, live.aggregates);
  if (scope.owners) {
    // Owners only: collations and operators carry no privileges.
    pairs(() => 'collation', target.collations, live.collations);
    pairs(() => 'operator', target.operators, live.operators);
  }
  return out;
}
