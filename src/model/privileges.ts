/**
 * Privileges as the model keeps them: per object, the grants to roles other than its owner
 * (owners differ by environment, so owner entries are left out on both sides). Absent on an
 * object means PostgreSQL's default (acldefault minus the owner), so that a NULL ACL and an ACL
 * spelling out the default compare equal and objects nobody granted on carry no field.
 */

/** Privilege names as aclexplode() prints them. */
export type Privilege =
  | 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' | 'TRUNCATE' | 'REFERENCES' | 'TRIGGER'
  | 'USAGE' | 'EXECUTE' | 'CREATE';

/** The object kinds that carry an ACL in the model (`table` covers views and materialized views). */
export type AclKind = 'schema' | 'table' | 'column' | 'sequence' | 'function' | 'type';

/** The grantee PostgreSQL prints as an empty name in ACLs and as PUBLIC in GRANT. */
export const PUBLIC = 'PUBLIC';

/** One privilege granted to one role (or PUBLIC), optionally with GRANT OPTION. */
export interface Grant {
  /** Role name as stored in pg_authid (case kept), or `PUBLIC`. */
  readonly grantee: string;
  readonly privilege: Privilege;
  readonly grantable: boolean;
}

/**
 * What `ALL [PRIVILEGES]` means per kind, in PostgreSQL's ACL order. PostgreSQL 17 adds MAINTAIN
 * on tables; it is not modelled (a PostgreSQL 17 server shows it as a grant beyond the target).
 */
export const ALL_PRIVILEGES: Readonly<Record<AclKind, readonly Privilege[]>> = {
  schema: ['USAGE', 'CREATE'],
  table: ['INSERT', 'SELECT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'],
  column: ['INSERT', 'SELECT', 'UPDATE', 'REFERENCES'],
  sequence: ['USAGE', 'SELECT', 'UPDATE'],
  function: ['EXECUTE'],
  type: ['USAGE'],
};

/**
 * Non-owner grants an object has with a NULL ACL: acldefault gives PUBLIC EXECUTE on functions
 * and PUBLIC USAGE on types (enums and domains too); initdb's `public` schema (PostgreSQL 15+)
 * has USAGE for PUBLIC. Everything else: none.
 */
export function defaultGrants(kind: AclKind, name?: string): readonly Grant[] {
  switch (kind) {
    case 'function': return [{ grantee: PUBLIC, privilege: 'EXECUTE', grantable: false }];
    case 'type': return [{ grantee: PUBLIC, privilege: 'USAGE', grantable: false }];
    case 'schema': return name === 'public' ? [{ grantee: PUBLIC, privilege: 'USAGE', grantable: false }] : [];
    case 'table': case 'column': case 'sequence': return [];
    default: {
      const unhandled: never = kind;
      throw new Error(`unhandled ACL kind: ${String(unhandled)}`);
    }
  }
}

function grantOrder(a: Grant, b: Grant): number {
  if (a.grantee !== b.grantee) return a.grantee < b.grantee ? -1 : 1;
  return a.privilege < b.privilege ? -1 : a.privilege > b.privilege ? 1 : 0;
}

/** Grants sorted by grantee and privilege, one per pair (grantable wins, as in an ACL). */
export function sortGrants(grants: readonly Grant[]): Grant[] {
  // Most objects have no grant or one: no pairs to fold (~50,000 columns at 5,000 tables).
  if (grants.length < 2) return [...grants];
  const byPair = new Map<string, Grant>();
  for (const g of grants) {
    const k = `${g.grantee}\u0000${g.privilege}`;
    const seen = byPair.get(k);
    if (!seen || (!seen.grantable && g.grantable)) byPair.set(k, g);
  }
  return [...byPair.values()].sort(grantOrder);
}

/** Same grants, order aside. */
export function sameGrants(a: readonly Grant[], b: readonly Grant[]): boolean {
  if (!a.length || !b.length) return a.length === b.length;
  const x = sortGrants(a);
  const y = sortGrants(b);
  return x.length === y.length && x.every((g, i) => g.grantee === y[i]!.grantee && g.privilege === y[i]!.privilege && g.grantable === y[i]!.grantable);
}

/** The object's grants, its default when it has no `grants` field. */
export function effectiveGrants(kind: AclKind, grants: readonly Grant[] | undefined, name?: string): readonly Grant[] {
  return grants ?? defaultGrants(kind, name);
}

