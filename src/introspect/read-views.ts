import { type AclRow, type GrantRow, aclRowFields, dependentTypeGrantsColumn, grantsColumn, grantsExpression, grantsFromRows, ownerColumn, typeGrantsOfRow } from './acl-field.js';
import type { CatalogScope } from './catalog-scope.js';
import type { ViewColumnDetail, ViewDef } from '../model/index.js';
import { sortedColumnDetails, sortedColumnGrants } from '../model/view-column-details.js';
import { normalizeExpression, normalizeQuery } from '../parse/index.js';
import type { CatalogQuery } from './catalog-query.js';
import { commentJoin, inScope, notInExtension } from './catalog-scope.js';
import { commentField } from './comment-field.js';
import { relOptionsField } from './rel-options-field.js';

/** A view and its oid (triggers and indexes hang off views too). */
export interface ViewWithOid {
  readonly oid: number;
  readonly view: ViewDef;
}

interface Row extends AclRow {
  oid: number;
  schema: string;
  name: string;
  materialized: boolean;
  definition: string;
  options: string | null;
  row_type_grants: GrantRow[] | null;
  description: string | null;
  /** JSON `[[name, default, comment, grants], ..]` of the attributes with a default, a comment or an ACL; null when none. */
  column_details: string | null;
}

/** `{ rowTypeGrants }` when the view's row type has other than the default grants. */
function rowTypeGrantsField(rows: GrantRow[] | null): Pick<ViewDef, 'rowTypeGrants'> {
  const g = typeGrantsOfRow(rows);
  return g ? { rowTypeGrants: g } : {};
}

/** A view's column defaults and comments (see ViewDef.columnDetails) and column grants (ViewDef.columnGrants). */
function columnDetailsField(json: string | null): Pick<ViewDef, 'columnDetails' | 'columnGrants'> {
  if (json === null) return {};
  const rows = JSON.parse(json) as [string, string | null, string | null, GrantRow[] | null][];
  const details = sortedColumnDetails(rows.map(([name, expr, comment]): ViewColumnDetail => ({
    name, ...(expr !== null ? { default: normalizeExpression(expr) } : {}), ...(comment !== null ? { comment } : {}),
  })));
  const grants = sortedColumnGrants(rows.map(([name, , , acl]) => ({ name, grants: grantsFromRows(acl) })));
  return { ...(details.length ? { columnDetails: details } : {}), ...(grants.length ? { columnGrants: grants } : {}) };
}

const sql = (scope: CatalogScope): string => `
SELECT c.oid, n.nspname AS schema, c.relname AS name, c.relkind = 'm' AS materialized,
  pg_catalog.pg_get_viewdef(c.oid) AS definition,   ${grantsColumn('c.relacl', 'c.relowner', 'r')}, ${ownerColumn(scope, 'c.relowner')},
  ${dependentTypeGrantsColumn('rt.typacl', 'rt.typowner', 'row_type_grants')},
pg_catalog.array_to_json(c.reloptions)::text AS options, d.description,
(SELECT pg_catalog.json_agg(pg_catalog.json_build_array(a.attname, pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), ad2.description,
    ${grantsExpression('a.attacl', 'c.relowner', null)}))::text
  FROM pg_catalog.pg_attribute a
  LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
  ${commentJoin('ad2', 'pg_class', 'a.attrelid', 'a.attnum')}
  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND (ad.oid IS NOT NULL OR ad2.description IS NOT NULL OR a.attacl IS NOT NULL)) AS column_details
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_type rt ON rt.oid = c.reltype
${commentJoin('d', 'pg_class', 'c.oid')}
WHERE c.relkind IN ('v', 'm') AND ${inScope('n')} AND ${notInExtension('pg_class', 'c.oid')}
ORDER BY n.nspname, c.relname`;

/**
 * Views and materialized views. pg_get_viewdef re-prints the stored rewrite rule (qualified
 * columns, explicit casts), so `query` goes through the same normaliser as a migration's;
 * `definition` keeps the printed text (names in `public` unqualified, as search_path is pinned).
 * Output column names are not recorded: the catalog cannot tell explicit ones from derived ones;
 * the columns with a default or a comment are, by name (`columnDetails`), and those with an
 * ACL (`columnGrants`; the ACL subquery runs only for a non-NULL attacl).
 */
export const readViews: CatalogQuery<Row, ViewWithOid[]> = {
  sql,
  build: (rows) =>
    rows.map((r) => {
      let query: string;
      try {
        query = normalizeQuery(r.definition);
      } catch (err) {
        throw new Error(`cannot read the query of view ${r.schema}.${r.name}: ${(err as Error).message}\n${r.definition}`);
      }
      return {
        oid: r.oid,
        view: {
          schema: r.schema, name: r.name, materialized: r.materialized, query,
          definition: r.definition.trim().replace(/;$/, ''),
          ...relOptionsField(r.options),
          ...columnDetailsField(r.column_details),
          ...aclRowFields('table', r),
          ...rowTypeGrantsField(r.row_type_grants),
          ...commentField(r.description),
        },
      };
    }),
};
