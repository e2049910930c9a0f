/**
 * The part of the catalog a read covers, and the SQL fragments every bulk query shares so that
 * all of them agree on what is in scope. Each query takes the schema list as its only parameter
 * (`$1`, a text[] or NULL for "all non-system schemas").
 */
export interface CatalogScope {
  /** Explicit schema list, or null for every non-system schema. */
  readonly schemas: readonly string[] | null;
  /** `server_version_num` of the server (e.g. 150004), for catalog columns that differ. */
  readonly serverVersion: number;
  /** Read objects' owners (`--owners`); otherwise the owner columns are NULL. */
  readonly owners?: boolean;
}

/** The bind parameters matching {@link inScope}'s `$1`. */
export function scopeParams(scope: CatalogScope): unknown[] {
  return [scope.schemas === null ? null : [...scope.schemas]];
}

/**
 * Is the namespace (alias `nsp`) in scope? `pg_` covers pg_catalog, pg_toast and the
 * per-session pg_temp_N / pg_toast_temp_N schemas that temporary tables live in.
 */
export function inScope(nsp: string): string {
  return `(CASE WHEN $1::text[] IS NULL
    THEN ${nsp}.nspname !~ '^pg_' AND ${nsp}.nspname <> 'information_schema'
    ELSE ${nsp}.nspname = ANY ($1::text[]) END)`;
}

/**
 * The object (catalog `catalog`, oid expression `oid`) is not a member of an extension. Members
 * carry a pg_depend row of deptype 'e'; they are created by CREATE EXTENSION, never by a migration.
 */
export function notInExtension(catalog: 'pg_class' | 'pg_type' | 'pg_proc' | 'pg_namespace' | 'pg_collation' | 'pg_operator', oid: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
    WHERE x.classid = '${catalog}'::regclass AND x.objid = ${oid} AND x.deptype = 'e')`;
}

/** LEFT JOIN of the object's comment as `<alias>.description` (objsubid 0 = the object itself). */
export function commentJoin(alias: string, catalog: string, oid: string, subId = '0'): string {
  return `LEFT JOIN pg_catalog.pg_description ${alias} ON ${alias}.classoid = '${catalog}'::regclass
    AND ${alias}.objoid = ${oid} AND ${alias}.objsubid = ${subId}`;
}
