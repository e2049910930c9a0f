/** Throwaway servers and databases for the acceptance scripts (never used by the test suite). */
import { openDatabase, type Database } from '../../src/db/index.js';
import { startEmbeddedServer } from '../../test/support/embedded-server.js';

/**
 * Runs `fn` with a superuser URL: the one given, else TEST_DATABASE_URL, else an embedded
 * PostgreSQL 15 started for the run and stopped afterwards.
 */
export async function withScratchServer<T>(
  given: string | undefined,
  fn: (adminUrl: string, description: string) => Promise<T>,
  settings: readonly string[] = [],
): Promise<T> {
  const adminUrl = given ?? process.env.TEST_DATABASE_URL;
  if (adminUrl) return fn(adminUrl, 'the server given');
  const server = await startEmbeddedServer(settings);
  try {
    return await fn(server.adminUrl, server.description);
  } finally {
    await server.stop();
  }
}

/** Creates a fresh database (UTF8, C collation), runs `fn` connected to it (and given its URL), then drops it. */
export async function withScratchDatabase<T>(
  adminUrl: string,
  name: string,
  fn: (db: Database, url: string) => Promise<T>,
  template = 'template0',
): Promise<T> {
  const admin = await openDatabase(adminUrl);
  try {
    await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.exec(
      template === 'template0'
        ? `CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`
        : `CREATE DATABASE "${name}" TEMPLATE "${template}"`,
    );
    const url = scratchUrl(adminUrl, name);
    const db = await openDatabase(url);
    try {
      return await fn(db, url);
    } finally {
      await db.close();
      await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  } finally {
    await admin.close();
  }
}

/** URL of database `name` on the server of `adminUrl`. */
export function scratchUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement on the admin database (CREATE / DROP DATABASE). */
export async function adminExec(adminUrl: string, sql: string): Promise<void> {
  const admin = await openDatabase(adminUrl);
  try {
    await admin.exec(sql);
  } finally {
    await admin.close();
  }
}

/** The value after `flag` in argv, if present. */
export function flagValue(args: readonly string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Positional arguments: everything that is not a flag or the value of one of `valued`. */
export function positionals(args: readonly string[], valued: readonly string[]): string[] {
  return args.filter((a, i) => !a.startsWith('--') && !valued.includes(args[i - 1] ?? ''));
}
