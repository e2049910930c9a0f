import type { ExtensionDef } from '../model/index.js';
import type { CatalogQuery } from './catalog-query.js';

const SQL = `
SELECT e.extname AS name, n.nspname AS schema
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname <> 'plpgsql'
ORDER BY e.extname`;

/**
 * Installed extensions, whatever the schema scope (an extension belongs to the database; its
 * schema is only where its objects went). plpgsql is left out: every database has it.
 */
export const readExtensions: CatalogQuery<{ name: string; schema: string }, ExtensionDef[]> = {
  sql: () => SQL,
  params: () => [],
  build: (rows) => rows.map((r) => ({ name: r.name, schema: r.schema })),
};
