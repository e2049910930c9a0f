import { type AclKind, type Grant, type Privilege, defaultGrants, grantsField, PUBLIC } from '../model/privileges.js';
import type { CatalogScope } from './catalog-scope.js';

/** A row's grants as the catalog query returns them (json_agg of aclexplode). */
export interface GrantRow {
  readonly grantee: string;
  readonly privilege: string;
  readonly grantable: boolean;
}

/** ACL kinds whose default (a NULL ACL) grants PUBLIC something: functions EXECUTE, types USAGE. */
const PUBLIC_BY_DEFAULT: ReadonlySet<string> = new Set(['f', 'T']);

/**
 * SQL for a `grants` column: the object's ACL exploded, the owner's own entries left out (owners
 * differ by environment). A NULL ACL means acldefault(`aclKind`, owner): PUBLIC EXECUTE on
 * functions, PUBLIC USAGE on types, nothing else beyond the owner. Columns have no default
 * (`aclKind` null). The grantee 0 is PUBLIC.
 * Where a NULL ACL can only mean "the owner's own", the subquery runs only for a non-NULL ACL:
 * at 5,000 tables it would otherwise run ~48,000 times on the columns alone (~0.1 s of server CPU).
 */
export function grantsColumn(acl: string, owner: string, aclKind: 'n' | 'r' | 's' | 'f' | 'T' | null): string {
  return `${grantsExpression(acl, owner, aclKind)} AS grants`;
}

/** grantsColumn's expression without its name, for nesting in a JSON value (a view's column grants). */
export function grantsExpression(acl: string, owner: string, aclKind: 'n' | 'r' | 's' | 'f' | 'T' | null): string {
  const source = aclKind ? `coalesce(${acl}, pg_catalog.acldefault('${aclKind}', ${owner}))` : acl;
  const grants = explodedAcl(source, owner);
  return aclKind && PUBLIC_BY_DEFAULT.has(aclKind) ? grants : `CASE WHEN ${acl} IS NOT NULL THEN ${grants} END`;
}

/** The non-owner entries of an ACL as a JSON array of GrantRow (NULL when there are none). */
function explodedAcl(source: string, owner: string): string {
  return `(SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
      'grantee', CASE WHEN a.grantee = 0 THEN '${PUBLIC}' ELSE pg_catalog.pg_get_userbyid(a.grantee) END,
      'privilege', a.privilege_type, 'grantable', a.is_grantable))
    FROM pg_catalog.aclexplode(${source}) a WHERE a.grantee <> ${owner})`;
}

/**
 * SQL for the grants column `as` of a type made along with another object (a relation's row
 * type, a range's multirange): NULL for a NULL ACL (the default, PUBLIC USAGE), else its
 * non-owner entries (`[]` when only the owner's are left). Read with typeGrantsOfRow.
 */
export function dependentTypeGrantsColumn(acl: string, owner: string, as: string): string {
  return `CASE WHEN ${acl} IS NOT NULL THEN coalesce(${explodedAcl(acl, owner)}, '[]'::json) END AS ${as}`;
}

/** A dependentTypeGrantsColumn value as the model keeps it: undefined for the default. */
export function typeGrantsOfRow(rows: readonly GrantRow[] | null): readonly Grant[] | undefined {
  return rows === null ? undefined : grantsField('type', grantsFromRows(rows)).grants;
}

/** SQL for an `owner` column (or `as`): the owner's name when owners are read (`--owners`), else NULL. */
export function ownerColumn(scope: CatalogScope, owner: string, as = 'owner'): string {
  return scope.owners ? `pg_catalog.pg_get_userbyid(${owner}) AS ${as}` : `NULL::text AS ${as}`;
}

/** Model grants from the catalog rows (PostgreSQL 17's MAINTAIN is kept as read: a grant the model lacks). */
export function grantsFromRows(rows: readonly GrantRow[] | null): Grant[] {
  return (rows ?? []).map((r) => ({ grantee: r.grantee, privilege: r.privilege as Privilege, grantable: r.grantable }));
}

const NO_ACL_FIELDS: { grants?: readonly Grant[]; owner?: string } = Object.freeze({});

/** `{ grants, owner }` fields for a model object from its catalog row, as replay spells them. */
export function aclRowFields(kind: AclKind, row: AclRow, name?: string): { grants?: readonly Grant[]; owner?: string } {
  // Nearly every row: no ACL of its own and no owner read, on a kind whose default grants nothing.
  if (!row.grants?.length && !row.owner && !defaultGrants(kind, name).length) return NO_ACL_FIELDS;
  return { ...grantsField(kind, grantsFromRows(row.grants), name), ...(row.owner ? { owner: row.owner } : {}) };
}

/** The columns grantsColumn / ownerColumn add to a catalog row. */
export interface AclRow {
  readonly grants: readonly GrantRow[] | null;
  readonly owner?: string | null;
}
