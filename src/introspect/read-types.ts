import type { CompositeTypeDef, RangeTypeDef, TypeAttribute } from '../model/index.js';
import type { Mutable } from '../model/mutable.js';
import { type AclRow, type GrantRow, aclRowFields, dependentTypeGrantsColumn, grantsColumn, ownerColumn, typeGrantsOfRow } from './acl-field.js';
import type { CatalogQuery } from './catalog-query.js';
import { type CatalogScope, commentJoin, inScope, notInExtension } from './catalog-scope.js';
import { commentField } from './comment-field.js';
import { type TypeRow, typeTextOfRow } from './column-type.js';
import { catalogObjectName } from '../model/names.js';

interface AttributeRow extends TypeRow {
  name: string;
  collation: string | null;
  description: string | null;
}

interface CompositeRow extends AclRow {
  schema: string;
  name: string;
  attributes: AttributeRow[];
  description: string | null;
}

// Stand-alone composite types only: a table's, view's or sequence's row type has typtype 'c' too,
// but its class is not relkind 'c'. `e`/`et` give the element of an array type, as in the columns query.
const compositeSql = (scope: CatalogScope): string => `
SELECT n.nspname AS schema, t.typname AS name,
  COALESCE((SELECT json_agg(json_build_object(
      'name', a.attname, 'formatted', pg_catalog.format_type(a.atttypid, a.atttypmod),
      'element_schema', etn.nspname, 'element_name', et.typname, 'is_array', e.oid IS NOT NULL, 'typmod', a.atttypmod,
      'collation', CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation THEN co.collname END,
      'description', ad.description) ORDER BY a.attnum)
    FROM pg_catalog.pg_attribute a
    JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
    LEFT JOIN pg_catalog.pg_type e ON e.typarray = a.atttypid
    JOIN pg_catalog.pg_type et ON et.oid = COALESCE(e.oid, a.atttypid)
    JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace
    LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
    ${commentJoin('ad', 'pg_class', 'a.attrelid', 'a.attnum')}
    WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), '[]'::json) AS attributes,
  ${grantsColumn('t.typacl', 't.typowner', 'T')}, ${ownerColumn(scope, 't.typowner')},
  d.description
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
${commentJoin('d', 'pg_type', 't.oid')}
WHERE t.typtype = 'c' AND ${inScope('n')} AND ${notInExtension('pg_type', 't.oid')}
ORDER BY n.nspname, t.typname`;

/** Stand-alone composite types with their attributes in attnum order (dropped ones left out). */
export const readCompositeTypes: CatalogQuery<CompositeRow, CompositeTypeDef[]> = {
  sql: compositeSql,
  build: (rows) =>
    rows.map((r) => ({
      schema: r.schema,
      name: r.name,
      attributes: r.attributes.map((a): TypeAttribute => ({ name: a.name, type: typeTextOfRow(a), ...(a.collation !== null ? { collation: `"${a.collation}"` } : {}), ...commentField(a.description) })),
      ...commentField(r.description),
      ...aclRowFields('type', r),
    })),
};

interface RangeRow extends TypeRow, AclRow {
  schema: string;
  name: string;
  opclass_schema: string | null;
  opclass: string | null;
  collation: string | null;
  canonical_schema: string | null;
  canonical: string | null;
  diff_schema: string | null;
  diff: string | null;
  multirange_schema: string | null;
  multirange: string | null;
  multirange_grants: GrantRow[] | null;
  multirange_owner: string | null;
  description: string | null;
}

// The subtype's default operator class (opcdefault) and collation are left out, as replay leaves
// out what a migration may spell or omit alike. Multiranges exist from PostgreSQL 14.
const rangeSql = (scope: CatalogScope): string => `
SELECT n.nspname AS schema, t.typname AS name,
  pg_catalog.format_type(r.rngsubtype, NULL) AS formatted,
  etn.nspname AS element_schema, et.typname AS element_name, e.oid IS NOT NULL AS is_array, -1 AS typmod,
  CASE WHEN NOT oc.opcdefault THEN ocn.nspname END AS opclass_schema, CASE WHEN NOT oc.opcdefault THEN oc.opcname END AS opclass,
  CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation THEN co.collname END AS collation,
  cpn.nspname AS canonical_schema, cp.proname AS canonical, dpn.nspname AS diff_schema, dp.proname AS diff,
  mn.nspname AS multirange_schema, m.typname AS multirange,
  ${grantsColumn('t.typacl', 't.typowner', 'T')}, ${ownerColumn(scope, 't.typowner')},
  ${dependentTypeGrantsColumn('m.typacl', 'm.typowner', 'multirange_grants')}, ${ownerColumn(scope, 'm.typowner', 'multirange_owner')},
  d.description
FROM pg_catalog.pg_range r
JOIN pg_catalog.pg_type t ON t.oid = r.rngtypid
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype
LEFT JOIN pg_catalog.pg_type e ON e.typarray = r.rngsubtype
JOIN pg_catalog.pg_type et ON et.oid = COALESCE(e.oid, r.rngsubtype)
JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace
JOIN pg_catalog.pg_opclass oc ON oc.oid = r.rngsubopc
JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace
LEFT JOIN pg_catalog.pg_collation co ON co.oid = r.rngcollation
LEFT JOIN pg_catalog.pg_proc cp ON cp.oid = r.rngcanonical
LEFT JOIN pg_catalog.pg_namespace cpn ON cpn.oid = cp.pronamespace
LEFT JOIN pg_catalog.pg_proc dp ON dp.oid = r.rngsubdiff
LEFT JOIN pg_catalog.pg_namespace dpn ON dpn.oid = dp.pronamespace
LEFT JOIN pg_catalog.pg_type m ON m.oid = ${scope.serverVersion >= 140000 ? 'r.rngmultitypid' : '0'}
LEFT JOIN pg_catalog.pg_namespace mn ON mn.oid = m.typnamespace
${commentJoin('d', 'pg_type', 't.oid')}
WHERE t.typtype = 'r' AND ${inScope('n')} AND ${notInExtension('pg_type', 't.oid')}
ORDER BY n.nspname, t.typname`;

/** Range types from pg_range, with their multirange type. */
export const readRangeTypes: CatalogQuery<RangeRow, RangeTypeDef[]> = {
  sql: rangeSql,
  build: (rows) =>
    rows.map((r) => {
      const def: Mutable<RangeTypeDef> = {
        schema: r.schema, name: r.name, subtype: typeTextOfRow(r),
        multirange: { schema: r.multirange_schema ?? r.schema, name: r.multirange ?? '' },
      };
      if (r.opclass !== null) def.subtypeOpclass = catalogObjectName(r.opclass_schema ?? 'pg_catalog', r.opclass);
      if (r.collation !== null) def.collation = `"${r.collation}"`;
      if (r.canonical !== null) def.canonical = catalogObjectName(r.canonical_schema ?? 'pg_catalog', r.canonical);
      if (r.diff !== null) def.subtypeDiff = catalogObjectName(r.diff_schema ?? 'pg_catalog', r.diff);
      Object.assign(def, commentField(r.description), aclRowFields('type', r));
      const multirangeGrants = typeGrantsOfRow(r.multirange_grants);
      if (multirangeGrants) def.multirangeGrants = multirangeGrants;
      if (r.multirange_owner) def.multirangeOwner = r.multirange_owner;
      return def;
    }),
};
