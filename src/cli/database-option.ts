import { UserError } from '../errors.js';
import { openDatabase, resolveDatabaseTarget, type Database } from '../db/index.js';
import type { ExtensionDef } from '../model/objects.js';
import type { CliIo } from './cli-io.js';

/** How a command opens its database. */
export interface NamedDatabaseOptions {
  /** For a `pglite:` target only: the extensions to load (PGlite loads bundles at start-up only). */
  readonly pgliteExtensions?: () => Promise<readonly ExtensionDef[]>;
}

/**
 * Opens the database a command names (`--database`, else DATABASE_URL, else PG* variables).
 * Refuses when nothing names one: an embedded database is only ever used when asked for. The
 * connection's own PG* variables (PGPASSWORD, PGSSLMODE, ...) are read by the driver from the process.
 */
export async function openNamedDatabase(flag: string | undefined, io: CliIo, opts: NamedDatabaseOptions = {}): Promise<Database> {
  const target = resolveDatabaseTarget(flag, io.env);
  if (!target) {
    throw new UserError(
      'no database named: pass --database URL (postgres://..., or pglite:<dir> for the embedded PGlite database) or set DATABASE_URL',
    );
  }
  const pglite = /^\s*pglite:/i.test(target);
  return openDatabase(target, { cwd: io.cwd, ...(pglite && opts.pgliteExtensions ? { extensions: await opts.pgliteExtensions() } : {}) });
}
