import { UserError } from '../errors.js';
import { openDatabase, resolveDatabaseTarget, type Database } from '../db/index.js';
import type { ExtensionDef } from '../model/objects.js';

/** How a command opens its database. */
export interface NamedDatabaseOptions {
  /** For a `pglite:` target only: the extensions to load (PGlite loads bundles at start-up only). */
  readonly pgliteExtensions?: () => Promise<readonly ExtensionDef[]>;
}

/**
 * Opens the database a command names (`--database`, else DATABASE_URL, else PG* variables).
 * Refuses when nothing names one: an embedded database is only ever used when asked for.
 */
export async function openNamedDatabase(flag: string | undefined, opts: NamedDatabaseOptions = {}): Promise<Database> {
  const target = resolveDatabaseTarget(flag, process.env);
  if (!target) {
    throw new UserError(
      'no database named: pass --database URL (postgres://..., or pglite:<dir> for the embedded PGlite database) or set DATABASE_URL',
    );
  }
  const pglite = /^\s*pglite:/i.test(target);
  return openDatabase(target, pglite && opts.pgliteExtensions ? { extensions: await opts.pgliteExtensions() } : {});
}
