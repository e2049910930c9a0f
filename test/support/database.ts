import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/index.js';
import './provided-context.js';

/** A database created for one test file, with a Database from src/db already connected to it. */
export interface FreshDatabase {
  /** Superuser URL of the new database (for tools that want their own connection). */
  readonly url: string;
  readonly db: Database;
  /** Closes `db` and drops the database (also if other sessions are still connected). */
  drop(): Promise<void>;
}

let counter = 0;
let serverVersion: Promise<number> | undefined;

/** Superuser URL of the run's test server (its `postgres` database), from the global setup. */
export function testAdminDatabaseUrl(): string {
  return inject('testAdminDatabaseUrl');
}

/**
 * Creates a new, uniquely named, empty database (from template0, UTF8, C collation, so that
 * results do not depend on the server's locale) on the run's test server and connects to it.
 * Intended as one per test file in beforeAll, with drop() in afterAll; may be called repeatedly.
 */
export async function freshDatabase(): Promise<FreshDatabase> {
  const adminUrl = testAdminDatabaseUrl();
  // Random part: with isolated workers a reused process re-imports this module (counter restarts).
  const name = `${inject('testDatabasePrefix')}_${process.pid}_${randomBytes(3).toString('hex')}_${++counter}`;
  const admin = await openDatabase(adminUrl);
  try {
    serverVersion ??= admin.query<{ v: number }>(`SELECT current_setting('server_version_num')::int AS v`).then((r) => r[0]!.v);
    // FILE_COPY (PostgreSQL 15+) copies template0's few files; the default WAL_LOG writes every
    // page of it to the WAL: about three times the server CPU per database, for nothing here.
    const strategy = (await serverVersion) >= 150000 ? ' STRATEGY FILE_COPY' : '';
    await admin.exec(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'${strategy}`);
  } finally {
    await admin.close();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase(url.toString());
  let dropped = false;
  return {
    url: url.toString(),
    db,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await db.close();
      const again = await openDatabase(adminUrl);
      try {
        await again.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await again.close();
      }
    },
  };
}
