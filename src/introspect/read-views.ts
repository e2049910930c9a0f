import { type AclRow, aclRowFields, grantsColumn, ownerColumn } from './acl-field.js';
import type { CatalogScope } from './catalog-scope.js';
import type { ViewDef } from '../model/index.js';
import { normalizeQuery } from '../parse/index.js';
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
  description: string | null;
}

const sql = (scope: CatalogScope): string => `
SELECT c.oid, n.nspname AS schema, c.relname AS name, c.relkind = 'm' AS materialized,
  pg_catalog.pg_get_viewdef(c.oid) AS definition,   ${grantsColumn('c.relacl', 'c.relowner', 'r')}, ${ownerColumn(scope, 'c.relowner')},
pg_catalog.array_to_json(c.reloptions)::text AS options, d.description
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
${commentJoin('d', 'pg_class', 'c.oid')}
WHERE c.relkind IN ('v', 'm') AND ${inScope('n')} AND ${notInExtension('pg_class', 'c.oid')}
ORDER BY n.nspname, c.relname`;

/**
 * Views and materialized views. pg_get_viewdef re-prints the stored rewrite rule (qualified
 * columns, explicit casts), so `query` goes through the same normaliser as a migration's;
 * `definition` keeps the printed text (names in `public` unqualified, as search_path is pinned).
 * Output column names are not recorded: the catalog cannot tell explicit ones from derived ones.
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
          ...aclRowFields('table', r),
          ...commentField(r.description),
        },
      };
    }),
};
