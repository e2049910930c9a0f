import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../src/db/index.js';
import { testAdminDatabaseUrl } from './database.js';

/** Roles made for one test file: cluster-wide, so their names are unique to the run and file. */
export interface TestRoles {
  /** The real role names, by the short names the test asked for. */
  readonly names: Readonly<Record<string, string>>;
  /** Drops the roles (call after the databases whose objects name them are dropped). */
  drop(): Promise<void>;
}

/**
 * Creates NOLOGIN roles named `ss_<random>_<short>` on the run's test server. Roles are
 * cluster-level: test files share a server, so each file gets its own names.
 */
export async function createTestRoles(...short: string[]): Promise<TestRoles> {
  const tag = `ss_${randomBytes(3).toString('hex')}`;
  const names = Object.fromEntries(short.map((s) => [s, `${tag}_${s}`]));
  const admin = await openDatabase(testAdminDatabaseUrl());
  try {
    for (const n of Object.values(names)) await admin.exec(`CREATE ROLE "${n}" NOLOGIN`);
  } finally {
    await admin.close();
  }
  return {
    names,
    drop: async () => {
      const again = await openDatabase(testAdminDatabaseUrl());
      try {
        for (const n of Object.values(names)) await again.exec(`DROP ROLE IF EXISTS "${n}"`);
      } finally {
        await again.close();
      }
    },
  };
}
