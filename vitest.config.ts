import { defineConfig } from 'vitest/config';

/** One PostgreSQL server per run (see test/support/global-setup.ts); forks isolate PGlite's WASM heaps. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
