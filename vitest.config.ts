import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * One PostgreSQL server per run (see test/support/global-setup.ts). Forks, not threads: some tests
 * change the working directory, which worker threads cannot. Files are not isolated: a fresh fork
 * per file re-imported the parser's WASM, PGlite and ~300 source modules every time (measured on
 * the 42 database-free files: 51 s -> 17 s CPU). Every file still gets its own databases, and tests
 * that touch process.env or the working directory restore them.
 * Workers: vitest's default on 2 cores is ONE (cores - 1), but most of a file's time is spent
 * waiting for PostgreSQL, a CLI child process or a lock timeout, so one more worker than cores.
 * minWorkers = maxWorkers: with fewer, tinypool ends an idle fork at once, and with isolate off
 * that raced with the next file ("Unhandled Rejection: Terminating worker thread", exit 1).
 */
const WORKERS = availableParallelism() + 1;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    isolate: false,
    maxWorkers: WORKERS,
    minWorkers: WORKERS,
    // Generous on purpose: idle, no test needs more than ~20 s; under load 20 on 2 cores (six
    // sessions) single tests took up to 100 s, and a timeout there is noise, not a finding.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
