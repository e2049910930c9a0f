import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../src/db/index.js';
import { testAdminDatabaseUrl } from './database.js';

/** Roles made for one test file: cluster-wide, so their names are unique to the run and file. */
export interface TestRoles {
  /** The real role names, by the short names the test asked for. */
  readonly names: Readonly<Record<string, string>>;
  /** The SQL with every `{short}` placeholder replaced by its role name. */
  fill(sql: string): string;
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
    fill: (sql) => sql.replace(/\{(\w+)\}/g, (m, p: string) => names[p] ?? m),
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

/** Roles plus an `expected` and a `live` database for a privilege convergence file, created in beforeAll and dropped (roles last) in afterAll. */
export interface RoleFixture {
  readonly roles: TestRoles;
  readonly expected: import('./database.js').FreshDatabase;
  readonly live: import('./database.js').FreshDatabase;
}

/** Registers the hooks and returns a getter for the fixture (valid inside tests). */
export function useRoleFixture(placeholders: readonly string[], hooks: { beforeAll: (fn: () => Promise<void>) => void; afterAll: (fn: () => Promise<void>) => void }): () => RoleFixture {
  let fixture: Partial<{ -readonly [K in keyof RoleFixture]: RoleFixture[K] }> = {};
  hooks.beforeAll(async () => {
    const { freshDatabase } = await import('./database.js');
    fixture = { roles: await createTestRoles(...placeholders), expected: await freshDatabase(), live: await freshDatabase() };
  });
  hooks.afterAll(async () => {
    await fixture.expected?.drop();
    await fixture.live?.drop();
    await fixture.roles?.drop();
  });
  return () => fixture as RoleFixture;
}
