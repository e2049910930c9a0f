import type { Database } from '../db/index.js';

/**
 * The rows of the live `alembic_version` table, found the way Alembic finds it (unqualified, on
 * the session's search_path), sorted; undefined when the database has no such table. An empty
 * array is a table with no row, which Alembic reads as "at base". Separate from `introspect`:
 * this is a read of data, not of the catalog, and `alembic_version` is no part of the schema.
 */
export async function readAlembicVersion(db: Database): Promise<readonly string[] | undefined> {
  const [found] = await db.query<{ rel: string | null; has_column: boolean }>(
    `SELECT c.oid::regclass::text AS rel,
       EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
               WHERE a.attrelid = c.oid AND a.attname = 'version_num' AND a.attnum > 0 AND NOT a.attisdropped) AS has_column
     FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('alembic_version')`,
  );
  if (!found?.rel || !found.has_column) return undefined;
  const rows = await db.query<{ v: string }>(`SELECT version_num::text AS v FROM ${found.rel} ORDER BY 1`);
  return rows.map((r) => r.v);
}
