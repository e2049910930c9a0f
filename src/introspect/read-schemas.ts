import { type AclRow, aclRowFields, grantsColumn, ownerColumn } from './acl-field.js';
import type { CatalogScope } from './catalog-scope.js';
import type { SchemaDef } from '../model/index.js';
import type { CatalogQuery } from './catalog-query.js';
import { commentJoin, inScope, notInExtension } from './catalog-scope.js';
import { commentField } from './comment-field.js';

/** initdb's comment on `public`: a fresh database has it, a replayed state does not model it. */
const DEFAULT_PUBLIC_COMMENT = 'standard public schema';

const sql = (scope: CatalogScope): string => `
SELECT n.nspname AS name, d.description,
  ${grantsColumn('n.nspacl', 'n.nspowner', 'n')}, ${ownerColumn(scope, 'n.nspowner')}
FROM pg_catalog.pg_namespace n
${commentJoin('d', 'pg_namespace', 'n.oid')}
WHERE (${inScope('n')} OR n.nspname = 'public')
  AND ${notInExtension('pg_namespace', 'n.oid')}
ORDER BY n.nspname`;

/**
 * Schemas in scope, plus `public` whenever it exists (an empty state always has it). The comment
 * initdb puts on `public` is treated as no comment.
 */
export const readSchemas: CatalogQuery<{ name: string; description: string | null } & AclRow, SchemaDef[]> = {
  sql,
  build: (rows) =>
    rows.map((r) => {
      const isDefault = r.name === 'public' && r.description === DEFAULT_PUBLIC_COMMENT;
      return { name: r.name, ...commentField(isDefault ? null : r.description), ...aclRowFields('schema', r, r.name) };
    }),
};
