import { UserError } from '../errors.js';
import { openDatabase, resolveDatabaseTarget, type Database } from '../db/index.js';

/**
 * Opens the database a command names (`--database`, else DATABASE_URL, else PG* variables).
 * Refuses when nothing names one: an embedded database is only ever used when asked for.
 */
export async function openNamedDatabase(flag: string | undefined): Promise<Database> {
  const target = resolveDatabaseTarget(flag, process.env);
  if (!target) {
    throw new UserError(
      'no database named: pass --database URL (postgres://..., or pglite:<dir> for the embedded PGlite database) or set DATABASE_URL',
    );
  }
  return openDatabase(target);
}
