import type { Database } from '../../src/db/index.js';

/** Empties a test database between cases: every non-system schema dropped, `public` recreated. */
export async function resetDatabase(db: Database): Promise<void> {
  const rows = await db.query<{ nspname: string }>(
    `SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'`,
  );
  const extensions = await db.query<{ extname: string }>(`SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'`);
  for (const e of extensions) await db.exec(`DROP EXTENSION IF EXISTS "${e.extname}" CASCADE`);
  for (const r of rows) await db.exec(`DROP SCHEMA IF EXISTS "${r.nspname.replace(/"/g, '""')}" CASCADE`);
  await db.exec('CREATE SCHEMA public');
}
