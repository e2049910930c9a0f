import type { Revision } from '../../../src/load/types.js';
import { freshDatabase } from '../database.js';
import { runMigrations } from '../run-migrations.js';
import { pgDumpSchema } from './pg-dump.js';

/** pg_dump of a fresh database built by running every revision's SQL on the server: the oracle's answer. */
export async function referenceDump(revisions: readonly Revision[], opts: { readonly privileges?: boolean } = {}): Promise<string> {
  const ref = await freshDatabase();
  try {
    await runMigrations(ref.db, revisions);
    return await pgDumpSchema(ref.url, [], opts);
  } finally {
    await ref.drop();
  }
}
