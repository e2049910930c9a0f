import { type AclRow, aclRowFields, grantsColumn, ownerColumn } from './acl-field.js';
import type { CatalogScope } from './catalog-scope.js';
import type { EnumDef } from '../model/index.js';
import type { CatalogQuery } from './catalog-query.js';
import { commentJoin, inScope, notInExtension } from './catalog-scope.js';
import { commentField } from './comment-field.js';

const sql = (scope: CatalogScope): string => `
SELECT n.nspname AS schema, t.typname AS name,
  ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e
        WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels,
  ${grantsColumn('t.typacl', 't.typowner', 'T')}, ${ownerColumn(scope, 't.typowner')},
  d.description
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
${commentJoin('d', 'pg_type', 't.oid')}
WHERE t.typtype = 'e' AND ${inScope('n')} AND ${notInExtension('pg_type', 't.oid')}
ORDER BY n.nspname, t.typname`;

/**
 * Enum types with labels in enumsortorder, which is the declared order even after
 * `ADD VALUE ... BEFORE` (oids, by contrast, follow creation).
 */
export const readEnums: CatalogQuery<{ schema: string; name: string; labels: string[]; description: string | null } & AclRow, EnumDef[]> = {
  sql,
  build: (rows) =>
    rows.map((r) => ({ schema: r.schema, name: r.name, values: r.labels, ...commentField(r.description), ...aclRowFields('type', r) })),
};
