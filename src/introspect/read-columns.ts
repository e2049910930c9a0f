import { type AclRow, aclRowFields, grantsColumn } from './acl-field.js';
import { collationName, type ColumnDef } from '../model/index.js';
import type { Mutable } from '../model/mutable.js';
import { normalizeExpression } from '../parse/index.js';
import type { CatalogQuery } from './catalog-query.js';
import { commentJoin, inScope } from './catalog-scope.js';
import { type TypeRow, typeTextOfRow } from './column-type.js';

/** A column and the oid of its table. */
export interface ColumnOfTable {
  readonly tableOid: number;
  readonly column: ColumnDef;
}

interface Row extends TypeRow, AclRow {
  table_oid: number;
  name: string;
  not_null: boolean;
  identity: string;
  generated: string;
  expression: string | null;
  collation: string | null;
  collation_schema: string | null;
  identity_sequence: string | null;
  description: string | null;
}

// `e` is the element type when the column's type is an array (the type whose typarray it is).
const sql = (): string => `
SELECT a.attrelid AS table_oid, a.attname AS name,
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS formatted,
  etn.nspname AS element_schema, et.typname AS element_name, e.oid IS NOT NULL AS is_array,
  a.atttypmod AS typmod, a.attnotnull AS not_null, a.attidentity AS identity, a.attgenerated AS generated,
  pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS expression,
  CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname END AS collation,
  CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN cn.nspname END AS collation_schema,
  CASE WHEN a.attidentity <> '' THEN (
    SELECT s.relname FROM pg_catalog.pg_depend dep
    JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
    WHERE dep.refclassid = 'pg_class'::regclass AND dep.refobjid = a.attrelid
      AND dep.refobjsubid = a.attnum AND dep.classid = 'pg_class'::regclass AND dep.deptype = 'i'
    LIMIT 1) END AS identity_sequence,
  ${grantsColumn('a.attacl', 'c.relowner', null)},
  d.description
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_type e ON e.typarray = a.atttypid
JOIN pg_catalog.pg_type et ON et.oid = COALESCE(e.oid, a.atttypid)
JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
${commentJoin('d', 'pg_class', 'a.attrelid', 'a.attnum')}
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND ${inScope('n')}
ORDER BY a.attrelid, a.attnum`;

/**
 * Columns of every table in scope, in attnum order. The stored default is a generation
 * expression when attgenerated is set and absent for identity columns; both become their own
 * fields. A collation is recorded only when it differs from the type's.
 */
export const readColumns: CatalogQuery<Row, ColumnOfTable[]> = {
  sql,
  build: (rows) =>
    rows.map((r) => {
      const type = typeTextOfRow(r);
      const expression = r.expression === null ? undefined : normalizeExpression(r.expression);
      // attgenerated 's' (stored); PostgreSQL 18 adds 'v' (virtual), which the model does not tell apart.
      const generated = r.generated !== '' ? expression : undefined;
      const column: Mutable<ColumnDef> = { name: r.name, type, notNull: r.not_null };
      if (expression !== undefined && generated === undefined && r.identity === '') column.default = expression;
      if (r.identity !== '') {
        column.identity = { always: r.identity === 'a', ...(r.identity_sequence !== null ? { sequence: r.identity_sequence } : {}) };
      }
      if (generated !== undefined) column.generated = generated;
      if (r.collation !== null) column.collation = collationName(r.collation_schema ?? undefined, r.collation);
      if (r.description != null) column.comment = r.description;
      Object.assign(column, aclRowFields('column', r));
      return { tableOid: r.table_oid, column };
    }),
};
