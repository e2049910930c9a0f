/** Values the global setup hands to test workers through vitest's provide/inject. */
declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the one PostgreSQL server started (or given) for this test run. */
    testAdminDatabaseUrl: string;
    /** Prefix of every database created by freshDatabase() in this run, for cleanup. */
    testDatabasePrefix: string;
    /** The CLI bundled from source once for this run (test/support/build-cli.ts). */
    cliBundle: string;
    /** scripts/sync-production-schema.ts bundled likewise. */
    syncScriptBundle: string;
  }
}

export {};
