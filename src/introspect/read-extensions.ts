import type { Database } from '../db/index.js';
import type { ExtensionDef } from '../model/index.js';

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
export async function readExtensions(db: Database): Promise<ExtensionDef[]> {
  const rows = await db.query<{ name: string; schema: string }>(SQL);
  return rows.map((r) => ({ name: r.name, schema: r.schema }));
}
