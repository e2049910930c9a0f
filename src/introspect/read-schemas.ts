import type { Database } from '../db/index.js';
import type { SchemaDef } from '../model/index.js';
import { type CatalogScope, commentJoin, inScope, notInExtension, scopeParams } from './catalog-scope.js';
import { commentField } from './comment-field.js';

/** initdb's comment on `public`: a fresh database has it, a replayed state does not model it. */
const DEFAULT_PUBLIC_COMMENT = 'standard public schema';

const SQL = `
SELECT n.nspname AS name, d.description
FROM pg_catalog.pg_namespace n
${commentJoin('d', 'pg_namespace', 'n.oid')}
WHERE (${inScope('n')} OR n.nspname = 'public')
  AND ${notInExtension('pg_namespace', 'n.oid')}
ORDER BY n.nspname`;

/**
 * Schemas in scope, plus `public` whenever it exists (an empty state always has it). The comment
 * initdb puts on `public` is treated as no comment.
 */
export async function readSchemas(db: Database, scope: CatalogScope): Promise<SchemaDef[]> {
  const rows = await db.query<{ name: string; description: string | null }>(SQL, scopeParams(scope));
  return rows.map((r) => {
    const isDefault = r.name === 'public' && r.description === DEFAULT_PUBLIC_COMMENT;
    return { name: r.name, ...commentField(isDefault ? null : r.description) };
  });
}
