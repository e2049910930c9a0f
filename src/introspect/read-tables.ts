import { type AclRow, type GrantRow, aclRowFields, dependentTypeGrantsColumn, grantsColumn, ownerColumn, typeGrantsOfRow } from './acl-field.js';
import type { CatalogScope } from './catalog-scope.js';
import type { QualifiedName, TableDef } from '../model/index.js';
import type { Mutable } from '../model/mutable.js';
import { parseDefinition } from '../parse/index.js';
import type { CatalogQuery } from './catalog-query.js';
import { commentJoin, inScope, notInExtension } from './catalog-scope.js';
import { lowerDefinition } from './lower-definition.js';
import { relOptionsField } from './rel-options-field.js';

/** A table without its columns and constraints, which other queries read. */
export interface TableHead {
  readonly oid: number;
  readonly schema: string;
  readonly name: string;
  readonly unlogged: boolean;
  readonly partitionBy?: string;
  readonly partitionOf?: { readonly parent: QualifiedName; readonly bound: string };
  readonly options?: readonly string[];
  readonly rowSecurity?: true;
  readonly forceRowSecurity?: true;
  readonly comment?: string;
  readonly grants?: TableDef['grants'];
  readonly owner?: string;
  readonly rowTypeGrants?: TableDef['rowTypeGrants'];
}

interface Row extends AclRow {
  oid: number;
  schema: string;
  name: string;
  unlogged: boolean;
  partition_key: string | null;
  parent_schema: string | null;
  parent_name: string | null;
  partition_bound: string | null;
  options: string | null;
  row_security: boolean;
  force_row_security: boolean;
  row_type_grants: GrantRow[] | null;
  description: string | null;
}

const sql = (scope: CatalogScope): string => `
SELECT c.oid, n.nspname AS schema, c.relname AS name, c.relpersistence = 'u' AS unlogged,
  CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
  pn.nspname AS parent_schema, p.relname AS parent_name,
  CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
  pg_catalog.array_to_json(pg_catalog.array_cat(c.reloptions, CASE WHEN tc.reloptions IS NOT NULL THEN
    (SELECT pg_catalog.array_agg('toast.' || o) FROM pg_catalog.unnest(tc.reloptions) o) END))::text AS options,
  c.relrowsecurity AS row_security, c.relforcerowsecurity AS force_row_security,
  ${grantsColumn('c.relacl', 'c.relowner', 'r')}, ${ownerColumn(scope, 'c.relowner')},
  ${dependentTypeGrantsColumn('rt.typacl', 'rt.typowner', 'row_type_grants')},
  d.description
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_type rt ON rt.oid = c.reltype
LEFT JOIN pg_catalog.pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
LEFT JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
LEFT JOIN pg_catalog.pg_class tc ON tc.oid = c.reltoastrelid
${commentJoin('d', 'pg_class', 'c.oid')}
WHERE c.relkind IN ('r', 'p') AND ${inScope('n')} AND ${notInExtension('pg_class', 'c.oid')}
ORDER BY n.nspname, c.relname`;

/**
 * A partition bound (`FOR VALUES FROM (...) TO (...)`) as the migration lowering spells it, or
 * pg_get_expr's text when that lowering cannot deparse it (best effort, as partitions are).
 */
function boundText(bound: string): string {
  try {
    const ddl = parseDefinition(`CREATE TABLE t PARTITION OF p ${bound}`);
    if (ddl.kind === 'createTable' && ddl.partitionOf) return ddl.partitionOf.bound;
  } catch {
    // fall through to the server's text
  }
  return bound;
}

/**
 * Ordinary and partitioned tables. The partition key and bound are re-read through the migration
 * parser (as the tail of a CREATE TABLE) so they get the same spelling a replayed table has.
 */
export const readTables: CatalogQuery<Row, TableHead[]> = {
  sql,
  build: (rows) =>
    rows.map((r) => {
      const what = `table ${r.schema}.${r.name}`;
      let partitionBy: string | undefined;
      if (r.partition_key !== null) {
        partitionBy = lowerDefinition('createTable', `CREATE TABLE t () PARTITION BY ${r.partition_key}`, what).partitionBy;
      }
      let partitionOf: TableHead['partitionOf'];
      if (r.parent_schema !== null && r.parent_name !== null && r.partition_bound !== null) {
        partitionOf = { parent: { schema: r.parent_schema, name: r.parent_name }, bound: boundText(r.partition_bound) };
      }
      const head: Mutable<TableHead> = { oid: r.oid, schema: r.schema, name: r.name, unlogged: r.unlogged };
      if (partitionBy !== undefined) head.partitionBy = partitionBy;
      if (partitionOf) head.partitionOf = partitionOf;
      const { options } = relOptionsField(r.options);
      if (options) head.options = options;
      if (r.row_security) head.rowSecurity = true;
      if (r.force_row_security) head.forceRowSecurity = true;
      if (r.description != null) head.comment = r.description;
      Object.assign(head, aclRowFields('table', r));
      const rowTypeGrants = typeGrantsOfRow(r.row_type_grants);
      if (rowTypeGrants) head.rowTypeGrants = rowTypeGrants;
      return head;
    }),
};