/** The canonical field value: sorted, or undefined when equal to the kind's default. */
export function canonicalGrants(kind: AclKind, grants: readonly Grant[], name?: string): readonly Grant[] | undefined {
  return sameGrants(grants, defaultGrants(kind, name)) ? undefined : sortGrants(grants);
}

/** `{ grants }` for spreading into an object, or nothing when the grants are the default. */
export function grantsField(kind: AclKind, grants: readonly Grant[], name?: string): { grants?: readonly Grant[] } {
  const g = canonicalGrants(kind, grants, name);
  return g ? { grants: g } : {};
}

/** Object kinds ALTER DEFAULT PRIVILEGES applies to (`ON TABLES` etc.). */
export type DefaultPrivilegeObjects = 'tables' | 'sequences' | 'functions' | 'types' | 'schemas';

/**
 * One pg_default_acl entry: what objects `role` creates (in `schema`, or anywhere) get. `role`
 * absent is the role running the migrations (ALTER DEFAULT PRIVILEGES without FOR ROLE), read
 * back as current_user's entries. A global entry's `grants` is the resulting non-owner ACL; a
 * per-schema entry's is what it adds (PostgreSQL cannot revoke per schema what is granted globally).
 */
export interface DefaultPrivilegeDef {
  readonly role?: string;
  readonly schema?: string;
  readonly objects: DefaultPrivilegeObjects;
  readonly grants: readonly Grant[];
}

/** The ACL kind of the objects an ALTER DEFAULT PRIVILEGES entry covers. */
export function defaultObjectsKind(objects: DefaultPrivilegeObjects): AclKind {
  switch (objects) {
    case 'tables': return 'table';
    case 'sequences': return 'sequence';
    case 'functions': return 'function';
    case 'types': return 'type';
    case 'schemas': return 'schema';
    default: {
      const unhandled: never = objects;
      throw new Error(`unhandled default privilege objects: ${String(unhandled)}`);
    }
  }
}

/** Map key of a default-privileges entry: role (empty = current), schema (empty = global), objects. */
export function defaultPrivilegeKey(d: Pick<DefaultPrivilegeDef, 'role' | 'schema' | 'objects'>): string {
  return JSON.stringify([d.role ?? '', d.schema ?? '', d.objects]);
}

/** Human name of a default-privileges entry for messages (`tables in schema app for role deploy`). */
export function describeDefaultPrivilege(d: Pick<DefaultPrivilegeDef, 'role' | 'schema' | 'objects'>): string {
  return `${d.objects}${d.schema !== undefined ? ` in schema ${d.schema}` : ''} for ${d.role !== undefined ? `role ${d.role}` : 'the current role'}`;
}

/** The grants and owner of an object (and a view's row type grants), for one that is replaced in place (CREATE OR REPLACE keeps them). */
export function aclFields(o: { readonly grants?: readonly Grant[]; readonly owner?: string; readonly rowTypeGrants?: readonly Grant[] } | undefined): { grants?: readonly Grant[]; owner?: string; rowTypeGrants?: readonly Grant[] } {
  return {
    ...(o?.grants !== undefined ? { grants: o.grants } : {}), ...(o?.owner !== undefined ? { owner: o.owner } : {}),
    ...(o?.rowTypeGrants !== undefined ? { rowTypeGrants: o.rowTypeGrants } : {}),
  };
}

/**
 * The non-owner grants an object the current role creates gets from its default privileges: the
 * global entry (or the kind's default) plus the entry for its schema. Undefined when none applies
 * (the object keeps the default, a NULL ACL).
 */
export function grantsOnCreate(
  defaults: ReadonlyMap<string, DefaultPrivilegeDef> | undefined,
  objects: DefaultPrivilegeObjects,
  schema: string | undefined,
): readonly Grant[] | undefined {
  if (!defaults?.size) return undefined;
  const global = defaults.get(defaultPrivilegeKey({ objects }));
  const local = schema === undefined ? undefined : defaults.get(defaultPrivilegeKey({ schema, objects }));
  if (!global && !local) return undefined;
  return [...(global?.grants ?? defaultGrants(defaultObjectsKind(objects))), ...(local?.grants ?? [])];
}
