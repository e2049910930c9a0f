/** The target meaning "connect with `pg` using only the standard PG* environment variables". */
export const PG_ENV_TARGET = 'postgres:';

/**
 * Picks the database to use: the flag if given, else DATABASE_URL, else {@link PG_ENV_TARGET} when
 * PGHOST or PGDATABASE is set. Returns undefined when nothing names a database; callers must then
 * refuse rather than fall back to an embedded database, which would silently target nothing real.
 * An explicitly given empty flag is returned as is, so that opening it fails instead of quietly
 * using the environment.
 */
export function resolveDatabaseTarget(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (flag !== undefined) return flag;
  const url = env['DATABASE_URL'];
  if (url !== undefined && url.trim() !== '') return url;
  if (env['PGHOST'] || env['PGDATABASE'] || env['PGSERVICE']) return PG_ENV_TARGET;
  return undefined;
}
